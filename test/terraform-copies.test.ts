/**
 * Copies in Terraform plans and cdk.tf.json (src/copies, one definition for every front door): each
 * case is a real plan from test/fixtures/terraform-plans, copied in memory, with a classification and
 * the copy-making resources added as Terraform emits them (a resource change and its configuration),
 * then the same copy synthesised by cdktf (or written as cdktf writes it); the canonical copies and the
 * rules' verdict through the compiled wasm are asserted, with compliant look-alikes that must pass.
 */
import { Testing, TerraformStack } from "cdktf";
import { BackupPlan } from "@cdktf/provider-aws/lib/backup-plan/index.js";
import { BackupSelection } from "@cdktf/provider-aws/lib/backup-selection/index.js";
import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault/index.js";
import { CloudfrontDistribution } from "@cdktf/provider-aws/lib/cloudfront-distribution/index.js";
import { DbInstance } from "@cdktf/provider-aws/lib/db-instance/index.js";
import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table/index.js";
import { DynamodbTableReplicaA } from "@cdktf/provider-aws/lib/dynamodb-table-replica/index.js";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import { S3BucketReplicationConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-replication-configuration/index.js";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider/index.js";
import { StorageBucket } from "@cdktf/provider-google/lib/storage-bucket/index.js";
import { describe, expect, it } from "vitest";
import { arnPlace, azurePairedRegion, referencedName } from "../src/copies/places.js";
import type { CanonicalResource } from "../src/model/canonical.js";
import { fromTerraformJson, type TerraformJson } from "../src/terraform/config-json.js";
import { fromPlan } from "../src/terraform/plan.js";
import { judge } from "./helpers/engine.js";
import { readPlan } from "./helpers/fixtures.js";

// ---------------------------------------------------------------------------------------------------
// Plans: a real fixture, copied, with resources added as `terraform show -json` writes them.

/** Plans are edited as plain JSON. */
type Json = Record<string, any>;
type Plan = Parameters<typeof fromPlan>[0];

const REGISTRY: Record<string, string> = {
  aws: "registry.terraform.io/hashicorp/aws",
  azurerm: "registry.terraform.io/hashicorp/azurerm",
  google: "registry.terraform.io/hashicorp/google",
};
const constant = (value: unknown) => ({ constant_value: value });
/** References as Terraform lists them: the attribute, then the resource. */
const ref = (address: string, attribute?: string) => ({ references: attribute ? [`${address}.${attribute}`, address] : [address] });

interface Added {
  address: string;
  /** provider_config_key; defaults to the type's provider. */
  provider?: string;
  after: Json;
  unknown?: Json;
  expressions?: Json;
}

/** A resource change and its configuration, added to a plan as Terraform writes them. */
function add(plan: Json, r: Added): void {
  const parts = r.address.split(".");
  const [type, name] = parts.slice(-2) as [string, string];
  const moduleAddress = parts.length > 2 ? parts.slice(0, -2).join(".") : undefined;
  const prefix = type.split("_")[0]!;
  (plan.resource_changes ??= []).push({
    address: r.address,
    ...(moduleAddress ? { module_address: moduleAddress } : {}),
    mode: "managed",
    type,
    name,
    provider_name: REGISTRY[prefix],
    change: { actions: ["create"], before: null, after: r.after, after_unknown: r.unknown ?? {}, before_sensitive: false, after_sensitive: {} },
  });
  let module = (plan.configuration ??= {}).root_module ??= {};
  for (const m of (moduleAddress ?? "").replace(/\[[^\]]*\]/g, "").split(".").filter((p, i) => i % 2 === 1)) {
    module = ((module.module_calls ??= {})[m] ??= { source: `./${m}`, module: {} }).module;
  }
  (module.resources ??= []).push({ address: `${type}.${name}`, mode: "managed", type, name, provider_config_key: r.provider ?? prefix, expressions: r.expressions ?? {}, schema_version: 0 });
}

/** A deep copy of a real plan, edited, with resources added. */
function plan(fixture: string, edit: (p: Json) => void, ...added: Added[]): Json {
  const copy = structuredClone(readPlan(fixture)) as Json;
  edit(copy);
  for (const r of added) add(copy, r);
  return copy;
}

/** An AWS provider block: the default one, or an alias. */
function awsProvider(p: Json, region: string, alias?: string): void {
  const providers = ((p.configuration ??= {}).provider_config ??= {});
  providers[alias ? `aws.${alias}` : "aws"] = { name: "aws", full_name: REGISTRY.aws, ...(alias ? { alias } : {}), expressions: { region: constant(region) } };
}

const tagged = (classes: string | undefined, extra: Record<string, string> = {}) => (classes ? { "data-classification": classes, ...extra } : Object.keys(extra).length ? extra : null);

/** A new aws_s3_bucket as aws provider v5 plans it: its ARN, region and deprecated inline blocks known only after apply. */
function bucket(address: string, name: string, classes?: string, provider?: string): Added {
  const tags = tagged(classes);
  return {
    address,
    provider,
    after: { bucket: name, bucket_prefix: null, force_destroy: false, tags, tags_all: tags, timeouts: null },
    unknown: {
      acceleration_status: true, acl: true, arn: true, bucket_domain_name: true, bucket_regional_domain_name: true, cors_rule: true, grant: true,
      hosted_zone_id: true, id: true, lifecycle_rule: true, logging: true, object_lock_configuration: true, object_lock_enabled: true, policy: true,
      region: true, replication_configuration: true, request_payer: true, server_side_encryption_configuration: true, tags_all: {}, versioning: true,
      website: true, website_domain: true, website_endpoint: true,
    },
    expressions: { bucket: constant(name), ...(tags ? { tags: constant(tags) } : {}) },
  };
}

const read = (p: Json): CanonicalResource[] => fromPlan(p as Plan, "plan.json").resources;
const byId = (resources: CanonicalResource[], id: string) => resources.find((r) => r.id === id)!;
const copiesOf = (resources: CanonicalResource[], id: string) => byId(resources, id).copies;

/** The mandatory findings about places (not about missing classifications), as "resource rule". */
const mandatory = (resources: CanonicalResource[]) =>
  judge(resources)
    .findings.filter((f) => f.enforcement === "mandatory" && !f.exempt && f.policy !== "classification-required")
    .map((f) => `${f.resource} ${f.policy}`)
    .sort();
/** The messages of one resource's findings for one rule. */
const messages = (resources: CanonicalResource[], id: string, policy: string) =>
  judge(resources).findings.filter((f) => f.resource === id && f.policy === policy).map((f) => f.message.en);

// cdk.tf.json: synthesised by the real cdktf and the prebuilt providers.
const synth = (build: (stack: TerraformStack) => void): CanonicalResource[] => {
  const stack = new TerraformStack(Testing.app(), "copies");
  build(stack);
  return fromTerraformJson(JSON.parse(Testing.synth(stack)) as TerraformJson, "cdk.tf.json").resources;
};

