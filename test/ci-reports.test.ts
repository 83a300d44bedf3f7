/**
 * The CI reports as code scanning and test report viewers read them: SARIF URIs, severities and
 * source locations (validated by the SARIF schema and by Microsoft's SARIF multitool, GitHub rules
 * included), JUnit with one test case per resource.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { PLANS_DIR } from "./helpers/fixtures.js";
import { repoRoot } from "./helpers/root.js";

const sarifSchema = JSON.parse(readFileSync(join(repoRoot, "node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json"), "utf8"));
const validateSarif = (() => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(sarifSchema);
})();

const MULTITOOL = join(repoRoot, "node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");

// examples/cdktf-aws/cdktf.out is git-ignored: synthesised here as `npm run demo` does (the synth itself
// fails on the example's findings, after writing the stacks), so that a fresh clone's `npm test` has it.
beforeAll(() => {
  const cwd = join(repoRoot, "examples", "cdktf-aws");
  spawnSync(process.execPath, [join(repoRoot, ".examples-build", "examples", "cdktf-aws", "main.js")], { cwd, encoding: "utf8" });
  readFileSync(join(cwd, "cdktf.out", "stacks", "sensitive-outside-secnumcloud", "cdk.tf.json"));
});

function souverain(args: string[], cwd = repoRoot) {
  const run = spawnSync(process.execPath, [join(repoRoot, "bin/souverain.js"), ...args], { cwd, encoding: "utf8", env: { ...process.env, LANG: "C", NO_COLOR: "1" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  properties: Record<string, string>;
  suppressions?: unknown[];
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } }; logicalLocations: { name: string; fullyQualifiedName: string }[] }[];
}

const sarif = (args: string[], cwd?: string) => {
  const run = souverain(["check", ...args, "--format", "sarif"], cwd);
  const log = JSON.parse(run.stdout);
  expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
  return { code: run.code, log, results: log.runs[0].results as SarifResult[] };
};

const dir = mkdtempSync(join(tmpdir(), "souverain-ci-reports-"));

/**
 * A real plan (terraform-compliance's test_issue_796: module.outer[0] from ./outer, calling
 * module.inner from ./inner) laid beside its configuration, as `terraform show -json` leaves it in CI.
 */
const project = join(dir, "infra");
mkdirSync(join(project, "outer", "inner"), { recursive: true });
copyFileSync(join(PLANS_DIR, "terraform-compliance", "test_issue_796.json"), join(project, "plan.json"));
writeFileSync(join(project, "main.tf"), 'module "outer" {\n  source = "./outer"\n  count  = 1\n}\n');
writeFileSync(join(project, "outer", "main.tf"), [
  'module "inner" {', '  source = "./inner"', "}", "",
  'resource "aws_lambda_permission" "example" {', '  action = "lambda:InvokeFunction"', "}", "",
].join("\n"));
writeFileSync(join(project, "outer", "inner", "variables.tf"), 'variable "x" {}\n');
writeFileSync(join(project, "outer", "inner", "events.tf"), ["# rules", "", '  resource  "aws_cloudwatch_event_rule" "example" {', "}", ""].join("\n"));
/** A plan of root resources (regula's EBS volumes) beside its .tf files. */
const rootProject = join(dir, "volumes");
mkdirSync(rootProject);
copyFileSync(join(PLANS_DIR, "regula", "aws-ebs-volume_encrypted_infra.json"), join(rootProject, "tfplan.json"));
writeFileSync(join(rootProject, "volumes.tf"), ['resource "aws_ebs_volume" "good" {', "}", "", 'resource "aws_ebs_volume" "bad" {', "}", ""].join("\n"));

