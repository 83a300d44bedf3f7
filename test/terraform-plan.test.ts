import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../src/index.js";
import { fromPlan } from "../src/terraform/plan.js";
import { judge } from "./helpers/engine.js";
import { planFiles, readPlan } from "./helpers/fixtures.js";

type Plan = Parameters<typeof fromPlan>[0];
const normalize = (name: string) => fromPlan(readPlan(name) as unknown as Plan, `${name}.json`).resources;
const where = (name: string) => Object.fromEntries(normalize(name).map((r) => [r.id, [r.cloud, r.region ?? null, r.zone ?? null]]));

interface Change { address: string; mode?: string; change: { actions: string[] } }

describe("every real plan is read", () => {
  it.each(planFiles().map((f) => [f.split("/").slice(-2).join("/"), f]))("%s", (_, file) => {
    const plan = JSON.parse(readFileSync(file, "utf8")) as Plan & { resource_changes?: Change[] };
    const expected = (plan.resource_changes ?? [])
      .filter((c) => (c.mode ?? "managed") === "managed" && !(c.change.actions.length === 1 && ["delete", "read", "forget"].includes(c.change.actions[0]!)))
      .map((c) => c.address);
    const resources = fromPlan(plan, file).resources;
    expect(resources.map((r) => r.id)).toEqual(expected);
    // And the engine judges every one of them.
    expect(judge(resources).resources).toHaveLength(expected.length);
  });
});

describe("provider and region as Terraform planned them (checked by hand)", () => {
  it("a constant provider region (regula, format 0.1, Terraform 0.13)", () => {
    expect(where("aws-kms-key_rotation_infra")).toMatchObject({ "aws_kms_key.valid": ["aws", "us-west-2", null] });
  });

  it("an availability zone on the resource wins over the provider region", () => {
    expect(where("aws-ebs-volume_encrypted_infra")).toMatchObject({ "aws_ebs_volume.good": ["aws", null, "us-west-2a"] });
    expect(where("test_when_its_key_metadata_has_something")).toMatchObject({
      "aws_instance.changed": ["aws", null, "us-west-1c"],
      "aws_s3_bucket.newly_created": ["aws", "us-west-1", null],
    });
  });

  it("a provider region given by a variable, resolved from the plan's variables", () => {
    const plan = readPlan("test_issue-166") as { variables: Record<string, { value: string }> };
    expect(plan.variables.aws_region!.value).toBe("eu-west-1");
    expect(where("test_issue-166")).toMatchObject({ "aws_instance.demo-prod-AppOne": ["aws", "eu-west-1", null] });
  });

  it("resources in modules use the root provider passed down to them", () => {
    expect(where("test_multi-module-referencing")).toMatchObject({
      "aws_s3_bucket.no_module_boundary": ["aws", "eu-west-1", null],
      "module.first_layer.aws_s3_bucket.should_not_fail_first_layer": ["aws", "eu-west-1", null],
    });
    expect(where("test_issue-225")).toMatchObject({ 'module.appmesh_existing.aws_appmesh_virtual_node.vn["ui"]': ["aws", "eu-west-1", null] });
  });

  it("nested module instances in a 1.x plan (format 1.2, Terraform 1.14); its provider's endpoints go to LocalStack: cloud unknown", () => {
    expect(where("test_issue_796")).toEqual({
      "module.outer[0].aws_lambda_permission.example": [null, "us-east-1", null],
      "module.outer[0].module.inner.aws_cloudwatch_event_rule.example": [null, "us-east-1", null],
    });
    expect(normalize("test_issue_796")[0]!.source).toMatchObject({
      note: "cloud unknown: the provider overrides its endpoints (cloudwatchevents, events, iam, lambda, sts)",
    });
  });

  it("Azure locations from the resource, as region codes", () => {
    expect(where("azurerm-storage-account_secure_transfer_infra")).toMatchObject({ "azurerm_resource_group.example": ["azurerm", "westeurope", null] });
    expect(where("test_in_step_variables_slicing-fail")).toMatchObject({ "azurerm_postgresql_server.example": ["azurerm", "northeurope", null] });
  });

  it("Google regions from the resource", () => {
    expect(where("google-compute-subnet_private_google_access_infra")).toMatchObject({ "google_compute_subnetwork.valid-subnet-1": ["google", "us-central1", null] });
  });

  it("no provider block and no region on the resource: unknown, never guessed", () => {
    expect(where("test_issue-468")).toEqual({ "aws_s3_bucket.my_s3_bucket": ["aws", null, null] });
  });

  it("no-op resources are judged (they exist after apply), deletions are not", () => {
    const plan = readPlan("test_issue-249-must_not") as unknown as { resource_changes: Change[] };
    expect(plan.resource_changes.filter((c) => c.change.actions[0] === "no-op").length).toBeGreaterThan(10);
    expect(normalize("test_issue-249-must_not")).toHaveLength(24);
    const deleted = structuredClone(plan);
    deleted.resource_changes[0]!.change.actions = ["delete"];
    deleted.resource_changes[1]!.change.actions = ["delete", "create"];
    const ids = fromPlan(deleted as unknown as Plan, "x").resources.map((r) => r.id);
    expect(ids).not.toContain(plan.resource_changes[0]!.address);
    expect(ids).toContain(plan.resource_changes[1]!.address);
  });
});