// ---------------------------------------------------------------------------------------------------

describe("S3 replication (aws_s3_bucket_replication_configuration)", () => {
  /** test_issue_796 (format 1.2, Terraform 1.14, aws ~> 5.0), its provider moved to Paris, with a Virginia alias. */
  const replicated = (classes: string, destination: Added, destinationArn: Json, after: Json = {}) =>
    plan(
      "test_issue_796",
      (p) => {
        awsProvider(p, "eu-west-3");
        awsProvider(p, "us-east-1", "virginia");
        awsProvider(p, "eu-west-1", "ireland");
      },
      bucket("aws_s3_bucket.archives", "archives-etat-civil", classes),
      destination,
      {
        address: "aws_s3_bucket_replication_configuration.copie",
        after: { bucket: null, role: "arn:aws:iam::123456789012:role/replication", rule: [{ destination: [{ bucket: null, storage_class: "STANDARD", ...after }], filter: [], id: "tout", status: "Enabled" }], token: null },
        unknown: { bucket: true, id: true, rule: [{ destination: [{ bucket: !after.bucket }] }] },
        expressions: {
          bucket: ref("aws_s3_bucket.archives", "id"),
          role: constant("arn:aws:iam::123456789012:role/replication"),
          rule: [{ destination: [{ bucket: destinationArn, storage_class: constant("STANDARD") }], id: constant("tout"), status: constant("Enabled") }],
        },
      },
    );

  it("archives in Paris replicated to Virginia: the replica is a placement, named in the finding", () => {
    const resources = read(replicated("archive", bucket("aws_s3_bucket.copie", "copie-virginie", undefined, "aws.virginia"), ref("aws_s3_bucket.copie", "arn")));
    expect(copiesOf(resources, "aws_s3_bucket.archives")).toEqual([{ kind: "replica", target: "aws_s3_bucket.copie", cloud: "aws", region: "us-east-1" }]);
    // The bucket's own region: the provider's, although the plan says `region` is known after apply.
    expect(byId(resources, "aws_s3_bucket.archives").region).toBe("eu-west-3");
    const archives = messages(resources, "aws_s3_bucket.archives", "archives-stay-in-france");
    expect(archives).toHaveLength(2);
    expect(archives).toContainEqual(expect.stringMatching(/\(replica\) on Amazon Web Services us-east-1/));
  });

  it("personal data replicated within Paris or to Ireland passes; to London (outside the EU) it is blocked", () => {
    const paris = read(replicated("personal", bucket("aws_s3_bucket.copie", "copie-paris"), ref("aws_s3_bucket.copie", "arn")));
    expect(copiesOf(paris, "aws_s3_bucket.archives")).toEqual([{ kind: "replica", target: "aws_s3_bucket.copie", cloud: "aws", region: "eu-west-3" }]);
    expect(mandatory(paris)).toEqual([]);
    expect(mandatory(read(replicated("personal", bucket("aws_s3_bucket.copie", "copie-irlande", undefined, "aws.ireland"), ref("aws_s3_bucket.copie", "arn"))))).toEqual([]);
    const p = replicated("personal", bucket("aws_s3_bucket.copie", "copie-londres", undefined, "aws.london"), ref("aws_s3_bucket.copie", "arn"));
    awsProvider(p, "eu-west-2", "london");
    const london = read(p);
    expect(mandatory(london)).toEqual(["aws_s3_bucket.archives personal-stays-in-eu"]);
    expect(messages(london, "aws_s3_bucket.archives", "personal-stays-in-eu")).toContainEqual(expect.stringMatching(/\(replica\).*eu-west-2/));
  });

  it("a destination ARN naming a bucket the plan does not hold: a copy to an unknown place", () => {
    const outside = { address: "aws_s3_bucket.autre", after: { bucket: "autre" }, expressions: { bucket: constant("autre") } };
    const resources = read(replicated("personal", outside, constant("arn:aws:s3:::ailleurs"), { bucket: "arn:aws:s3:::ailleurs" }));
    expect(copiesOf(resources, "aws_s3_bucket.archives")).toEqual([{ kind: "replica", region: null }]);
    expect(mandatory(resources)).toEqual(["aws_s3_bucket.archives location-must-be-known"]);
  });

  it("a destination ARN known in the plan is matched to the bucket of that name", () => {
    const destination = { ...bucket("aws_s3_bucket.copie", "copie-virginie", undefined, "aws.virginia") };
    const resources = read(replicated("personal", destination, { references: ["var.destination"] }, { bucket: "arn:aws:s3:::copie-virginie" }));
    expect(copiesOf(resources, "aws_s3_bucket.archives")).toEqual([{ kind: "replica", target: "aws_s3_bucket.copie", cloud: "aws", region: "us-east-1" }]);
    expect(mandatory(resources)).toEqual(["aws_s3_bucket.archives personal-stays-in-eu"]);
  });

  it("a destination bucket created in a module, reached through the module's output", () => {
    const p = replicated("personal", bucket("module.outer[0].aws_s3_bucket.copie", "copie-module", undefined, "aws.virginia"), ref("module.outer.copie_arn"));
    p.configuration.root_module.module_calls.outer.module.outputs = { copie_arn: { expression: ref("aws_s3_bucket.copie", "arn") } };
    const resources = read(p);
    expect(copiesOf(resources, "aws_s3_bucket.archives")).toEqual([{ kind: "replica", target: "module.outer[0].aws_s3_bucket.copie", cloud: "aws", region: "us-east-1" }]);
  });

  it("fail closed: without the configuration, an unknown source may be any bucket and an unknown destination is an unknown place", () => {
    const p = replicated("personal", bucket("aws_s3_bucket.copie", "copie-virginie", undefined, "aws.virginia"), ref("aws_s3_bucket.copie", "arn"));
    p.configuration.root_module.resources = p.configuration.root_module.resources.filter((r: Json) => r.type !== "aws_s3_bucket_replication_configuration");
    const resources = read(p);
    expect(copiesOf(resources, "aws_s3_bucket.archives")).toEqual([{ kind: "replica", region: null }]);
    expect(mandatory(resources)).toEqual(["aws_s3_bucket.archives location-must-be-known"]);
  });

  it("fail closed: a dynamic rule block (absent from the configuration's JSON) whose destination is unknown is an unknown place", () => {
    const p = replicated("personal", bucket("aws_s3_bucket.copie", "copie-virginie", undefined, "aws.virginia"), ref("aws_s3_bucket.copie", "arn"));
    delete p.configuration.root_module.resources.find((r: Json) => r.type === "aws_s3_bucket_replication_configuration").expressions.rule;
    expect(copiesOf(read(p), "aws_s3_bucket.archives")).toEqual([{ kind: "replica", region: null }]);
  });

  it("a bucket nobody replicates has no copy, although aws v5 plans its inline replication_configuration as unknown", () => {
    const p = plan("test_issue_796", (q) => awsProvider(q, "eu-west-3"), bucket("aws_s3_bucket.seul", "seul", "personal"));
    expect(copiesOf(read(p), "aws_s3_bucket.seul")).toBeUndefined();
    expect(mandatory(read(p))).toEqual([]);
  });

  it("cdk.tf.json: the same replication synthesised by cdktf", () => {
    const build = (region: string) => (stack: TerraformStack) => {
      new AwsProvider(stack, "aws", { region: "eu-west-3" });
      const other = new AwsProvider(stack, "other", { region, alias: "other" });
      const source = new S3Bucket(stack, "archives", { bucket: "archives-etat-civil", tags: { "data-classification": "personal" } });
      const destination = new S3Bucket(stack, "copie", { bucket: "copie", provider: other });
      new S3BucketReplicationConfigurationA(stack, "replication", { bucket: source.id, role: "arn:aws:iam::123456789012:role/r", rule: [{ status: "Enabled", destination: { bucket: destination.arn } }] });
    };
    const virginia = synth(build("us-east-1"));
    expect(copiesOf(virginia, "aws_s3_bucket.archives")).toEqual([{ kind: "replica", target: "aws_s3_bucket.copie", cloud: "aws", region: "us-east-1" }]);
    expect(mandatory(virginia)).toEqual(["aws_s3_bucket.archives personal-stays-in-eu"]);
    expect(mandatory(synth(build("eu-central-1")))).toEqual([]);
  });
});

