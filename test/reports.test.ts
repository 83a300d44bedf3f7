import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { PersonalDataParis, SensitiveOutsideSecNumCloud } from "../examples/cdktf-aws/stacks.js";

/** The SARIF 2.1.0 schema as published with Microsoft's SARIF SDK multitool. */
const sarifSchema = JSON.parse(readFileSync("node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json", "utf8"));
const validateSarif = (() => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(sarifSchema);
})();

const dir = mkdtempSync(join(tmpdir(), "souverain-reports-"));

/** A cdktf.out folder as `cdktf synth` lays it out, from the real cdktf synthesis of the examples. */
const cdktfOut = join(dir, "cdktf.out");
for (const [name, Stack] of [["personal-data-paris", PersonalDataParis], ["sensitive-outside-secnumcloud", SensitiveOutsideSecNumCloud]] as const) {
  mkdirSync(join(cdktfOut, "stacks", name), { recursive: true });
  writeFileSync(join(cdktfOut, "stacks", name, "cdk.tf.json"), Testing.synth(new Stack(Testing.app(), name)));
}
const inputs = ["examples/canonical", cdktfOut];

function souverain(...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/souverain.js", ...args], { encoding: "utf8", env: { ...process.env, LANG: "C", NO_COLOR: "1" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("--format sarif", () => {
  const run = souverain("check", "examples/canonical", "--config", "examples/souverain.config.json", "--format", "sarif");
  const log = JSON.parse(run.stdout);

  it("is valid SARIF 2.1.0", () => {
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    expect(run.code).toBe(1);
  });

  it("describes every rule and points each result at its rule, file and line", () => {
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.rules.map((r: { id: string }) => r.id)).toContain("sensitive-requires-secnumcloud");
    const result = sarifRun.results.find((r: { locations: { logicalLocations: { fullyQualifiedName: string }[] }[] }) =>
      r.locations[0]!.logicalLocations[0]!.fullyQualifiedName === "bucket-sensible-aws-paris");
    expect(result).toMatchObject({
      ruleId: "sensitive-requires-secnumcloud",
      level: "error",
      locations: [{ physicalLocation: { artifactLocation: { uri: "examples/canonical/ministere-violations.json" }, region: { startLine: 5 } } }],
    });
    expect(sarifRun.tool.driver.rules[result.ruleIndex].id).toBe("sensitive-requires-secnumcloud");
  });

  it("keeps exempt findings as suppressed results", () => {
    const exempt = log.runs[0].results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(exempt).toHaveLength(1);
    expect(exempt[0].suppressions[0]).toMatchObject({ kind: "external", justification: "DINUM-DEROG-2026-042 (migration vers une région de l'UE prévue) (until 2027-06-30)" });
  });
});

describe("--format junit", () => {
  const run = souverain("check", "examples/canonical", "--config", "examples/souverain.config.json", "--format", "junit");
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(run.stdout);

  it("parses back: one test case per resource, failures for mandatory findings", () => {
    const suites = [xml.testsuites.testsuite].flat();
    expect(suites.map((s: { name: string }) => s.name)).toEqual(["examples/canonical/ministere-compliant.json", "examples/canonical/ministere-violations.json"]);
    const [compliant, violating] = suites;
    expect(compliant.tests).toBe("7");
    expect(violating.tests).toBe("12");
    expect(violating.skipped).toBe("0");
    const failed = violating.testcase.find((c: { name: string }) => c.name === "bucket-sensible-aws-paris");
    expect(failed.failure.type).toBe("mandatory");
    expect(failed.failure["#text"]).toContain("Basis:");
    expect(Number(xml.testsuites.failures)).toBe(Number(compliant.failures) + Number(violating.failures));
  });
});

describe("--output", () => {
  it("writes the report to the file and still prints the text report", () => {
    const file = join(dir, "souverain.sarif");
    const run = souverain("check", ...inputs, "--format", "sarif", "--output", file);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("→ BLOCKED");
    expect(run.stdout).toContain(`Report (sarif) written to ${file}`);
    expect(validateSarif(JSON.parse(readFileSync(file, "utf8")))).toBe(true);
  });
});

describe("input detection", () => {
  it("says which format it read", () => {
    const run = souverain("check", "examples/canonical/ministere-compliant.json", cdktfOut, join("test", "fixtures", "terraform-plans", "terraform-compliance", "test_issue_796.json"));
    expect(run.stdout).toContain("read examples/canonical/ministere-compliant.json: canonical resources, 7 resources");
    expect(run.stdout).toContain(`read ${cdktfOut}/stacks/personal-data-paris/cdk.tf.json: Terraform JSON (cdk.tf.json), 3 resources`);
    expect(run.stdout).toContain("test_issue_796.json: Terraform plan (format 1.2, Terraform 1.14.9), 2 resources");
  });

  it("rejects JSON that is none of them", () => {
    const run = souverain("check", "package.json");
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe("souverain: package.json: /: not a recognised input: expected canonical resources, a Terraform plan (terraform show -json), Terraform JSON (cdk.tf.json) or a Pulumi preview (pulumi preview --json)");
  });

  it("normalize prints canonical resources that check accepts", () => {
    const run = souverain("normalize", join(cdktfOut, "stacks", "sensitive-outside-secnumcloud"));
    const document = JSON.parse(run.stdout);
    // Ids carry the stack (from the cdktf.out/stacks/<name>/ folder when cdk.tf.json has no metadata).
    expect(document.resources.map((r: { id: string; region: string }) => [r.id, r.region]).sort()).toEqual([
      ["sensitive-outside-secnumcloud/aws_s3_bucket.archives-etat-civil", "us-east-1"],
      ["sensitive-outside-secnumcloud/aws_s3_bucket.dossiers-rh", "eu-west-1"],
      ["sensitive-outside-secnumcloud/aws_s3_bucket.notes-cabinet", "eu-west-3"],
    ]);
    const file = join(dir, "normalized.json");
    writeFileSync(file, run.stdout);
    const check = souverain("check", file, "--format", "json");
    expect(JSON.parse(check.stdout).summary).toMatchObject({ resources: 3, mandatory: 3 });
  });
});
