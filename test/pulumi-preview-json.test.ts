/**
 * `souverain check` on `pulumi preview --json` output (real captures in test/fixtures/pulumi-preview):
 * the same resolution as the pack, unknowns unknown, secrets never shown, malformed input refused with
 * a JSON pointer.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/root.js";

const FIXTURES = join(repoRoot, "test", "fixtures", "pulumi-preview");
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8")) as {
  steps: { op: string; urn: string; provider?: string; newState?: { urn: string; type: string; inputs?: Record<string, unknown>; provider?: string } }[];
  config?: Record<string, unknown>;
  diagnostics?: unknown[];
};
const dir = mkdtempSync(join(tmpdir(), "souverain-preview-"));

function souverain(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [join(repoRoot, "bin", "souverain.js"), ...args], { input, encoding: "utf8", env: { ...process.env, LANG: "C", NO_COLOR: "1" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

interface JsonReport {
  inputs: { format: string; description: string; empty?: true }[];
  findings: { policy: string; resource: string; enforcement: string; message: string }[];
  resources: { id: string; classifiedBy: string[]; placements: { cloud: string | null; region?: string | null }[] }[];
}
const report = (args: string[], input?: string) => {
  const run = souverain(["check", ...args, "--format", "json", "--all-placements"], input);
  return { code: run.code, stderr: run.stderr, report: JSON.parse(run.stdout || "null") as JsonReport };
};
const verdicts = (r: JsonReport) => r.findings.map((f) => `${f.enforcement} ${f.policy} ${f.resource.split("::").pop()}`).sort();
const placement = (r: JsonReport, name: string) => r.resources.find((x) => x.id.endsWith(`::${name}`))!.placements[0]!;

describe("pulumi preview --json as an input", () => {
  it("is recognised and judged as the pack judges the example (AWS Paris, stack sensitive)", () => {
    const { code, report: r } = report([join(FIXTURES, "aws-paris-sensitive.json")]);
    expect(code).toBe(1);
    expect(r.inputs[0]).toMatchObject({ format: "pulumi-preview", description: "Pulumi preview (pulumi preview --json, stack sensitive)" });
    // The provider and the stack are not judged; the IAM role is, and holds no data.
    expect(r.resources.map((x) => x.id.split("::").pop()).sort()).toEqual(["annuaire", "dossiers", "lecture"]);
    expect(verdicts(r)).toEqual(["mandatory sensitive-requires-secnumcloud annuaire", "mandatory sensitive-requires-secnumcloud dossiers"]);
    // The classification comes from the explicit provider's default tags, as in the pack.
    expect(r.resources.find((x) => x.id.endsWith("::dossiers"))!.classifiedBy).toEqual(["tag data-classification (provider-default)"]);
  });

  it("places Azure accounts through their resource group (property dependencies)", () => {
    const { report: r } = report([join(FIXTURES, "azure-dev.json")]);
    expect(placement(r, "dossiers").region).toBe("francecentral");
    expect(placement(r, "dossiers-us").region).toBe("eastus");
    expect(verdicts(r)).toEqual(["mandatory health-requires-hds dossiers-us"]);
  });

  it("keeps unknowns unknown and never shows a secret", () => {
    const { code, report: r } = report([join(FIXTURES, "unknowns-and-secrets.json")]);
    expect(code).toBe(1);
    // The region is an output of another resource; the default provider's region is not in the stack's config.
    expect(placement(r, "journal").region).toBeNull();
    expect(placement(r, "defaut").region).toBeNull();
    expect(verdicts(r)).toContain("mandatory location-must-be-known journal");
    expect(verdicts(r)).toContain("mandatory location-must-be-known defaut");
    // A secret classification tag names no class: unproven, and shown as a stand-in.
    expect(verdicts(r)).toContain("mandatory classification-required secret");
    const secret = r.findings.find((f) => f.resource.endsWith("::secret"))!;
    expect(secret.message).toContain("secret-value-not-shown");
    expect(JSON.stringify(r)).not.toContain("[secret]");
  });

  it("hides a secret tag value in a [{key, value}] tag list too", () => {
    const preview = fixture("aws-paris-sensitive");
    const bucket = preview.steps.find((s) => s.urn.endsWith("::dossiers"))!;
    bucket.newState!.inputs = { tags: [{ key: "data-classification", value: "[secret]" }] };
    const { report: r } = report([write("secret-list.json", preview)]);
    expect(verdicts(r)).toContain("mandatory classification-required dossiers");
    expect(r.findings.find((f) => f.resource.endsWith("::dossiers"))!.message).toContain("secret-value-not-shown");
  });

  it("reads a default provider's settings from the stack's config", () => {
    const preview = fixture("unknowns-and-secrets");
    preview.config = { ...preview.config, "aws:region": "eu-west-3" };
    expect(placement(report([write("default-provider.json", preview)]).report, "defaut").region).toBe("eu-west-3");
    preview.config["aws:region"] = "[secret]";
    expect(placement(report([write("secret-region.json", preview)]).report, "defaut").region).toBeNull();
  });

  it("takes an explicit provider the preview does not show as unknown, never as absent", () => {
    const preview = fixture("aws-paris-sensitive");
    preview.steps = preview.steps.filter((s) => !s.urn.includes("pulumi:providers:aws"));
    const { report: r } = report([write("no-provider.json", preview)]);
    expect(placement(r, "dossiers").region).toBeNull();
    // The provider's default tags may hold a classification: unproven, not unclassified.
    expect(verdicts(r)).toContain("mandatory classification-required dossiers");
  });

  it("maps a package to the user's cloud with the configuration's packageClouds", () => {
    const preview = fixture("aws-paris-sensitive");
    const bucket = preview.steps.find((s) => s.urn.endsWith("::dossiers"))!;
    bucket.newState = { ...bucket.newState!, type: "openstack:objectstorage/containerV1:ContainerV1", inputs: { region: "fr-par", tags: { "data-classification": "archive" } } };
    const config = write("package-clouds.config.json", { packageClouds: { openstack: "scaleway" } });
    const { report: r } = report([write("openstack.json", preview), "--config", config]);
    expect(placement(r, "dossiers")).toMatchObject({ cloud: "scaleway", region: "fr-par" });
    expect(verdicts(r).filter((v) => v.endsWith(" dossiers"))).toEqual([]);
  });

  it("reads the standard input with `-`", () => {
    const { code, report: r } = report(["-"], readFileSync(join(FIXTURES, "azure-dev.json"), "utf8"));
    expect(code).toBe(1);
    expect(verdicts(r)).toEqual(["mandatory health-requires-hds dossiers-us"]);
  });

  it("passes a preview that changes nothing, and says so", () => {
    const preview = fixture("aws-paris-sensitive");
    preview.steps = [{ ...preview.steps[0]!, op: "same" }];
    const run = souverain(["check", write("nothing.json", preview)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("empty plan: nothing to create or change");
  });

  it("refuses a preview where only what it cannot judge changes: nothing found is never a pass", () => {
    const preview = fixture("aws-paris-sensitive");
    preview.steps = preview.steps.filter((s) => s.urn.includes("pulumi:providers:") || s.urn.includes("pulumi:pulumi:Stack"));
    const run = souverain(["check", write("provider-only.json", preview)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("/steps: no resource found");
    expect(run.stderr).toContain("--show-sames");
  });

  it.each([
    ["steps is not a list", (p: ReturnType<typeof fixture>) => Object.assign(p, { steps: {} }), "/steps: must be array"],
    ["a step without urn", (p: ReturnType<typeof fixture>) => delete (p.steps[1] as Partial<(typeof p.steps)[0]>).urn, "/steps/1: must have required property 'urn'"],
    ["a new state without type", (p: ReturnType<typeof fixture>) => delete (p.steps[2]!.newState as Partial<{ type: string }>).type, "/steps/2/newState: must have required property 'type'"],
    ["inputs that are not an object", (p: ReturnType<typeof fixture>) => (p.steps[2]!.newState!.inputs = "x" as never), "/steps/2/newState/inputs: must be object"],
    ["a preview that failed", (p: ReturnType<typeof fixture>) => (p.diagnostics = [{ message: "error: boom", severity: "error" }]), "/diagnostics: the preview did not finish (1 error diagnostic)"],
  ])("refuses %s with one line naming the place (exit 2)", (_, mutate, expected) => {
    const preview = fixture("aws-paris-sensitive");
    mutate(preview);
    const file = write("malformed.json", preview);
    const run = souverain(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(`${file}: ${expected}`);
  });
});
