/**
 * The pack under the real Pulumi CLI (built from the Go module proxy) and its real engine, on a file
 * backend: `pulumi preview`, `pulumi up --skip-preview` and the Automation API's `up()` on the example
 * programs. The Node.js language host and the provider plugins cannot be downloaded here: the stand-ins
 * of test/fixtures/pulumi-stand-ins take their place (see test/helpers/pulumi-cli.ts). The providers log
 * every real create, so a test can say what was created.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LocalWorkspace, PulumiCommand } from "@pulumi/pulumi/automation/index.js";
import { afterAll, describe, expect, it } from "vitest";
import { createPulumiWorkspace, PACK_DIR, type PulumiProgram } from "../helpers/pulumi-cli.js";
import { repoRoot } from "../helpers/root.js";

const workspace = createPulumiWorkspace();
afterAll(() => rmSync(workspace.dir, { recursive: true, force: true }));

/** The policy violations a run printed, as "<level> <policy> <type>: <name>", without repeats. */
const violations = (output: string) =>
  [...new Set([...output.matchAll(/- \[(mandatory|advisory)\]\s+(\S+)\s+\(([^)]+)\)/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`))].sort();

const project = workspace.stack.bind(workspace);

/** Resource names (the URN's last part) of what the provider stand-ins created during `run`. */
function createdBy(run: () => void): string[] {
  const before = workspace.createdResources().length;
  run();
  return workspace.createdResources().slice(before).map((c) => c.urn.split("::").pop()!).sort();
}

/** Names of the custom resources in the stack's state, as `pulumi stack export` shows them. */
function inState(p: PulumiProgram): string[] {
  const exported = p.run(["stack", "export"]);
  expect(exported.code, exported.output).toBe(0);
  const resources = (JSON.parse(exported.stdout) as { deployment: { resources?: { urn: string; type: string; custom?: boolean }[] } }).deployment.resources ?? [];
  return resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:")).map((r) => r.urn.split("::").pop()!).sort();
}

const preview = (p: PulumiProgram, ...extra: string[]) => p.run(["preview", "--policy-pack", PACK_DIR, ...extra]);

describe("pulumi preview --policy-pack packs/souverain on the examples", () => {
  it("AWS Paris, stack personal: passes, with advisories about non-EU law", () => {
    const run = preview(project("pulumi-aws-paris", "personal"));
    expect(run.code, run.output).toBe(0);
    expect(violations(run.stdout)).toEqual([
      "advisory personal-stays-in-eu aws:rds:Instance: annuaire",
      "advisory personal-stays-in-eu aws:s3:Bucket: dossiers",
    ]);
  });

  it("AWS Paris, stack sensitive: blocked", () => {
    const run = preview(project("pulumi-aws-paris", "sensitive"));
    expect(run.code, run.output).not.toBe(0);
    expect(violations(run.stdout)).toEqual([
      "mandatory sensitive-requires-secnumcloud aws:rds:Instance: annuaire",
      "mandatory sensitive-requires-secnumcloud aws:s3:Bucket: dossiers",
    ]);
  });

  it("multi-cloud: only the bucket in Google's US multi-region is blocked", () => {
    const run = preview(project("pulumi-multicloud", "dev"));
    expect(run.code, run.output).not.toBe(0);
    expect(violations(run.stdout)).toEqual(["mandatory personal-stays-in-eu gcp:storage:Bucket: exports-usagers"]);
  });

  it("Azure: the account in a US resource group is blocked (the group is only an output: judged with the stack)", () => {
    const run = preview(project("pulumi-azure", "dev"));
    expect(run.code, run.output).not.toBe(0);
    expect(violations(run.stdout)).toEqual(["mandatory health-requires-hds azure-native:storage:StorageAccount: dossiers-us"]);
  });

  it("--policy-pack-config: French messages and a per-rule level", () => {
    const p = project("pulumi-aws-paris", "sensitive-fr", { config: "sensitive" });
    const config = join(p.dir, "policy-config.json");
    writeFileSync(config, JSON.stringify({ souverain: { lang: "fr" }, "sensitive-requires-secnumcloud": "advisory" }));
    const run = preview(p, "--policy-pack-config", config);
    expect(run.code, run.output).toBe(0);
    expect(violations(run.stdout).every((v) => v.startsWith("advisory sensitive-requires-secnumcloud"))).toBe(true);
    expect(violations(run.stdout)).toHaveLength(2);
    expect(run.stdout).toContain("données sensibles sur Amazon Web Services eu-west-3");
  });

  it("--policy-pack-config is validated by Pulumi against the pack's schema", () => {
    const p = project("pulumi-aws-paris", "bad-config", { config: "personal" });
    const config = join(p.dir, "policy-config.json");
    writeFileSync(config, JSON.stringify({ souverain: { lang: "de" } }));
    const run = preview(p, "--policy-pack-config", config);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/lang/);
    expect(run.output).toMatch(/must be one of|enum/i);
  });

  it("stack tags set with `pulumi stack tag set` classify resources on the file backend", () => {
    const p = project("pulumi-aws-paris", "tags", { program: `import * as aws from "@pulumi/aws";
new aws.s3.Bucket("sans-tag", {}, { provider: new aws.Provider("paris", { region: "eu-west-3" }) });
` });
    expect(violations(preview(p).stdout)).toEqual(["advisory classification-required aws:s3:Bucket: sans-tag"]);
    expect(p.run(["stack", "tag", "set", "data-classification", "archive"]).code).toBe(0);
    const run = preview(p);
    expect(run.code, run.output).not.toBe(0);
    expect(violations(run.stdout)).toEqual(["mandatory archives-stay-in-france aws:s3:Bucket: sans-tag"]);
    expect(run.stdout).toContain("Classified by: tag data-classification (stack)");
  });
});

describe("pulumi up --yes --skip-preview: no violating resource is created", () => {
  const up = (p: PulumiProgram) => p.run(["up", "--yes", "--skip-preview", "--policy-pack", PACK_DIR]);

  // The IAM role holds no data: it is compliant and may be created before the update stops.
  const onlyCompliantParis = (created: string[]) => expect(["lecture"]).toEqual(expect.arrayContaining(created));

  it("AWS Paris, stack sensitive: the bucket and the database are refused before their create", () => {
    const p = project("pulumi-aws-paris", "up-sensitive", { config: "sensitive" });
    let code: number | null = 0;
    let output = "";
    const created = createdBy(() => ({ code, output } = up(p)));
    onlyCompliantParis(created);
    expect(code).not.toBe(0);
    // The update stops at the first refused resource: the other may never be analyzed.
    const refused = violations(output);
    expect(refused.length).toBeGreaterThan(0);
    expect(["mandatory sensitive-requires-secnumcloud aws:rds:Instance: annuaire", "mandatory sensitive-requires-secnumcloud aws:s3:Bucket: dossiers"]).toEqual(expect.arrayContaining(refused));
    expect(inState(p)).toEqual(created);
  });

  // The engine stops the update at the first refused resource: the compliant resources whose steps were
  // under way are created, the others may not be (timing). Nothing violating ever is.
  it("multi-cloud: the bucket in the US is not created; whatever is created is compliant", () => {
    const p = project("pulumi-multicloud", "up-dev", { config: "dev" });
    let output = "";
    const created = createdBy(() => ({ output } = up(p)));
    expect(output).toMatch(/\[mandatory\]\s+personal-stays-in-eu\s+\(gcp:storage:Bucket: exports-usagers\)/);
    expect(violations(output)).toEqual(["mandatory personal-stays-in-eu gcp:storage:Bucket: exports-usagers"]);
    expect(["deliberations", "dossiers-sensibles", "etat-civil"]).toEqual(expect.arrayContaining(created));
    expect(inState(p)).toEqual(created);
  });

  it("Azure: the resource group's location is resolved before the create; the US account is not created", () => {
    const p = project("pulumi-azure", "up-dev", { config: "dev" });
    let output = "";
    const created = createdBy(() => ({ output } = up(p)));
    expect(output).toMatch(/\[mandatory\]\s+health-requires-hds\s+\(azure-native:storage:StorageAccount: dossiers-us\)/);
    // The account in France was placed through its group, seen earlier in the run: not refused.
    expect(violations(output)).toEqual(["mandatory health-requires-hds azure-native:storage:StorageAccount: dossiers-us"]);
    expect(["dossiers", "sante-france", "sante-us"]).toEqual(expect.arrayContaining(created));
    expect(inState(p)).toEqual(created);
  });

  it("AWS Paris, stack personal (compliant): every resource is created", () => {
    const p = project("pulumi-aws-paris", "up-personal", { config: "personal" });
    let code: number | null = null;
    expect(createdBy(() => ({ code } = up(p)))).toEqual(["annuaire", "dossiers", "lecture"]);
    expect(code).toBe(0);
    expect(inState(p)).toEqual(["annuaire", "dossiers", "lecture"]);
  });

  it("the Automation API's up() creates no violating resource", async () => {
    const p = project("pulumi-aws-paris", "automation", { config: "sensitive" });
    const pulumiCommand = await PulumiCommand.get({ root: join(repoRoot, ".tools"), skipVersionCheck: true });
    const envVars = Object.fromEntries(Object.entries(workspace.env).filter(([k]) => /^(PULUMI_|SOUVERAIN_|PATH$)/.test(k))) as Record<string, string>;
    const stack = await LocalWorkspace.selectStack({ stackName: "automation", workDir: p.dir }, { pulumiCommand, envVars });
    const before = workspace.createdResources().length;
    await expect(stack.up({ policyPacks: [PACK_DIR] })).rejects.toThrow(/mandatory policy violations|sensitive-requires-secnumcloud/);
    const created = workspace.createdResources().slice(before).map((c) => c.urn.split("::").pop()!).sort();
    onlyCompliantParis(created);
    expect(inState(p)).toEqual(created);
  });
});

describe("a region that comes from another resource's output", () => {
  // The bucket's region is only known once the parameter exists: unknown during a preview.
  const program = `import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
const paris = new aws.Provider("paris", { region: "eu-west-3" });
const target = new aws.ssm.Parameter("region-cible", { type: "String", insecureValue: new pulumi.Config().require("targetRegion") }, { provider: paris });
new aws.s3.Bucket("journal", {
  region: pulumi.all([target.id, target.insecureValue]).apply(([, region]) => region),
  tags: { "data-classification": "personal" },
}, { provider: paris });
`;
  const withTarget = (stack: string, region: string) => {
    const p = project("pulumi-aws-paris", stack, { program });
    expect(p.run(["config", "set", "targetRegion", region]).code).toBe(0);
    return p;
  };

  it("is unknown during preview: location-must-be-known blocks", () => {
    const run = preview(withTarget("output-preview", "eu-west-1"));
    expect(run.code, run.output).not.toBe(0);
    expect(violations(run.stdout)).toContain("mandatory location-must-be-known aws:s3:Bucket: journal");
  });

  it("is judged on its real region during up: Ireland is created", () => {
    const p = withTarget("output-ireland", "eu-west-1");
    let code: number | null = null;
    expect(createdBy(() => ({ code } = p.run(["up", "--yes", "--skip-preview", "--policy-pack", PACK_DIR])))).toEqual(["journal", "region-cible"]);
    expect(code).toBe(0);
  });

  it("is judged on its real region during up: the United States is refused before the create", () => {
    const p = withTarget("output-us", "us-east-1");
    let output = "";
    expect(createdBy(() => ({ output } = p.run(["up", "--yes", "--skip-preview", "--policy-pack", PACK_DIR])))).toEqual(["region-cible"]);
    expect(output).toMatch(/\[mandatory\]\s+personal-stays-in-eu\s+\(aws:s3:Bucket: journal\)/);
    expect(inState(p)).toEqual(["region-cible"]);
  });
});