describe("S3 replication inline on the bucket (aws provider before v4)", () => {
  /** test_multi-module-referencing (Terraform 0.15, buckets in Ireland), one bucket replicating to Virginia. */
  const inline = (destinationRegion: string) =>
    plan(
      "test_multi-module-referencing",
      (p) => {
        awsProvider(p, "eu-west-1");
        awsProvider(p, destinationRegion, "other");
        const change = p.resource_changes.find((c: Json) => c.address === "aws_s3_bucket.no_module_boundary");
        change.change.after.tags = { "data-classification": "personal" };
        change.change.after.replication_configuration = [{ role: "arn:aws:iam::123456789012:role/r", rules: [{ destination: [{ bucket: null, storage_class: "STANDARD" }], id: "r", prefix: "", status: "Enabled" }] }];
        change.change.after_unknown.replication_configuration = [{ rules: [{ destination: [{ bucket: true }] }] }];
        const config = p.configuration.root_module.resources.find((r: Json) => r.address === "aws_s3_bucket.no_module_boundary");
        config.expressions.replication_configuration = [{ role: constant("arn:aws:iam::123456789012:role/r"), rules: [{ destination: [{ bucket: ref("aws_s3_bucket.copie", "arn") }], status: constant("Enabled") }] }];
      },
      { address: "aws_s3_bucket.copie", provider: "aws.other", after: { bucket: "copie" }, unknown: { arn: true, id: true }, expressions: { bucket: constant("copie") } },
    );

  it("personal data replicated from Ireland to Virginia is blocked; to Frankfurt it passes", () => {
    const virginia = read(inline("us-east-1"));
    expect(copiesOf(virginia, "aws_s3_bucket.no_module_boundary")).toEqual([{ kind: "replica", target: "aws_s3_bucket.copie", cloud: "aws", region: "us-east-1" }]);
    expect(mandatory(virginia)).toEqual(["aws_s3_bucket.no_module_boundary personal-stays-in-eu"]);
    expect(mandatory(read(inline("eu-central-1")))).toEqual([]);
  });
});

describe("RDS cross-region read replicas and replicated automated backups", () => {
  /** test_issue-166 (Terraform 0.12, provider region from a variable), the variable set to Paris. */
  const withReplica = (classes: string, replicaRegion: string | undefined, extra: Added[] = []) =>
    plan(
      "test_issue-166",
      (p) => {
        p.variables.aws_region.value = "eu-west-3";
        if (replicaRegion) awsProvider(p, replicaRegion, "replica");
      },
      {
        address: "aws_db_instance.annuaire",
        after: { identifier: "annuaire", engine: "postgres", instance_class: "db.t3.micro", replicate_source_db: null, tags: tagged(classes) },
        unknown: { arn: true, id: true, availability_zone: true, endpoint: true },
        expressions: { identifier: constant("annuaire"), engine: constant("postgres"), instance_class: constant("db.t3.micro"), tags: constant(tagged(classes)) },
      },
      {
        address: "aws_db_instance.replique",
        provider: replicaRegion ? "aws.replica" : "aws",
        after: { identifier: "annuaire-replique", instance_class: "db.t3.micro", replicate_source_db: null, tags: null },
        unknown: { arn: true, id: true, availability_zone: true, endpoint: true, replicate_source_db: true },
        expressions: { identifier: constant("annuaire-replique"), instance_class: constant("db.t3.micro"), replicate_source_db: ref("aws_db_instance.annuaire", "arn") },
      },
      ...extra,
    );

  it("personal data with a read replica in Virginia is blocked; a replica in Paris or Ireland passes", () => {
    const virginia = read(withReplica("personal", "us-east-1"));
    expect(copiesOf(virginia, "aws_db_instance.annuaire")).toEqual([{ kind: "replica", target: "aws_db_instance.replique", cloud: "aws", region: "us-east-1" }]);
    expect(mandatory(virginia)).toEqual(["aws_db_instance.annuaire personal-stays-in-eu"]);
    expect(messages(virginia, "aws_db_instance.annuaire", "personal-stays-in-eu")).toContainEqual(expect.stringContaining("(replica)"));
    expect(mandatory(read(withReplica("personal", undefined)))).toEqual([]);
    expect(mandatory(read(withReplica("personal", "eu-west-1")))).toEqual([]);
    // The copy belongs to the source: the replica resource carries none of its own.
    expect(copiesOf(virginia, "aws_db_instance.replique")).toBeUndefined();
  });

  it("automated backups replicated to Virginia are a backup copy", () => {
    const backups: Added = {
      address: "aws_db_instance_automated_backups_replication.virginie",
      provider: "aws.virginia",
      after: { kms_key_id: null, retention_period: 7 },
      unknown: { id: true, source_db_instance_arn: true },
      expressions: { source_db_instance_arn: ref("aws_db_instance.annuaire", "arn") },
    };
    const p = withReplica("personal", undefined, [backups]);
    awsProvider(p, "us-east-1", "virginia");
    const resources = read(p);
    expect(copiesOf(resources, "aws_db_instance.annuaire")).toContainEqual({ kind: "backup", target: "aws_db_instance_automated_backups_replication.virginie", cloud: "aws", region: "us-east-1" });
    expect(messages(resources, "aws_db_instance.annuaire", "personal-stays-in-eu")).toContainEqual(expect.stringContaining("(backup copy)"));
  });

  it("cdk.tf.json: a replica through a provider alias", () => {
    const resources = synth((stack) => {
      new AwsProvider(stack, "aws", { region: "eu-west-3" });
      const virginia = new AwsProvider(stack, "virginia", { region: "us-east-1", alias: "virginia" });
      const db = new DbInstance(stack, "annuaire", { identifier: "annuaire", instanceClass: "db.t3.micro", engine: "postgres", tags: { "data-classification": "personal" } });
      new DbInstance(stack, "replique", { identifier: "replique", instanceClass: "db.t3.micro", replicateSourceDb: db.arn, provider: virginia });
      new DbInstance(stack, "seule", { identifier: "seule", instanceClass: "db.t3.micro", engine: "postgres", tags: { "data-classification": "personal" } });
    });
    expect(copiesOf(resources, "aws_db_instance.annuaire")).toEqual([{ kind: "replica", target: "aws_db_instance.replique", cloud: "aws", region: "us-east-1" }]);
    expect(copiesOf(resources, "aws_db_instance.seule")).toBeUndefined();
    expect(mandatory(resources)).toEqual(["aws_db_instance.annuaire personal-stays-in-eu"]);
  });
});

