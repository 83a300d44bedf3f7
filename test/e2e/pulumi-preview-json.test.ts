/**
 * `pulumi preview --json` from the real Pulumi CLI (stand-in language host and providers, see
 * test/helpers/pulumi-cli.ts), piped into `souverain check -`; and the pack configured in souverain.json's
 * shape through --policy-pack-config.
 */
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPulumiWorkspace, PACK_DIR, type PulumiProgram } from "../helpers/pulumi-cli.js";
import { repoRoot } from "../helpers/root.js";

const workspace = createPulumiWorkspace();
afterAll(() => rmSync(workspace.dir, { recursive: true, force: true }));

const project = workspace.stack.bind(workspace);

/** `souverain check - <args>` with `input` on its standard input, as in `pulumi preview --json | souverain check -`. */
function check(input: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(repoRoot, "bin", "souverain.js"), "check", "-", ...args], { input, encoding: "utf8", env: { ...process.env, LANG: "C", NO_COLOR: "1" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** "<level> <rule> <name>" for every finding of a JSON report. */
const verdicts = (stdout: string) =>
  (JSON.parse(stdout) as { findings: { enforcement: string; policy: string; resource: string; exempt: boolean }[] }).findings
    .map((f) => `${f.exempt ? "exempt" : f.enforcement} ${f.policy} ${f.resource.split("::").pop()}`)
    .sort();

const violations = (output: string) =>
  [...new Set([...output.matchAll(/- \[(mandatory|advisory)\]\s+(\S+)\s+\(([^)]+)\)/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`))].sort();

describe("pulumi preview --json | souverain check -", () => {
  it("AWS Paris, stack sensitive: the same verdict as the pack", () => {
    const preview = project("pulumi-aws-paris", "json-sensitive", { config: "sensitive" }).run(["preview", "--json"]);
    expect(preview.code, preview.stderr).toBe(0);
    const run = check(preview.stdout, "--format", "json");
    expect(run.code, run.stderr).toBe(1);
    expect(verdicts(run.stdout)).toEqual([
      "mandatory sensitive-requires-secnumcloud annuaire",
      "mandatory sensitive-requires-secnumcloud dossiers",
    ]);
  });

  it("Azure: the location inherited from a resource group, through the preview's property dependencies", () => {
    const preview = project("pulumi-azure", "json-dev", { config: "dev" }).run(["preview", "--json"]);
    const run = check(preview.stdout, "--format", "json");
    expect(run.code, run.stderr).toBe(1);
    expect(verdicts(run.stdout)).toEqual(["mandatory health-requires-hds dossiers-us"]);
  });

  it("multi-cloud, as SARIF: S3NS through the provider's universe domain, the bucket in the US blocked", () => {
    const preview = project("pulumi-multicloud", "json-dev", { config: "dev" }).run(["preview", "--json"]);
    const run = check(preview.stdout, "--format", "sarif");
    expect(run.code, run.stderr).toBe(1);
    const results = JSON.parse(run.stdout).runs[0].results as { ruleId: string; level: string; locations: { logicalLocations: { name: string }[] }[] }[];
    expect(results.map((r) => `${r.level} ${r.ruleId} ${r.locations[0]!.logicalLocations[0]!.name.split("::").pop()}`)).toEqual(["error personal-stays-in-eu exports-usagers"]);
  });

  it("a region only known after the update is unknown, and a secret tag is neither guessed nor printed", () => {
    const p = project("pulumi-aws-paris", "json-unknowns", { program: `import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
const paris = new aws.Provider("paris", { region: "eu-west-3" });
const target = new aws.ssm.Parameter("region-cible", { type: "String", insecureValue: "eu-west-1", tags: { "data-classification": "public" } }, { provider: paris });
new aws.s3.Bucket("journal", { region: target.arn.apply(() => "eu-west-1"), tags: { "data-classification": "personal" } }, { provider: paris });
new aws.s3.Bucket("coffre", { tags: { "data-classification": pulumi.secret("sensible-tres-secret") } }, { provider: paris });
` });
    const preview = p.run(["preview", "--json"]);
    expect(preview.stdout).not.toContain("sensible-tres-secret");
    const run = check(preview.stdout, "--format", "json");
    expect(run.code, run.stderr).toBe(1);
    expect(verdicts(run.stdout)).toEqual([
      "advisory personal-stays-in-eu journal",
      "mandatory classification-required coffre",
      "mandatory location-must-be-known journal",
    ]);
    expect(run.stdout).toContain("secret-value-not-shown");
    expect(run.stdout + run.stderr).not.toContain("sensible-tres-secret");
  });

  it("after an update, a preview shows only changes: --show-sames gives the whole stack", () => {
    const p = project("pulumi-aws-paris", "json-sames", { config: "personal" });
    expect(p.run(["up", "--yes", "--skip-preview"]).code).toBe(0);
    const changes = check(p.run(["preview", "--json"]).stdout);
    expect(changes.code).toBe(0);
    expect(changes.stdout).toContain("empty plan: nothing to create or change");
    const whole = check(p.run(["preview", "--json", "--show-sames"]).stdout, "--format", "json");
    expect(whole.code, whole.stderr).toBe(0);
    expect(verdicts(whole.stdout)).toEqual([
      "advisory personal-stays-in-eu annuaire",
      "advisory personal-stays-in-eu dossiers",
    ]);
  });
});

describe("the pack configured in souverain.json's shape", () => {
  const preview = (p: PulumiProgram, config: object) => {
    const file = join(p.dir, "policy-config.json");
    writeFileSync(file, JSON.stringify(config));
    return p.run(["preview", "--policy-pack", PACK_DIR, "--policy-pack-config", file]);
  };

  it("reads `enforcement` (over the per-policy level), exemptions and the settings' `$schema`", () => {
    const p = project("pulumi-aws-paris", "pack-enforcement", { config: "sensitive" });
    const run = preview(p, {
      souverain: {
        $schema: "node_modules/souverain/schemas/config.schema.json",
        enforcement: { "sensitive-requires-secnumcloud": "advisory" },
        exemptions: [{ rule: "sensitive-requires-secnumcloud", resource: "urn:pulumi:pack-enforcement::souverain-aws-paris::aws:rds/instance:Instance::annuaire", justification: "RSSI-2026-7", expires: "2999-12-31" }],
      },
      // The map names this rule: it wins over Pulumi's per-policy level.
      "sensitive-requires-secnumcloud": "mandatory",
    });
    expect(run.code, run.output).toBe(0);
    expect(violations(run.stdout)).toEqual([
      "advisory sensitive-requires-secnumcloud aws:rds:Instance: annuaire",
      "advisory sensitive-requires-secnumcloud aws:s3:Bucket: dossiers",
    ]);
    expect(run.stdout).toContain("Exempt until 2999-12-31: RSSI-2026-7.");
  });

  it("examples/souverain-policy.json: mandatory classification through `enforcement`", () => {
    const p = project("pulumi-aws-paris", "pack-example", { program: `import * as aws from "@pulumi/aws";
new aws.s3.Bucket("sans-tag", {}, { provider: new aws.Provider("paris", { region: "eu-west-3" }) });
` });
    const run = p.run(["preview", "--policy-pack", PACK_DIR, "--policy-pack-config", join(repoRoot, "examples", "souverain-policy.json")]);
    expect(run.code, run.output).not.toBe(0);
    // The example's exemption names a bucket of the example's "personal" stack, not of this one: stale.
    expect(violations(run.stdout)).toEqual([
      "advisory exemption-must-be-valid pulumi:pulumi:Stack: souverain-aws-paris-pack-example",
      "mandatory classification-required aws:s3:Bucket: sans-tag",
    ]);
  });

  it("a disabled settings policy blocks the run rather than ignoring the settings", () => {
    const p = project("pulumi-aws-paris", "pack-disabled", { config: "personal" });
    const run = preview(p, { souverain: "disabled" });
    expect(run.code, run.output).not.toBe(0);
    expect(run.stdout).toContain('the "souverain" policy is disabled in the policy pack configuration');
  });
});
