/**
 * The engine judges each distinct shape of resource once (issue 12). Its verdict must be, resource by
 * resource, the verdict the compiled rules give that resource alone through their plain entry point
 * (souverain/main/result, what `opa eval` users query): same findings, same messages under the resource's
 * own id and name, same exemptions, same summary.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Engine, type Config, type Verdict } from "../src/index.js";
import type { CanonicalResource } from "../src/model/canonical.js";
import { fromPlan } from "../src/terraform/plan.js";
import { TODAY } from "./helpers/engine.js";
import { planFiles } from "./helpers/fixtures.js";

const CLASSES = ["sensitive", "Archives", "santé", "personal,public", "sensitve", undefined, "restricted"];

/** Every resource of the real plans, tagged in rotation, some named, some with copies, some from stack tags. */
function estate(): CanonicalResource[] {
  const resources: CanonicalResource[] = [];
  for (const file of planFiles()) {
    const plan = JSON.parse(readFileSync(file, "utf8")) as Parameters<typeof fromPlan>[0];
    for (const r of fromPlan(plan, file).resources) {
      const n = resources.length;
      const cls = CLASSES[n % CLASSES.length];
      const tags = { ...r.tags, Name: `unique-${n}`, ...(cls ? { "data-classification": cls } : {}) };
      const tagSources = n % 5 === 0 && cls ? { ...r.tagSources, "data-classification": "stack" } : r.tagSources;
      resources.push({
        ...r,
        id: `${file.split("/").pop()}/${r.id}`,
        tags,
        ...(tagSources ? { tagSources } : {}),
        ...(n % 3 === 0 ? { name: `name-${n}` } : {}),
        ...(n % 7 === 0 ? { copies: [{ kind: "replica", region: "us-east-1", target: `target-${n}` }] } : {}),
      });
    }
  }
  return resources;
}

const CONFIG: Config = {
  defaultClassification: "internal",
  exemptions: [
    { rule: "location-must-be-known", resource: "placeholder", justification: "TICKET-1", expires: "2027-01-01" },
  ],
};

/** The rules' own verdict on one resource, without the engine's shapes. */
function plainResult(engine: Engine, resource: CanonicalResource): Verdict {
  const policy = (engine as unknown as { wasm: { evaluate: (input: unknown, at: string) => [{ result: Verdict }] } }).wasm;
  return policy.evaluate({ resources: [resource], today: TODAY }, "souverain/main/result")[0].result;
}

/** JSON with object keys sorted: the comparison is of content, not of the order fields were written in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

const byIndex = (verdict: Verdict, id: string): string[] =>
  verdict.findings.filter((f) => f.resource === id).map(canonical).sort();

describe("judging distinct shapes once", () => {
  const resources = estate();
  // An exemption by id must cover that resource only, not the others of its shape.
  const exempted = resources.find((r) => r.tags?.["data-classification"] === "sensitive")!;
  const config = { ...CONFIG, exemptions: [{ ...CONFIG.exemptions![0]!, rule: "sensitive-requires-secnumcloud", resource: exempted.id }] };
  const engine = Engine.createSync({ config, today: TODAY });
  const together = engine.evaluate({ resources });

  it("covers enough of the real plans to mean something", () => {
    expect(resources.length).toBeGreaterThan(150);
    expect(new Set(together.findings.filter((f) => f.exempt).map((f) => f.resource))).toEqual(new Set([exempted.id]));
  });

  it("gives every resource the verdict it gets when judged alone", () => {
    const disagreements: string[] = [];
    resources.forEach((resource, index) => {
      const alone = plainResult(engine, resource);
      const expected = { ...alone.resources[0]!, index };
      if (canonical(together.resources[index]) !== canonical(expected)) disagreements.push(`${resource.id}: summary`);
      const ownFindings = alone.findings.filter((f) => !f.resource.startsWith("config:"));
      if (JSON.stringify(byIndex(together, resource.id)) !== JSON.stringify(byIndex({ ...alone, findings: ownFindings }, resource.id))) {
        disagreements.push(`${resource.id}: findings`);
      }
    });
    expect(disagreements).toEqual([]);
  });

  it("judges far fewer shapes than resources, and names each resource in its own messages", () => {
    const policy = (engine as unknown as { wasm: { evaluate: (input: { resources?: unknown[] }, at: string) => unknown } }).wasm;
    const truth = policy.evaluate.bind(policy);
    let judged = 0;
    policy.evaluate = (input, at) => {
      if (at === "souverain/main/result") judged += input.resources?.length ?? 0;
      return truth(input, at);
    };
    const twins: CanonicalResource[] = Array.from({ length: 500 }, (_, n) => ({
      id: `aws_s3_bucket.b${n}`,
      name: `bucket-${n}`,
      type: "aws_s3_bucket",
      cloud: "aws",
      region: "us-east-1",
      tags: { "data-classification": "sensitive", Name: `bucket-${n}`, owner: `team-${n % 9}` },
    }));
    const verdict = engine.evaluate({ resources: twins });
    policy.evaluate = truth;
    expect(judged).toBe(1);
    expect(verdict.resources.map((r) => r.id)).toEqual(twins.map((t) => t.id));
    for (const twin of twins) {
      const [finding] = verdict.findings.filter((f) => f.resource === twin.id && f.policy === "sensitive-requires-secnumcloud");
      expect(finding?.message.en.startsWith(`${twin.name}: `)).toBe(true);
      expect(finding?.message.fr.startsWith(`${twin.name}\u00a0: `)).toBe(true);
      expect(JSON.stringify(finding)).not.toContain("\u0000");
    }
  });

  it("reads exemption coverage by own id only: an id named like an Object property is not covered", () => {
    const exempting = Engine.createSync({
      today: TODAY,
      config: { exemptions: [{ rule: "sensitive-requires-secnumcloud", resource: "covered", justification: "TICKET-2", expires: "2027-01-01" }] },
    });
    const ids = ["covered", "constructor", "__proto__", "toString", "hasOwnProperty"];
    const verdict = exempting.evaluate({
      resources: ids.map((id) => ({ id, type: "aws_s3_bucket", cloud: "aws", region: "us-east-1", tags: { "data-classification": "sensitive" } })),
    });
    const exempt = (id: string) => verdict.findings.filter((f) => f.resource === id && f.policy === "sensitive-requires-secnumcloud").map((f) => f.exempt);
    expect(exempt("covered")).toEqual([true]);
    for (const id of ids.slice(1)) expect(exempt(id)).toEqual([false]);
  });
});