/** A copy of a real plan with a classification tag added to every resource of the given types. */
function classified(name: string, types: string[], value: string) {
  const plan = structuredClone(readPlan(name)) as { resource_changes: { type: string; change: { after: Record<string, unknown> } }[] };
  for (const change of plan.resource_changes.filter((c) => types.includes(c.type))) {
    const tags = { ...(change.change.after.tags as object | undefined), "data-classification": value };
    change.change.after.tags = tags;
    if ("tags_all" in change.change.after) change.change.after.tags_all = tags;
  }
  return fromPlan(plan as unknown as Plan, `${name}.json`).resources;
}

const verdicts = (resources: ReturnType<typeof classified>) =>
  judge(resources)
    .findings.filter((f) => f.enforcement === "mandatory")
    .map((f) => `${f.resource} ${f.policy}`)
    .sort();

describe("real plans with a classification added: the verdict the rules say", () => {
  it("archives in S3 buckets in Ireland are blocked", () => {
    const resources = classified("test_multi-module-referencing", ["aws_s3_bucket"], "archives");
    const buckets = resources.filter((r) => r.type === "aws_s3_bucket").map((r) => `${r.id} archives-stay-in-france`);
    expect(buckets.length).toBeGreaterThan(2);
    expect(verdicts(resources)).toEqual(buckets.sort());
  });

  it("health data in an Azure storage account in West Europe passes (HDS-certified, in the EEA)", () => {
    expect(verdicts(classified("azurerm-storage-account_secure_transfer_infra", ["azurerm_storage_account"], "santé"))).toEqual([]);
  });

  it("sensitive data in Azure West Europe is blocked, and so is its GRS copy in North Europe", () => {
    expect(verdicts(classified("test_issue-285", ["azurerm_storage_account"], "sensitive"))).toEqual([
      "azurerm_storage_account.example sensitive-requires-secnumcloud",
      "azurerm_storage_account.example sensitive-requires-secnumcloud",
    ]);
  });

  it("personal data on EBS volumes in us-west-2 is blocked; on an unknown region it is a location finding", () => {
    expect(verdicts(classified("aws-ebs-volume_encrypted_infra", ["aws_ebs_volume"], "personal"))).toEqual([
      "aws_ebs_volume.bad personal-stays-in-eu",
      "aws_ebs_volume.good personal-stays-in-eu",
      "aws_ebs_volume.missing personal-stays-in-eu",
    ]);
    expect(verdicts(classified("test_issue-468", ["aws_s3_bucket"], "personal"))).toEqual(["aws_s3_bucket.my_s3_bucket location-must-be-known"]);
  });
});

describe("plans that cannot be read as they claim", () => {
  it("a future format_version is an input error naming the place", () => {
    const plan = { ...readPlan("test_issue_796"), format_version: "2.0" };
    expect(() => fromPlan(plan as unknown as Plan, "plan.json")).toThrow(InputError);
    expect(() => fromPlan(plan as unknown as Plan, "plan.json")).toThrow('plan.json: /format_version: unsupported plan format_version "2.0" (this version reads 0.x and 1.x)');
  });

  it("a provider_config_key that matches nothing leaves the region unknown: a finding, not a pass", () => {
    const plan = structuredClone(readPlan("test_issue-121")) as {
      configuration: { root_module: { resources: { provider_config_key: string }[] } };
      resource_changes: { change: { after: Record<string, unknown> } }[];
    };
    plan.configuration.root_module.resources[0]!.provider_config_key = "aws.nowhere";
    plan.resource_changes[0]!.change.after.tags = { "data-classification": "archive" };
    const resources = fromPlan(plan as unknown as Plan, "x");
    expect(resources.resources[0]).toMatchObject({ cloud: "aws", region: null });
    expect(verdicts(resources.resources)).toEqual(["aws_kms_key.example archives-stay-in-france", "aws_kms_key.example location-must-be-known"]);
  });

  it("an explicit region unknown until apply is unknown, not the provider's", () => {
    const plan = structuredClone(readPlan("test_issue-121")) as {
      configuration: { root_module: { resources: { expressions: Record<string, unknown> }[] } };
      resource_changes: { change: { after: Record<string, unknown>; after_unknown: Record<string, unknown> } }[];
    };
    plan.configuration.root_module.resources[0]!.expressions.region = { references: ["module.x.region"] };
    plan.resource_changes[0]!.change.after_unknown.region = true;
    expect(fromPlan(plan as unknown as Plan, "x").resources[0]).toMatchObject({ region: null });
  });

  it("sensitive attributes are not read", () => {
    const plan = structuredClone(readPlan("test_issue-121")) as { resource_changes: { change: { after: Record<string, unknown>; after_sensitive?: unknown } }[] };
    plan.resource_changes[0]!.change.after.tags = { "data-classification": "archive", token: "s3cr3t" };
    plan.resource_changes[0]!.change.after_sensitive = { tags: { token: true } };
    expect(JSON.stringify(fromPlan(plan as unknown as Plan, "x"))).not.toContain("s3cr3t");
  });
});