describe("DynamoDB global tables: replica blocks and aws_dynamodb_table_replica", () => {
  /** test_dynamodb_kms_key_problem (Terraform 0.12): its table, classified, with replica blocks. */
  const withReplicas = (classes: string, regions: string[]) =>
    plan("test_dynamodb_kms_key_problem", (p) => {
      awsProvider(p, "eu-west-3");
      const change = p.resource_changes.find((c: Json) => c.address === "aws_dynamodb_table.test");
      change.change.after.tags = { ...change.change.after.tags, "data-classification": classes };
      change.change.after.replica = regions.map((region) => ({ kms_key_arn: null, point_in_time_recovery: false, propagate_tags: false, region_name: region }));
      change.change.after_unknown.replica = regions.map(() => ({ arn: true, stream_arn: true, stream_label: true }));
      const config = p.configuration.root_module.resources.find((r: Json) => r.address === "aws_dynamodb_table.test");
      config.expressions.replica = regions.map((region) => ({ region_name: constant(region) }));
    });

  it("a replica in Virginia is blocked for personal data; replicas in Frankfurt and Stockholm pass", () => {
    const virginia = read(withReplicas("personal", ["us-east-1"]));
    expect(copiesOf(virginia, "aws_dynamodb_table.test")).toEqual([{ kind: "replica", region: "us-east-1" }]);
    expect(mandatory(virginia)).toEqual(["aws_dynamodb_table.test personal-stays-in-eu"]);
    const europe = read(withReplicas("personal", ["eu-central-1", "eu-north-1"]));
    expect(copiesOf(europe, "aws_dynamodb_table.test")).toEqual([{ kind: "replica", region: "eu-central-1" }, { kind: "replica", region: "eu-north-1" }]);
    expect(mandatory(europe)).toEqual([]);
  });

  it("a replica region known only after apply is an unknown place", () => {
    const p = withReplicas("personal", ["eu-central-1"]);
    const change = p.resource_changes.find((c: Json) => c.address === "aws_dynamodb_table.test");
    change.change.after.replica[0].region_name = null;
    change.change.after_unknown.replica[0].region_name = true;
    p.configuration.root_module.resources.find((r: Json) => r.address === "aws_dynamodb_table.test").expressions.replica[0].region_name = { references: ["local.region"] };
    const resources = read(p);
    expect(copiesOf(resources, "aws_dynamodb_table.test")).toEqual([{ kind: "replica", region: null }]);
    expect(mandatory(resources)).toEqual(["aws_dynamodb_table.test location-must-be-known"]);
  });

  it("aws_dynamodb_table_replica: the replica's provider region, its source by global_table_arn", () => {
    const p = withReplicas("personal", []);
    awsProvider(p, "us-east-1", "virginia");
    add(p, {
      address: "aws_dynamodb_table_replica.virginie",
      provider: "aws.virginia",
      after: { deletion_protection_enabled: false, point_in_time_recovery: false, tags: null },
      unknown: { arn: true, global_table_arn: true, id: true },
      expressions: { global_table_arn: ref("aws_dynamodb_table.test", "arn") },
    });
    const resources = read(p);
    expect(copiesOf(resources, "aws_dynamodb_table.test")).toEqual([{ kind: "replica", target: "aws_dynamodb_table_replica.virginie", cloud: "aws", region: "us-east-1" }]);
    expect(mandatory(resources)).toEqual(["aws_dynamodb_table.test personal-stays-in-eu"]);
  });

  it("cdk.tf.json: replica blocks and a table replica", () => {
    const resources = synth((stack) => {
      new AwsProvider(stack, "aws", { region: "eu-west-3" });
      const virginia = new AwsProvider(stack, "virginia", { region: "us-east-1", alias: "virginia" });
      new DynamodbTable(stack, "blocs", { name: "blocs", hashKey: "id", attribute: [{ name: "id", type: "S" }], replica: [{ regionName: "eu-central-1" }], tags: { "data-classification": "personal" } });
      const table = new DynamodbTable(stack, "registre", { name: "registre", hashKey: "id", attribute: [{ name: "id", type: "S" }], tags: { "data-classification": "personal" } });
      new DynamodbTableReplicaA(stack, "virginie", { globalTableArn: table.arn, provider: virginia });
    });
    expect(copiesOf(resources, "aws_dynamodb_table.blocs")).toEqual([{ kind: "replica", region: "eu-central-1" }]);
    expect(copiesOf(resources, "aws_dynamodb_table.registre")).toEqual([{ kind: "replica", target: "aws_dynamodb_table_replica.virginie", cloud: "aws", region: "us-east-1" }]);
    expect(mandatory(resources)).toEqual(["aws_dynamodb_table.registre personal-stays-in-eu"]);
  });
});

