/** --write-baseline and --baseline: the findings a team accepts today, then only new ones. */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/root.js";
import { scratch, souverain } from "./helpers/souverain.js";

const { dir, write } = scratch("souverain-baseline-");
const violating = join(repoRoot, "examples", "canonical", "ministere-violations.json");
const config = join(repoRoot, "examples", "souverain.config.json");
const accept = ["--accepted-by", "RSSI J. Dupont", "--expires", "2999-06-30", "--justification", "ADOPT-2026-1"];
const report = (stdout: string) => JSON.parse(stdout) as {
  summary: { mandatory: number; advisory: number; exempt: number; accepted: number; blocked: boolean };
  findings: { policy: string; resource: string; enforcement: string; exempt: boolean; accepted: boolean; exemptions: { source?: string; acceptedBy?: string }[] }[];
};

describe("the baseline round trip", () => {
  const file = join(dir, "baseline.json");
  const before = report(souverain(["check", violating, "--config", config, "--format", "json"]).stdout);
  const written = souverain(["check", violating, "--config", config, "--write-baseline", file, ...accept, "--format", "json"]);
  const baseline = JSON.parse(readFileSync(file, "utf8")) as { $schema: string; version: number; entries: Record<string, string>[] };

  it("records every finding not already exempt, with who accepted it, until when and why", () => {
    const expected = before.findings.filter((f) => !f.exempt && !f.resource.startsWith("config:"));
    expect(before.summary.blocked).toBe(true);
    expect(baseline.version).toBe(1);
    expect(resolve(dir, baseline.$schema)).toBe(join(repoRoot, "schemas", "baseline.schema.json"));
    expect(baseline.entries).toEqual(expected.map((f) => ({ rule: f.policy, resource: f.resource, enforcement: f.enforcement, acceptedBy: "RSSI J. Dupont", justification: "ADOPT-2026-1", expires: "2999-06-30" })));
    expect(written.stderr).toBe(`Baseline written to ${file}: ${expected.length} accepted findings\n`);
  });

  it("the run that writes it is judged with it: no new finding, exit 0", () => {
    expect(written.code).toBe(0);
    expect(report(written.stdout).summary).toMatchObject({ mandatory: 0, advisory: 0, blocked: false, accepted: baseline.entries.length });
  });

  it("a later run with --baseline reports no new finding and exits 0; accepted findings are counted, and listed in JSON", () => {
    const text = souverain(["check", violating, "--config", config, "--baseline", file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`0 mandatory · 0 advisory · ${before.summary.exempt} exempt · ${baseline.entries.length} accepted (baseline, not listed) → PASSED`);
    expect(text.stdout).not.toContain("sensitive-requires-secnumcloud");
    const json = report(souverain(["check", violating, "--config", config, "--baseline", file, "--format", "json"]).stdout);
    const accepted = json.findings.filter((f) => f.accepted);
    expect(accepted).toHaveLength(baseline.entries.length);
    expect(accepted.every((f) => f.exempt && f.exemptions[0]!.source === "baseline" && f.exemptions[0]!.acceptedBy === "RSSI J. Dupont")).toBe(true);
    expect(json.summary.exempt).toBe(before.summary.exempt);
  });

  it("a new finding is reported and blocks", () => {
    const grown = JSON.parse(readFileSync(violating, "utf8")) as { resources: object[] };
    grown.resources.push({ id: "new-bucket", type: "aws_s3_bucket", cloud: "aws", region: "us-east-1", tags: { "data-classification": "sensitive" } });
    const run = souverain(["check", write("grown.json", grown), "--config", config, "--baseline", file, "--format", "json"]);
    expect(run.code).toBe(1);
    const json = report(run.stdout);
    expect(new Set(json.findings.filter((f) => !f.exempt).map((f) => f.resource))).toEqual(new Set(["new-bucket"]));
  });

  it("rewriting it keeps who accepted what was already accepted", () => {
    const again = join(dir, "again.json");
    souverain(["check", violating, "--config", config, "--baseline", file, "--write-baseline", again, "--accepted-by", "someone else", "--expires", "2999-01-01", "--justification", "X"]);
    expect(JSON.parse(readFileSync(again, "utf8")).entries).toEqual(baseline.entries);
  });
});

describe("entries the rules refuse", () => {
  const finding = { rule: "sensitive-requires-secnumcloud", resource: "b1", enforcement: "mandatory" };
  const input = write("one.json", { resources: [{ id: "b1", type: "aws_s3_bucket", cloud: "aws", region: "eu-west-3", tags: { "data-classification": "sensitive" } }] });
  const entry = { ...finding, acceptedBy: "RSSI", justification: "ADOPT-1", expires: "2999-01-01" };
  const run = (entries: unknown[]) => souverain(["check", input, "--baseline", write("b.json", { version: 1, entries }), "--format", "json"]);

  it("a valid entry accepts its finding", () => {
    expect(run([entry]).code).toBe(0);
  });

  it("an expired entry accepts nothing and is itself a mandatory finding", () => {
    const result = run([{ ...entry, expires: "2020-01-01" }]);
    expect(result.code).toBe(1);
    const json = report(result.stdout);
    expect(json.findings.map((f) => [f.policy, f.resource, f.exempt]).sort()).toEqual([
      ["exemption-must-be-valid", "config:baseline[0]", false],
      ["sensitive-requires-secnumcloud", "b1", false],
    ]);
  });

  it("an entry without who accepted it is malformed: a finding naming what is missing", () => {
    const result = souverain(["check", input, "--baseline", write("b.json", { version: 1, entries: [{ ...finding, justification: "J", expires: "2999-01-01" }] })]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("baseline entry #1 (rule sensitive-requires-secnumcloud, resource b1, accepted by ?) is malformed: acceptedBy must name who accepted the finding.");
  });
});

describe("usage and input errors", () => {
  it("--write-baseline without who, until when and why: exit 2, nothing written", () => {
    const file = join(dir, "never.json");
    const result = souverain(["check", violating, "--write-baseline", file, "--accepted-by", "RSSI"]);
    expect(result).toMatchObject({ code: 2, stdout: "", stderr: "souverain: --write-baseline needs --expires, --justification: who accepts the findings, until when, and why\n" });
  });

  it("a baseline file that is not a baseline: exit 2 with the place", () => {
    expect(souverain(["check", violating, "--baseline", write("bad.json", { entries: "x" })]).stderr).toMatch(/bad\.json: \/: must have required property 'version'\n$|bad\.json: \/entries: must be array\n$/);
    expect(souverain(["check", violating, "--baseline", join(dir, "missing.json")])).toMatchObject({ code: 2, stderr: `souverain: ${join(dir, "missing.json")}: no such file\n` });
  });
});

describe("an accepted finding that gets worse", () => {
  it("is new: an advisory exposure accepted does not accept the same rule's mandatory breach", () => {
    const atParis = write("paris.json", { resources: [{ id: "app-db", type: "aws_db_instance", cloud: "aws", region: "eu-west-3", tags: { "data-classification": "personal" } }] });
    const inVirginia = write("virginia.json", { resources: [{ id: "app-db", type: "aws_db_instance", cloud: "aws", region: "us-east-1", tags: { "data-classification": "personal" } }] });
    const file = join(dir, "worse.baseline.json");
    expect(souverain(["check", atParis, "--write-baseline", file, ...accept]).code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).entries).toEqual([expect.objectContaining({ rule: "personal-stays-in-eu", resource: "app-db", enforcement: "advisory" })]);
    const run = souverain(["check", inVirginia, "--baseline", file, "--format", "json"]);
    expect(run.code).toBe(1);
    expect(report(run.stdout).findings.filter((f) => f.policy === "personal-stays-in-eu" && !f.exempt)).toHaveLength(1);
  });
});