describe("SARIF for GitHub code scanning", () => {
  it("is valid SARIF 2.1.0 with GitHub's severities and a category", () => {
    const { log, results } = sarif(["examples/canonical", "--config", "examples/souverain.config.json"]);
    const run = log.runs[0];
    expect(run.automationDetails).toEqual({ id: "souverain/" });
    for (const rule of run.tool.driver.rules) {
      expect(rule.properties.tags).toContain("security");
      expect(rule.properties["security-severity"]).toBe(rule.defaultConfiguration.level === "error" ? "8.0" : "5.0");
    }
    expect(results.length).toBeGreaterThan(5);
    for (const r of results) expect(r.properties["security-severity"]).toBe(r.level === "error" ? "8.0" : "5.0");
  });

  it("names files relative to the working directory, even when given an absolute path", () => {
    const { log, results } = sarif([resolve(repoRoot, "examples/canonical/ministere-violations.json")]);
    const location = results[0]!.locations[0]!.physicalLocation.artifactLocation;
    expect(location).toEqual({ uri: "examples/canonical/ministere-violations.json", uriBaseId: "%SRCROOT%" });
    expect(log.runs[0].originalUriBaseIds["%SRCROOT%"].uri).toBe(`file://${repoRoot}/`);
  });

  it("gives a file outside the working directory as an absolute file:// URI", () => {
    const outside = join(dir, "dossier à part", "resources.json");
    mkdirSync(join(dir, "dossier à part"));
    copyFileSync(join(repoRoot, "examples/canonical/ministere-violations.json"), outside);
    const { results } = sarif([outside]);
    const { uri, uriBaseId } = results[0]!.locations[0]!.physicalLocation.artifactLocation;
    expect(uriBaseId).toBeUndefined();
    expect(new URL(uri).protocol).toBe("file:");
    expect(decodeURIComponent(new URL(uri).pathname)).toBe(outside);
    expect(uri).not.toContain(" ");
  });

  it("points a plan's findings at the resource blocks of the .tf files beside it, modules included", () => {
    const { results } = sarif(["infra/plan.json"], dir);
    const at = (address: string) => results.find((r) => r.locations[0]!.logicalLocations[0]!.name === address)!.locations[0]!.physicalLocation;
    // (The Lambda permission holds no data: no finding, but its JUnit case below points at infra/outer/main.tf.)
    expect(at("module.outer[0].module.inner.aws_cloudwatch_event_rule.example")).toMatchObject({ artifactLocation: { uri: "infra/outer/inner/events.tf" }, region: { startLine: 3 } });
    const root = sarif(["volumes/tfplan.json"], dir).results;
    const volume = (name: string) => root.find((r) => r.locations[0]!.logicalLocations[0]!.name === `aws_ebs_volume.${name}`)!.locations[0]!.physicalLocation;
    expect(volume("bad")).toMatchObject({ artifactLocation: { uri: "volumes/volumes.tf" }, region: { startLine: 4 } });
    // No block for it in the configuration beside the plan: the plan itself, where it names the resource.
    const line = readFileSync(join(rootProject, "tfplan.json"), "utf8").split("\n").findIndex((l) => l.includes('"aws_ebs_volume.missing"')) + 1;
    expect(volume("missing")).toMatchObject({ artifactLocation: { uri: "volumes/tfplan.json" }, region: { startLine: line } });
  });

  it("names a CDKTF resource by its construct path, at its block in cdk.tf.json", () => {
    const { results } = sarif(["examples/cdktf-aws/cdktf.out"]);
    const result = results.find((r) => r.locations[0]!.logicalLocations[0]!.name === "sensitive-outside-secnumcloud/aws_s3_bucket.archives-etat-civil")!;
    const stack = "examples/cdktf-aws/cdktf.out/stacks/sensitive-outside-secnumcloud/cdk.tf.json";
    const line = readFileSync(stack, "utf8").split("\n").findIndex((l) => l.includes('"archives-etat-civil": {')) + 1;
    expect(result.locations[0]).toMatchObject({
      physicalLocation: { artifactLocation: { uri: stack }, region: { startLine: line } },
      logicalLocations: [{ fullyQualifiedName: "sensitive-outside-secnumcloud/archives-etat-civil" }],
    });
    expect(result.message.text).toContain("(CDKTF construct sensitive-outside-secnumcloud/archives-etat-civil)");
  });

  it("passes Microsoft's SARIF multitool validation, GitHub's ingestion rules included", () => {
    const file = join(dir, "all.sarif");
    const run = souverain(["check", "examples/canonical", "examples/cdktf-aws/cdktf.out", join(dir, "infra/plan.json"), "--format", "sarif", "--output", file]);
    expect(run.code).toBe(1);
    const out = join(dir, "validation.sarif");
    const validation = spawnSync(MULTITOOL, ["validate", file, "--rule-kind", "Sarif;Gh;Ghas", "--output", out, "--log", "ForceOverwrite"], { encoding: "utf8" });
    expect(validation.status, validation.stdout + validation.stderr).toBe(0);
    const findings = (JSON.parse(readFileSync(out, "utf8")).runs[0].results ?? []) as { ruleId: string; level?: string; message: { arguments?: string[] } }[];
    // Notes (advice such as "use message ids") and the one warning about a missing informationUri
    // (the project has no public home page yet) are all that remain: no error, no GitHub rule.
    expect(findings.filter((f) => f.level === "error" || /^GH/.test(f.ruleId))).toEqual([]);
    expect(findings.filter((f) => (f.level ?? "warning") === "warning").map((f) => f.ruleId)).toEqual(["SARIF2005"]);
  });
});

