import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PLANS_DIR } from "./helpers/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "souverain-cli-"));

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

function souverain(...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/souverain.js", ...args], { encoding: "utf8", env: { ...process.env, LANG: "C", NO_COLOR: "1" }, maxBuffer: 1 << 28 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const compliant = write("compliant.json", { resources: [{ id: "b1", type: "aws:s3/bucket:Bucket", cloud: "s3ns", region: "u-france-east1", tags: { "data-classification": "sensitive" } }] });
const violating = write("violating.json", { resources: [{ id: "b1", type: "aws:s3/bucket:Bucket", cloud: "aws", region: "eu-west-3", tags: { "data-classification": "sensitive" } }] });

describe("souverain check: exit codes", () => {
  it("0 when nothing mandatory fires", () => {
    const run = souverain("check", compliant);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("1 resource · 0 mandatory · 0 advisory · 0 exempt → PASSED");
  });

  it("1 on a mandatory finding, with the rule, the resource and the basis", () => {
    const run = souverain("check", violating);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("sensitive-requires-secnumcloud · Sensitive data requires a SecNumCloud-qualified offer in France (1)\n  Basis: \"Cloud au centre\" doctrine, circulaire n°6404/SG");
    expect(run.stdout).toContain("  ✖ b1  [mandatory]\n    b1: sensitive data on Amazon Web Services eu-west-3");
    expect(run.stdout).toContain("→ BLOCKED");
  });

  it("0 when the only findings are advisory", () => {
    const advisory = write("advisory.json", { resources: [{ id: "t", type: "aws_s3_bucket", cloud: "aws", region: "eu-west-3" }] });
    expect(souverain("check", advisory).code).toBe(0);
  });

  it("0 when the mandatory finding is exempt", () => {
    const config = write("exempt.config.json", { exemptions: [{ rule: "sensitive-requires-secnumcloud", resource: "b1", justification: "RSSI-12", expires: "2999-01-01" }] });
    const run = souverain("check", violating, "--config", config);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("[exempt until 2999-01-01: RSSI-12]");
  });

  it("speaks French on request", () => {
    const run = souverain("check", violating, "--lang", "fr");
    expect(run.stdout).toContain("b1\u00a0: données sensibles sur Amazon Web Services eu-west-3 (Paris, France)\u00a0: aucune offre qualifiée SecNumCloud ne les couvre.");
    expect(run.stdout).toContain("  Fondement\u00a0: Doctrine «\u00a0Cloud au centre\u00a0», circulaire n°\u00a06404/SG");
    expect(run.stdout).toContain("  ✖ b1  [bloquant]");
    expect(run.stdout).toContain("1 ressource · 1 constat bloquant · 0 avertissement · 0 constat sous dérogation → BLOQUÉ");
  });

  it("judges every JSON file of a folder", () => {
    const run = souverain("check", "examples/canonical", "--format", "json");
    const report = JSON.parse(run.stdout);
    expect(report.inputs.map((i: { file: string }) => i.file)).toEqual([
      "examples/canonical/ministere-compliant.json",
      "examples/canonical/ministere-violations.json",
    ]);
    expect(run.code).toBe(1);
  });
});

describe("souverain check --format json", () => {
  it("prints findings, resources and a summary", () => {
    const run = souverain("check", violating, "--format", "json");
    const report = JSON.parse(run.stdout);
    expect(report.findings).toEqual([
      {
        policy: "sensitive-requires-secnumcloud",
        title: "Sensitive data requires a SecNumCloud-qualified offer in France",
        resource: "b1",
        file: violating,
        enforcement: "mandatory",
        message: "b1: sensitive data on Amazon Web Services eu-west-3 (Paris, France): no SecNumCloud-qualified offer covers it.",
        basis: expect.stringContaining("loi SREN n°2024-449"),
        fix: expect.stringContaining("S3NS PREMI3NS"),
        url: "https://www.numerique.gouv.fr/services/cloud/doctrine/",
        exempt: false,
        accepted: false,
        exemptions: [],
      },
    ]);
    expect(report.resources[0]).toMatchObject({ id: "b1", classes: ["sensitive"], placements: [{ cloud: "aws", region: "eu-west-3", in_france: "yes", secnumcloud: "no" }] });
    expect(report.summary).toEqual({ resources: 1, findings: 1, mandatory: 1, advisory: 0, exempt: 0, accepted: 0, byPolicy: { "sensitive-requires-secnumcloud": 1 }, blocked: true });
  });
});

describe("souverain check: bad input is exit 2 with one line naming the file and the place", () => {
  const oneLine = (run: { stderr: string; stdout: string }) => {
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
    return run.stderr.trim();
  };

  it("a missing file", () => {
    const run = souverain("check", join(dir, "nope.json"));
    expect(run.code).toBe(2);
    expect(oneLine(run)).toBe(`souverain: ${join(dir, "nope.json")}: no such file or folder`);
  });

  it("malformed JSON, with line and column, without echoing the content", () => {
    const file = write("malformed.json", '{"resources": [\n  {"id": "a", "type": "t", "tags": {"token": "s3cr3t-v4lue"},}\n]}');
    const run = souverain("check", file);
    expect(run.code).toBe(2);
    const line = oneLine(run);
    expect(line).toMatch(new RegExp(`^souverain: ${file}: invalid JSON at line 2, column \\d+: `));
    expect(line).not.toContain("s3cr3t");
  });

  it("truncated JSON", () => {
    const file = write("truncated.json", '{"resources": [{"id": "a", "type"');
    const run = souverain("check", file);
    expect(run.code).toBe(2);
    expect(oneLine(run)).toContain(`${file}: invalid JSON`);
  });

  it("an empty file", () => {
    const run = souverain("check", write("empty.json", ""));
    expect(run.code).toBe(2);
    expect(oneLine(run)).toContain("empty file, expected JSON");
  });

  it.each([
    [{ resources: [{ id: "a", type: "t", region: 3 }] }, "/resources/0/region: must be string,null"],
    [{ resources: [{ id: "a", type: "t", tags: { "data-classification": ["sensitive"] } }] }, "/resources/0/tags/data-classification: must be string"],
    [{ resources: [{ id: "a", type: "t", regoin: "eu-west-3" }] }, '/resources/0: unknown property "regoin"'],
    [{ resources: {} }, "/resources: must be array"],
    [[1, 2], "/: not a recognised input: expected canonical resources, a Terraform plan (terraform show -json), Terraform JSON (cdk.tf.json) or a Pulumi preview (pulumi preview --json)"],
    [{ resources: [{ id: "a", type: "t" }, { id: "a", type: "t" }] }, '/resources/1/id: duplicate resource id "a"'],
  ])("wrong types: %j", (content, place) => {
    const file = write("wrong.json", content);
    const run = souverain("check", file);
    expect(run.code).toBe(2);
    expect(oneLine(run)).toBe(`souverain: ${file}: ${place}`);
  });

  it("an invalid configuration", () => {
    const config = write("bad.config.json", { enforcement: { "sensitive-requires-secnumcloud": "warn" } });
    const run = souverain("check", compliant, "--config", config);
    expect(run.code).toBe(2);
    expect(oneLine(run)).toBe(`souverain: ${config}: /enforcement/sensitive-requires-secnumcloud: must be equal to one of the allowed values: mandatory, advisory, disabled`);
  });

  it("an unknown option or format", () => {
    expect(souverain("check", compliant, "--format", "xml").code).toBe(2);
    expect(souverain("check", compliant, "--bogus").code).toBe(2);
    expect(souverain("check").code).toBe(2);
  });

  it("does not modify the input", () => {
    const before = readFileSync(violating);
    souverain("check", violating, "--format", "json");
    expect(readFileSync(violating).equals(before)).toBe(true);
  });
});

describe("a 50 MB input", () => {
  it("is judged whole, without a crash", () => {
    const resources = [];
    const padding = "x".repeat(400);
    for (let i = 0; resources.length < 110_000; i++) {
      resources.push({ id: `bucket-${i}`, type: "aws:s3/bucket:Bucket", cloud: i % 2 ? "ovh" : "aws", region: i % 2 ? "GRA7" : "eu-west-3", tags: { "data-classification": i % 1000 === 0 ? "sensitive" : "public", note: padding } });
    }
    const file = write("big.json", { resources });
    expect(readFileSync(file).length).toBeGreaterThan(50 * 1024 * 1024);
    const run = souverain("check", file, "--format", "json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.summary.resources).toBe(110_000);
    expect(report.summary.byPolicy).toEqual({ "sensitive-requires-secnumcloud": 110 });
  }, 120_000);
});

describe("Terraform plans through the CLI", () => {
  const plan = JSON.parse(readFileSync(join(PLANS_DIR, "terraform-compliance", "test_issue_796.json"), "utf8"));

  it("a plan from an unknown future format_version is exit 2 with the place", () => {
    const file = write("future-plan.json", { ...plan, format_version: "2.0" });
    const run = souverain("check", file);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`souverain: ${file}: /format_version: unsupported plan format_version "2.0" (this version reads 0.x and 1.x)`);
  });

  it("a truncated plan is exit 2", () => {
    const text = JSON.stringify(plan);
    const file = write("truncated-plan.json", text.slice(0, text.length / 2));
    const run = souverain("check", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^souverain: ${file}: invalid JSON`));
  });

  it("a 100 MB plan is judged whole", () => {
    const template = plan.resource_changes[0];
    const padding = "p".repeat(4_000);
    const resource_changes = Array.from({ length: 26_000 }, (_, i) => ({
      ...template,
      address: `aws_s3_bucket.b${i}`,
      type: "aws_s3_bucket",
      name: `b${i}`,
      module_address: undefined,
      change: { ...template.change, after: { bucket: `b${i}`, policy: padding, tags: { "data-classification": i % 1000 === 0 ? "archive" : "public" } } },
    }));
    const file = write("big-plan.json", { ...plan, resource_changes });
    expect(readFileSync(file).length).toBeGreaterThan(100 * 1024 * 1024);
    const run = souverain("check", file, "--format", "json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.summary.resources).toBe(26_000);
    // The root provider's endpoints go to LocalStack: its cloud is unknown, so every archive is a location finding.
    expect(report.summary.byPolicy).toEqual({ "location-must-be-known": 26 });
  }, 180_000);
});