describe("AWS Backup: copy_action of the plan a selection assigns resources to", () => {
  /**
   * aws-ebs-volume_encrypted_infra (regula, Terraform 0.13): its three volumes moved to Paris, `good`
   * and `bad` classified; a backup plan whose rule copies to `vault` (an ARN, or a reference).
   */
  const backedUp = (classes: string, selection: { after: Json; unknown?: Json; expressions: Json }, vault: Json, vaultArn: string | null = null) =>
    plan(
      "aws-ebs-volume_encrypted_infra",
      (p) => {
        awsProvider(p, "eu-west-3");
        awsProvider(p, "us-east-1", "virginia");
        for (const c of p.resource_changes) {
          c.change.after.availability_zone = "eu-west-3a";
          if (c.name !== "missing") c.change.after.tags = { "data-classification": classes, backup: c.name === "good" ? "daily" : "none" };
        }
        for (const r of p.configuration.root_module.resources) r.expressions.availability_zone = constant("eu-west-3a");
      },
      { address: "aws_backup_vault.paris", after: { name: "paris", force_destroy: false, tags: null }, unknown: { arn: true, id: true }, expressions: { name: constant("paris") } },
      { address: "aws_backup_vault.virginie", provider: "aws.virginia", after: { name: "virginie", force_destroy: false, tags: null }, unknown: { arn: true, id: true }, expressions: { name: constant("virginie") } },
      {
        address: "aws_backup_plan.quotidien",
        after: { name: "quotidien", rule: [{ copy_action: [{ destination_vault_arn: vaultArn, lifecycle: [] }], rule_name: "r", schedule: "cron(0 5 * * ? *)", target_vault_name: "paris" }], tags: null },
        unknown: { arn: true, id: true, rule: [{ copy_action: [{ destination_vault_arn: vaultArn === null }] }], version: true },
        expressions: { name: constant("quotidien"), rule: [{ copy_action: [{ destination_vault_arn: vault }], rule_name: constant("r"), target_vault_name: ref("aws_backup_vault.paris", "name") }] },
      },
      {
        address: "aws_backup_selection.choix",
        after: { iam_role_arn: "arn:aws:iam::123456789012:role/backup", name: "choix", not_resources: null, ...selection.after },
        unknown: { id: true, plan_id: true, ...selection.unknown },
        expressions: { iam_role_arn: constant("arn:aws:iam::123456789012:role/backup"), name: constant("choix"), plan_id: ref("aws_backup_plan.quotidien", "id"), ...selection.expressions },
      },
    );
  const byReference = { after: { resources: null }, unknown: { resources: true }, expressions: { resources: { references: ["aws_ebs_volume.good.arn", "aws_ebs_volume.good"] } } };
  const byTag = {
    after: { selection_tag: [{ key: "backup", type: "STRINGEQUALS", value: "daily" }] },
    unknown: { resources: true },
    expressions: { selection_tag: [{ key: constant("backup"), type: constant("STRINGEQUALS"), value: constant("daily") }] },
  };

  it("a volume selected by reference, copied to a vault in Virginia: a backup copy there; the other volume is not copied", () => {
    const resources = read(backedUp("personal", byReference, ref("aws_backup_vault.virginie", "arn")));
    expect(copiesOf(resources, "aws_ebs_volume.good")).toEqual([{ kind: "backup", target: "aws_backup_vault.virginie", cloud: "aws", region: "us-east-1" }]);
    expect(copiesOf(resources, "aws_ebs_volume.bad")).toBeUndefined();
    expect(mandatory(resources)).toEqual(["aws_ebs_volume.good personal-stays-in-eu"]);
    expect(messages(resources, "aws_ebs_volume.good", "personal-stays-in-eu")[0]).toContain("(backup copy)");
  });

  it("a selection by tag (selection_tag), copied to a vault ARN: in Ohio it is blocked for personal data, in Ireland it passes", () => {
    const ohio = "arn:aws:backup:us-east-2:123456789012:backup-vault:ohio";
    const resources = read(backedUp("personal", byTag, constant(ohio), ohio));
    expect(copiesOf(resources, "aws_ebs_volume.good")).toEqual([{ kind: "backup", cloud: "aws", region: "us-east-2" }]);
    expect(copiesOf(resources, "aws_ebs_volume.bad")).toBeUndefined();
    expect(mandatory(resources)).toEqual(["aws_ebs_volume.good personal-stays-in-eu"]);
    const ireland = "arn:aws:backup:eu-west-1:123456789012:backup-vault:irlande";
    expect(mandatory(read(backedUp("personal", byTag, constant(ireland), ireland)))).toEqual([]);
  });

  it("conditions are and-ed within the resources they filter", () => {
    const conditioned = {
      after: { resources: ["*"], condition: [{ string_equals: [{ key: "aws:ResourceTag/backup", value: "daily" }], string_like: [], string_not_equals: [], string_not_like: [] }] },
      expressions: { resources: constant(["*"]), condition: [{ string_equals: [{ key: constant("aws:ResourceTag/backup"), value: constant("daily") }] }] },
    };
    const resources = read(backedUp("personal", conditioned, ref("aws_backup_vault.virginie", "arn")));
    expect(mandatory(resources)).toEqual(["aws_ebs_volume.good personal-stays-in-eu"]);
  });

  it("fail closed: a selection that cannot be resolved (a wildcard ARN, resources from a local) copies every AWS resource of its region", () => {
    const wildcard = { after: { resources: ["arn:aws:ec2:*:*:volume/*"] }, expressions: { resources: constant(["arn:aws:ec2:*:*:volume/*"]) } };
    const local = { after: { resources: null }, unknown: { resources: true }, expressions: { resources: { references: ["local.volumes"] } } };
    for (const selection of [wildcard, local]) {
      const resources = read(backedUp("personal", selection, ref("aws_backup_vault.virginie", "arn")));
      for (const volume of ["good", "bad", "missing"]) expect(copiesOf(resources, `aws_ebs_volume.${volume}`)).toEqual([{ kind: "backup", target: "aws_backup_vault.virginie", cloud: "aws", region: "us-east-1" }]);
      expect(mandatory(resources)).toEqual(["aws_ebs_volume.bad personal-stays-in-eu", "aws_ebs_volume.good personal-stays-in-eu"]);
    }
  });

  it("fail closed: a plan the input does not hold may copy anywhere; a copy to a vault in Paris passes", () => {
    const p = backedUp("personal", byReference, ref("aws_backup_vault.paris", "arn"));
    expect(mandatory(read(p))).toEqual([]);
    expect(copiesOf(read(p), "aws_ebs_volume.good")).toEqual([{ kind: "backup", target: "aws_backup_vault.paris", cloud: "aws", region: "eu-west-3" }]);
    p.configuration.root_module.resources.find((r: Json) => r.type === "aws_backup_selection").expressions.plan_id = { references: ["data.aws_backup_plan.existant.id", "data.aws_backup_plan.existant"] };
    expect(copiesOf(read(p), "aws_ebs_volume.good")).toEqual([{ kind: "backup", region: null }]);
    expect(mandatory(read(p))).toEqual(["aws_ebs_volume.good location-must-be-known"]);
  });

  it("cdk.tf.json: a plan, a tag selection and a vault in Virginia", () => {
    const resources = synth((stack) => {
      new AwsProvider(stack, "aws", { region: "eu-west-3" });
      const virginia = new AwsProvider(stack, "virginia", { region: "us-east-1", alias: "virginia" });
      new S3Bucket(stack, "registre", { bucket: "registre", tags: { "data-classification": "personal", backup: "daily" } });
      new S3Bucket(stack, "autre", { bucket: "autre", tags: { "data-classification": "personal" } });
      const vault = new BackupVault(stack, "virginie", { name: "virginie", provider: virginia });
      const backupPlan = new BackupPlan(stack, "quotidien", { name: "quotidien", rule: [{ ruleName: "r", targetVaultName: "paris", copyAction: [{ destinationVaultArn: vault.arn }] }] });
      new BackupSelection(stack, "choix", { name: "choix", planId: backupPlan.id, iamRoleArn: "arn:aws:iam::123456789012:role/backup", selectionTag: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }] });
    });
    expect(copiesOf(resources, "aws_s3_bucket.registre")).toEqual([{ kind: "backup", target: "aws_backup_vault.virginie", cloud: "aws", region: "us-east-1" }]);
    expect(copiesOf(resources, "aws_s3_bucket.autre")).toBeUndefined();
    expect(mandatory(resources)).toEqual(["aws_s3_bucket.registre personal-stays-in-eu"]);
  });
});