describe("JUnit: one test case per resource", () => {
  const xml = (args: string[], cwd?: string) => {
    const run = souverain(["check", ...args, "--format", "junit"], cwd);
    return { code: run.code, xml: new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(run.stdout) };
  };
  type Case = { classname: string; name: string; file: string; line: string; failure?: { message: string; "#text": string }; "system-out"?: string };
  const casesOf = (suite: { testcase: Case | Case[] }) => [suite.testcase].flat();

  it("fails a resource on its mandatory findings, all in one failure; a compliant resource passes", () => {
    const { xml: report } = xml(["examples/canonical", "--config", "examples/souverain.config.json"]);
    const [compliant, violating] = [report.testsuites.testsuite].flat();
    expect(compliant.tests).toBe("7");
    expect(violating.tests).toBe("12");
    const cases = casesOf(violating);
    expect(cases.map((c) => c.name)).toHaveLength(12);
    expect(new Set(cases.map((c) => c.file))).toEqual(new Set(["examples/canonical/ministere-violations.json"]));
    const failed = cases.filter((c) => c.failure);
    expect(violating.failures).toBe(String(failed.length));
    expect(report.testsuites.failures).toBe(String(failed.length + Number(compliant.failures)));
    const bucket = cases.find((c) => c.name === "bucket-sensible-aws-paris")!;
    expect(bucket.failure!.message).toBe("sensitive-requires-secnumcloud");
    expect(bucket.failure!["#text"]).toContain("Basis:");
    expect(bucket.line).toBe("5");
    // Exempt: a passing case that says why.
    const exempt = cases.find((c) => c.name === "crm-usagers-virginie")!;
    expect(exempt.failure).toBeUndefined();
    expect(exempt["system-out"]).toContain("[exempt until 2027-06-30: DINUM-DEROG-2026-042");
    // A compliant resource is a passing case of its own.
    expect(casesOf(compliant).find((c) => c.name === "site-public")).toMatchObject({ file: "examples/canonical/ministere-compliant.json" });
    expect(casesOf(compliant).find((c) => c.name === "site-public")!.failure).toBeUndefined();
  });

  it("gives each case the .tf file that declares the resource, and a CDKTF resource its construct", () => {
    const plan = xml(["infra/plan.json"], dir).xml.testsuites.testsuite;
    expect(Object.fromEntries(casesOf(plan).map((c) => [c.name, `${c.file}:${c.line}`]))).toEqual({
      "module.outer[0].aws_lambda_permission.example": "infra/outer/main.tf:5",
      "module.outer[0].module.inner.aws_cloudwatch_event_rule.example": "infra/outer/inner/events.tf:3",
    });
    const stacks = [xml(["examples/cdktf-aws/cdktf.out"]).xml.testsuites.testsuite].flat();
    const archives = stacks.flatMap(casesOf).find((c) => c.name === "sensitive-outside-secnumcloud/aws_s3_bucket.archives-etat-civil")!;
    expect(archives.file).toBe("examples/cdktf-aws/cdktf.out/stacks/sensitive-outside-secnumcloud/cdk.tf.json");
    expect(archives.failure!.message).toBe("archives-stay-in-france");
    expect(archives["system-out"]).toContain("CDKTF construct sensitive-outside-secnumcloud/archives-etat-civil");
  });
});