describe("CloudFront over an S3 origin: the bucket's data at edges worldwide", () => {
  /** aws-cloudfront-distribution_https_infra (regula): three real distributions over one bucket (origin by reference). */
  const cdn = (edit: (p: Json) => void = () => {}) =>
    read(
      plan("aws-cloudfront-distribution_https_infra", (p) => {
        awsProvider(p, "eu-west-3");
        p.resource_changes.find((c: Json) => c.address === "aws_s3_bucket.bucket").change.after.tags = { "data-classification": "personal" };
        edit(p);
      }),
    );

  it("personal data behind CloudFront is blocked: a CDN copy with no region", () => {
    const resources = cdn();
    expect(copiesOf(resources, "aws_s3_bucket.bucket")).toEqual([{ kind: "cdn", global: true }]);
    expect(mandatory(resources)).toEqual(["aws_s3_bucket.bucket location-must-be-known", "aws_s3_bucket.bucket personal-stays-in-eu"]);
    expect(messages(resources, "aws_s3_bucket.bucket", "personal-stays-in-eu")).toContainEqual(expect.stringContaining("(CDN edge copy)"));
  });

  it("a distribution whose origin is not the bucket copies nothing of it", () => {
    const resources = cdn((p) => {
      for (const r of p.configuration.root_module.resources.filter((x: Json) => x.type === "aws_cloudfront_distribution")) r.expressions.origin[0].domain_name = constant("www.example.fr");
      for (const c of p.resource_changes.filter((x: Json) => x.type === "aws_cloudfront_distribution")) {
        c.change.after.origin[0].domain_name = "www.example.fr";
        c.change.after_unknown.origin[0].domain_name = false;
      }
    });
    expect(copiesOf(resources, "aws_s3_bucket.bucket")).toBeUndefined();
    expect(mandatory(resources)).toEqual([]);
  });

  it("an S3 endpoint written as a domain name is matched to its bucket", () => {
    const resources = cdn((p) => {
      // The fixture's bucket name is generated (known after apply): here it is set.
      const b = p.resource_changes.find((c: Json) => c.address === "aws_s3_bucket.bucket");
      b.change.after.bucket = "site-public";
      b.change.after_unknown.bucket = false;
      p.configuration.root_module.resources.find((r: Json) => r.address === "aws_s3_bucket.bucket").expressions.bucket = constant("site-public");
      const d = p.resource_changes.find((c: Json) => c.address === "aws_cloudfront_distribution.allow_all");
      d.change.after.origin[0].domain_name = "site-public.s3.eu-west-3.amazonaws.com";
      d.change.after_unknown.origin[0].domain_name = false;
      p.configuration.root_module.resources.find((r: Json) => r.address === "aws_cloudfront_distribution.allow_all").expressions.origin[0].domain_name = constant("site-public.s3.eu-west-3.amazonaws.com");
      for (const r of p.configuration.root_module.resources.filter((x: Json) => x.type === "aws_cloudfront_distribution" && x.name !== "allow_all")) r.expressions.origin[0].domain_name = constant("www.example.fr");
      for (const c of p.resource_changes.filter((x: Json) => x.type === "aws_cloudfront_distribution" && x.name !== "allow_all")) {
        c.change.after.origin[0].domain_name = "www.example.fr";
        c.change.after_unknown.origin[0].domain_name = false;
      }
    });
    expect(copiesOf(resources, "aws_s3_bucket.bucket")).toEqual([{ kind: "cdn", global: true }]);
  });

  it("cdk.tf.json: an origin on the bucket's regional domain name", () => {
    const resources = synth((stack) => {
      new AwsProvider(stack, "aws", { region: "eu-west-3" });
      const site = new S3Bucket(stack, "site", { bucket: "site", tags: { "data-classification": "personal" } });
      new CloudfrontDistribution(stack, "cdn", {
        enabled: true,
        origin: [{ domainName: site.bucketRegionalDomainName, originId: "s3" }],
        defaultCacheBehavior: { allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"], targetOriginId: "s3", viewerProtocolPolicy: "redirect-to-https" },
        restrictions: { geoRestriction: { restrictionType: "none" } },
        viewerCertificate: { cloudfrontDefaultCertificate: true },
      });
    });
    expect(copiesOf(resources, "aws_s3_bucket.site")).toEqual([{ kind: "cdn", global: true }]);
    expect(mandatory(resources)).toEqual(["aws_s3_bucket.site location-must-be-known", "aws_s3_bucket.site personal-stays-in-eu"]);
  });
});

describe("Azure storage: geo-redundant replication to the paired region, object replication", () => {
  /** azurerm-storage-account_secure_transfer_infra (regula): three real GRS accounts, moved and reclassified. */
  const accounts = (location: string, replication: string, classes: string) =>
    plan("azurerm-storage-account_secure_transfer_infra", (p) => {
      for (const c of p.resource_changes) {
        c.change.after.location = location;
        if (c.type !== "azurerm_storage_account") continue;
        c.change.after.account_replication_type = replication;
        c.change.after.tags = { "data-classification": classes };
      }
      for (const r of p.configuration.root_module.resources) {
        if (r.type === "azurerm_resource_group") r.expressions.location = constant(location);
        else r.expressions.account_replication_type = constant(replication);
      }
    });
  const account = "azurerm_storage_account.validstorageaccount1";

  it("GRS in France Central copies to France South: personal data passes", () => {
    const resources = read(accounts("francecentral", "GRS", "personal"));
    expect(copiesOf(resources, account)).toEqual([{ kind: "replica", region: "francesouth" }]);
    expect(mandatory(resources)).toEqual([]);
  });

  it("LRS and ZRS in France Central make no copy elsewhere", () => {
    for (const type of ["LRS", "ZRS"]) expect(copiesOf(read(accounts("francecentral", type, "personal")), account)).toBeUndefined();
  });

  it("RA-GZRS in UK South copies to UK West; in a region without a documented pair the copy's place is unknown", () => {
    const uk = read(accounts("uksouth", "RAGZRS", "health"));
    expect(copiesOf(uk, account)).toEqual([{ kind: "replica", region: "ukwest" }]);
    const italy = read(accounts("italynorth", "GRS", "personal"));
    expect(copiesOf(italy, account)).toEqual([{ kind: "replica", region: null }]);
    expect(mandatory(italy)).toContain(`${account} location-must-be-known`);
  });

  it("a replication type known only after apply is an unknown copy", () => {
    const p = accounts("francecentral", "GRS", "personal");
    const change = p.resource_changes.find((c: Json) => c.address === account);
    change.change.after.account_replication_type = null;
    change.change.after_unknown.account_replication_type = true;
    p.configuration.root_module.resources.find((r: Json) => r.address === account).expressions.account_replication_type = { references: ["var.replication"] };
    expect(copiesOf(read(p), account)).toEqual([{ kind: "replica", region: null }]);
  });

  it("object replication to an account in East US is blocked for personal data; to France South it passes", () => {
    const replicated = (destinationLocation: string) => {
      const p = accounts("francecentral", "LRS", "personal");
      add(p, {
        address: "azurerm_storage_account.destination",
        after: { name: "destination", location: destinationLocation, account_replication_type: "LRS", account_tier: "Standard", resource_group_name: "example-resources", tags: null },
        unknown: { id: true },
        expressions: { name: constant("destination"), location: constant(destinationLocation), account_replication_type: constant("LRS") },
      });
      add(p, {
        address: "azurerm_storage_object_replication.copie",
        after: { rules: [{ source_container_name: "src", destination_container_name: "dst", copy_blobs_created_after: "OnlyNewObjects", filter_out_blobs_with_prefix: null }] },
        unknown: { destination_object_replication_id: true, id: true, source_object_replication_id: true, source_storage_account_id: true, destination_storage_account_id: true },
        expressions: { source_storage_account_id: ref(account, "id"), destination_storage_account_id: ref("azurerm_storage_account.destination", "id") },
      });
      return read(p);
    };
    const us = replicated("eastus");
    expect(copiesOf(us, account)).toEqual([{ kind: "replica", target: "azurerm_storage_account.destination", cloud: "azurerm", region: "eastus" }]);
    expect(mandatory(us)).toEqual([`${account} personal-stays-in-eu`]);
    expect(mandatory(replicated("francesouth"))).toEqual([]);
  });

  it("cdk.tf.json (as cdktf writes it): a GRS account in West Europe copies to North Europe, object replication by reference", () => {
    const json = {
      provider: { azurerm: [{ features: [{}] }] },
      resource: {
        azurerm_storage_account: {
          registre: { name: "registre", location: "West Europe", resource_group_name: "rg", account_tier: "Standard", account_replication_type: "RAGRS", tags: { "data-classification": "personal" } },
          copie: { name: "copie", location: "East US", resource_group_name: "rg", account_tier: "Standard", account_replication_type: "LRS" },
          local: { name: "local", location: "France Central", resource_group_name: "rg", account_tier: "Standard", account_replication_type: "ZRS", tags: { "data-classification": "personal" } },
        },
        azurerm_storage_object_replication: {
          copie: { source_storage_account_id: "${azurerm_storage_account.local.id}", destination_storage_account_id: "${azurerm_storage_account.copie.id}", rules: [{ source_container_name: "a", destination_container_name: "b" }] },
        },
      },
      terraform: { required_providers: { azurerm: { source: "azurerm", version: "4.0.0" } } },
    };
    const resources = fromTerraformJson(json as TerraformJson, "cdk.tf.json").resources;
    expect(copiesOf(resources, "azurerm_storage_account.registre")).toEqual([{ kind: "replica", region: "northeurope" }]);
    // The pairs are public Azure's: on Bleu the secondary region is not documented, so it is unknown.
    const bleu = fromTerraformJson({ ...json, provider: { azurerm: [{ features: [{}], environment: "bleu" }] } } as TerraformJson, "cdk.tf.json").resources;
    expect(copiesOf(bleu, "azurerm_storage_account.registre")).toEqual([{ kind: "replica", region: null }]);
    expect(copiesOf(resources, "azurerm_storage_account.local")).toEqual([{ kind: "replica", target: "azurerm_storage_account.copie", cloud: "azurerm", region: "eastus" }]);
    expect(mandatory(resources)).toEqual(["azurerm_storage_account.local personal-stays-in-eu"]);
  });
});

describe("Google Cloud Storage dual-regions: each data location is a placement", () => {
  /** google-compute-subnet_private_google_access_infra (regula, Terraform 0.13) with buckets added. */
  const gcs = (location: string, dataLocations: string[] | null, classes = "personal") =>
    read(
      plan(
        "google-compute-subnet_private_google_access_infra",
        () => {},
        {
          address: "google_storage_bucket.registre",
          after: { name: "registre", location, force_destroy: false, labels: { "data-classification": classes }, custom_placement_config: dataLocations ? [{ data_locations: dataLocations }] : [] },
          unknown: { id: true, self_link: true, url: true, custom_placement_config: dataLocations ? [{ data_locations: dataLocations.map(() => false) }] : [] },
          expressions: { name: constant("registre"), location: constant(location), labels: constant({ "data-classification": classes }), ...(dataLocations ? { custom_placement_config: [{ data_locations: constant(dataLocations) }] } : {}) },
        },
      ),
    );

  it("a configurable dual-region in Europe: both data locations are judged, personal data passes", () => {
    const resources = gcs("EU", ["EUROPE-WEST9", "EUROPE-WEST1"]);
    expect(copiesOf(resources, "google_storage_bucket.registre")).toEqual([{ kind: "replica", region: "EUROPE-WEST9" }, { kind: "replica", region: "EUROPE-WEST1" }]);
    expect(mandatory(resources)).toEqual([]);
  });

  it("the predefined dual-region NAM4 is Iowa and South Carolina: blocked for personal data", () => {
    const resources = gcs("NAM4", null);
    expect(copiesOf(resources, "google_storage_bucket.registre")).toEqual([{ kind: "replica", region: "us-central1" }, { kind: "replica", region: "us-east1" }]);
    expect(mandatory(resources)).toContain("google_storage_bucket.registre personal-stays-in-eu");
  });

  it("a single region makes no copy", () => {
    expect(copiesOf(gcs("EUROPE-WEST9", null), "google_storage_bucket.registre")).toBeUndefined();
  });

  it("cdk.tf.json: a custom dual-region synthesised by cdktf", () => {
    const resources = synth((stack) => {
      new GoogleProvider(stack, "google", { project: "p" });
      new StorageBucket(stack, "registre", { name: "registre", location: "EU", customPlacementConfig: { dataLocations: ["EUROPE-WEST9", "EUROPE-WEST4"] }, labels: { "data-classification": "archive" } });
    });
    expect(copiesOf(resources, "google_storage_bucket.registre")).toEqual([{ kind: "replica", region: "EUROPE-WEST9" }, { kind: "replica", region: "EUROPE-WEST4" }]);
    // Archives at Google are blocked wherever they are; the Dutch data location is named too.
    expect(messages(resources, "google_storage_bucket.registre", "archives-stay-in-france")).toContainEqual(expect.stringContaining("europe-west4"));
  });
});

describe("Cosmos DB geo_location blocks: each location is a placement", () => {
  /** azurerm-sql-firewall_no_inbound_all_infra (regula): its resource group, and a Cosmos DB account added. */
  const cosmos = (locations: (string | Json)[]) =>
    read(
      plan("azurerm-sql-firewall_no_inbound_all_infra", () => {}, {
        address: "azurerm_cosmosdb_account.registre",
        after: {
          name: "registre", location: "francecentral", offer_type: "Standard", kind: "GlobalDocumentDB", resource_group_name: "rg", tags: { "data-classification": "health" },
          geo_location: locations.map((l, i) => ({ location: typeof l === "string" ? l : null, failover_priority: i, zone_redundant: false })),
        },
        unknown: { id: true, endpoint: true, geo_location: locations.map((l) => (typeof l === "string" ? { id: true } : { id: true, location: true })) },
        expressions: {
          name: constant("registre"), location: constant("francecentral"), offer_type: constant("Standard"),
          geo_location: locations.map((l, i) => ({ location: typeof l === "string" ? constant(l) : l, failover_priority: constant(i) })),
        },
      }),
    );

  it("the write region in France Central and a read region in East US: health data is blocked", () => {
    const resources = cosmos(["francecentral", "eastus"]);
    expect(copiesOf(resources, "azurerm_cosmosdb_account.registre")).toEqual([{ kind: "replica", region: "eastus" }]);
    expect(mandatory(resources)).toEqual(["azurerm_cosmosdb_account.registre health-requires-hds"]);
  });

  it("France Central and France South pass", () => {
    const resources = cosmos(["France Central", "France South"]);
    expect(copiesOf(resources, "azurerm_cosmosdb_account.registre")).toEqual([{ kind: "replica", region: "francesouth" }]);
    expect(mandatory(resources)).toEqual([]);
  });

  it("a location taken from the resource group is where the group is", () => {
    const resources = cosmos(["francecentral", ref("azurerm_resource_group.example", "location")]);
    expect(byId(resources, "azurerm_resource_group.example").region).toBe("westus");
    expect(copiesOf(resources, "azurerm_cosmosdb_account.registre")).toEqual([{ kind: "replica", cloud: "azurerm", region: "westus" }]);
    expect(mandatory(resources)).toEqual(["azurerm_cosmosdb_account.registre health-requires-hds"]);
  });

  it("cdk.tf.json: a location known only after apply is an unknown copy", () => {
    const json = {
      resource: {
        azurerm_cosmosdb_account: {
          registre: { name: "registre", location: "francecentral", offer_type: "Standard", resource_group_name: "rg", tags: { "data-classification": "personal" }, geo_location: [{ location: "francecentral", failover_priority: 0 }, { location: "${module.regions.secondary}", failover_priority: 1 }] },
        },
      },
    };
    const resources = fromTerraformJson(json as TerraformJson, "cdk.tf.json").resources;
    expect(copiesOf(resources, "azurerm_cosmosdb_account.registre")).toEqual([{ kind: "replica", region: null }]);
    expect(mandatory(resources)).toEqual(["azurerm_cosmosdb_account.registre location-must-be-known"]);
  });
});

describe("where the tables say a copy lands", () => {
  it("Azure pairs, from Microsoft's table: both ways, one way, and none", () => {
    expect([azurePairedRegion("France Central"), azurePairedRegion("francesouth"), azurePairedRegion("westeurope"), azurePairedRegion("germanywestcentral"), azurePairedRegion("swedencentral")])
      .toEqual(["francesouth", "francecentral", "northeurope", "germanynorth", "swedensouth"]);
    expect([azurePairedRegion("westus3"), azurePairedRegion("eastus"), azurePairedRegion("brazilsouth"), azurePairedRegion("southcentralus")]).toEqual(["eastus", "westus", "southcentralus", "northcentralus"]);
    expect([azurePairedRegion("italynorth"), azurePairedRegion("polandcentral"), azurePairedRegion("usgovtexas"), azurePairedRegion("atlantis")]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("names and regions that references carry", () => {
    expect(["arn:aws:s3:::registre", "arn:aws:rds:eu-west-3:123456789012:db:annuaire", "arn:aws:dynamodb:eu-west-3:123456789012:table/registre", "arn:aws:backup:eu-west-1:123456789012:backup-vault:irlande", "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/registre", "registre.s3.eu-west-3.amazonaws.com", "registre"].map(referencedName))
      .toEqual(["registre", "annuaire", "registre", "irlande", "registre", "registre", "registre"]);
    expect([arnPlace("arn:aws:backup:eu-west-1:1:backup-vault:v"), arnPlace("arn:aws-eusc:backup:eusc-de-east-1:1:backup-vault:v"), arnPlace("arn:aws:s3:::registre")])
      .toEqual([{ cloud: "aws", region: "eu-west-1" }, { cloud: "aws-eusc", region: "eusc-de-east-1" }, undefined]);
  });

  it("in a CDKTF stack folder, a copy's target carries the stack like every id", () => {
    const json = {
      resource: {
        azurerm_storage_account: {
          source: { name: "source", location: "francecentral", account_replication_type: "LRS", tags: { "data-classification": "personal" } },
          destination: { name: "destination", location: "eastus", account_replication_type: "LRS" },
        },
        azurerm_storage_object_replication: { copie: { source_storage_account_id: "${azurerm_storage_account.source.id}", destination_storage_account_id: "${azurerm_storage_account.destination.id}" } },
      },
    };
    const resources = fromTerraformJson(json as TerraformJson, "cdktf.out/stacks/prod/cdk.tf.json").resources;
    expect(copiesOf(resources, "prod/azurerm_storage_account.source")).toEqual([{ kind: "replica", target: "prod/azurerm_storage_account.destination", cloud: "azurerm", region: "eastus" }]);
  });
});
