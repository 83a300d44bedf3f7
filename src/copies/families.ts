/**
 * Which attribute copies data where: the one definition every front door reads (Terraform plans,
 * cdk.tf.json, the Pulumi pack). A family names the resource that makes a copy, whose data it copies
 * (`from`) and where the copy lands (`to`); front doors only read attribute values and references
 * (src/copies/resolve.ts, src/terraform/*-copies.ts, src/pulumi/links.ts), the rules judge each copy as
 * a placement. Attribute paths walk through nested blocks and lists. Pulumi spellings are given for the
 * families the pack resolves; the others are read from Terraform inputs only.
 */
import { azureRegionCode } from "./places.js";

/** An attribute path as each front door spells it. */
export interface At {
  terraform: readonly string[];
  pulumi?: readonly string[];
}

/** The resources a value may designate, and the attribute holding the name a reference carries. */
export interface Designates {
  terraform: readonly string[];
  pulumi?: RegExp;
  name: { terraform: string; pulumi?: string };
}

/** An AWS Backup selection: the resources it picks, by ARN, by tag (ListOfTags) or by condition. */
export interface Selection {
  /** Resource types the selection may pick when it names no resource precisely. */
  candidates: RegExp;
  resources: readonly string[];
  tags: { key: readonly string[]; value: readonly string[] };
  /** Condition blocks by operator: string_equals, string_like, string_not_equals, string_not_like. */
  conditions: readonly string[];
}

export type CopySource =
  | { self: true }
  | { at: At; designates: Designates }
  | { selection: Selection };

export type CopyDestination =
  /** Where the copy-making resource itself is (a read replica). */
  | { self: true }
  /** CDN edges worldwide. */
  | { global: true }
  /** The resources a value designates; an ARN's own region when it names none of them. */
  | { at: At; designates: Designates; arnRegion?: true; through?: { at: At; designates: Designates } }
  /** Region codes listed on the resource; the resource's own region is not a copy. */
  | { regions: At; code?: (value: string) => string }
  /** The Azure pair of the resource's region, when the value says geo-redundant. */
  | { pairWhen: At; redundant: RegExp }
  /** The regions of a predefined dual-region location. */
  | { dualRegion: true };

export interface CopyFamily {
  /** Why this attribute copies data, for readers of this table. */
  why: string;
  type: { terraform: string; pulumi?: RegExp };
  kind: "replica" | "backup" | "cdn";
  from: CopySource;
  to: CopyDestination;
}

const BUCKET: Designates = { terraform: ["aws_s3_bucket"], pulumi: /^aws:s3\/(bucket|bucketV2):Bucket(V2)?$/, name: { terraform: "bucket", pulumi: "bucket" } };
const DB_INSTANCE: Designates = { terraform: ["aws_db_instance"], pulumi: /^aws:rds\/instance:Instance$/, name: { terraform: "identifier", pulumi: "identifier" } };
const DYNAMODB_TABLE: Designates = { terraform: ["aws_dynamodb_table"], name: { terraform: "name" } };
const STORAGE_ACCOUNT: Designates = { terraform: ["azurerm_storage_account"], name: { terraform: "name" } };
const BACKUP_PLAN: Designates = { terraform: ["aws_backup_plan"], name: { terraform: "id" } };
const BACKUP_VAULT: Designates = { terraform: ["aws_backup_vault"], name: { terraform: "name" } };

export const COPY_FAMILIES: readonly CopyFamily[] = [
  {
    why: "S3 replication: each rule replicates the bucket's objects to its destination bucket.",
    type: { terraform: "aws_s3_bucket_replication_configuration", pulumi: /^aws:s3\/bucketReplicationConfig(uration)?:/ },
    kind: "replica",
    from: { at: { terraform: ["bucket"], pulumi: ["bucket"] }, designates: BUCKET },
    to: { at: { terraform: ["rule", "destination", "bucket"], pulumi: ["rules", "destination", "bucket"] }, designates: BUCKET },
  },
  {
    why: "The same replication written inline on the bucket (aws provider before v4).",
    type: { terraform: "aws_s3_bucket" },
    kind: "replica",
    from: { self: true },
    to: { at: { terraform: ["replication_configuration", "rules", "destination", "bucket"] }, designates: BUCKET },
  },
  {
    why: "An RDS read replica holds the source database's data where the replica is (another region through its provider).",
    type: { terraform: "aws_db_instance", pulumi: /^aws:rds\/instance:Instance$/ },
    kind: "replica",
    from: { at: { terraform: ["replicate_source_db"], pulumi: ["replicateSourceDb"] }, designates: DB_INSTANCE },
    to: { self: true },
  },
  {
    why: "RDS automated backups replicated to the region of this resource's provider.",
    type: { terraform: "aws_db_instance_automated_backups_replication" },
    kind: "backup",
    from: { at: { terraform: ["source_db_instance_arn"] }, designates: DB_INSTANCE },
    to: { self: true },
  },
  {
    why: "CloudFront caches an S3 origin's objects at edges worldwide.",
    type: { terraform: "aws_cloudfront_distribution", pulumi: /^aws:cloudfront\/distribution:Distribution$/ },
    kind: "cdn",
    from: { at: { terraform: ["origin", "domain_name"], pulumi: ["origins", "domainName"] }, designates: BUCKET },
    to: { global: true },
  },
  {
    why: "DynamoDB global tables (version 2019.11.21): each replica block is a full copy in its region.",
    type: { terraform: "aws_dynamodb_table" },
    kind: "replica",
    from: { self: true },
    to: { regions: { terraform: ["replica", "region_name"] } },
  },
  {
    why: "A global table replica managed on its own, in its provider's region.",
    type: { terraform: "aws_dynamodb_table_replica" },
    kind: "replica",
    from: { at: { terraform: ["global_table_arn"] }, designates: DYNAMODB_TABLE },
    to: { self: true },
  },
  {
    why: "AWS Backup: a plan rule's copy_action copies the recovery points of the resources a selection assigns to the plan into another vault.",
    type: { terraform: "aws_backup_selection" },
    kind: "backup",
    from: {
      selection: {
        candidates: /^aws_(?!backup_)/,
        resources: ["resources"],
        tags: { key: ["selection_tag", "key"], value: ["selection_tag", "value"] },
        conditions: ["string_equals", "string_like", "string_not_equals", "string_not_like"],
      },
    },
    to: {
      through: { at: { terraform: ["plan_id"] }, designates: BACKUP_PLAN },
      at: { terraform: ["rule", "copy_action", "destination_vault_arn"] },
      designates: BACKUP_VAULT,
      arnRegion: true,
    },
  },
  {
    why: "Geo-redundant Azure storage writes a secondary copy in the region's pair.",
    type: { terraform: "azurerm_storage_account" },
    kind: "replica",
    from: { self: true },
    to: { pairWhen: { terraform: ["account_replication_type"] }, redundant: /^(RA-?)?G(Z)?RS$/i },
  },
  {
    why: "Azure object replication copies blobs to the destination storage account.",
    type: { terraform: "azurerm_storage_object_replication" },
    kind: "replica",
    from: { at: { terraform: ["source_storage_account_id"] }, designates: STORAGE_ACCOUNT },
    to: { at: { terraform: ["destination_storage_account_id"] }, designates: STORAGE_ACCOUNT },
  },
  {
    why: "A configurable dual-region bucket stores its objects in each of its data locations.",
    type: { terraform: "google_storage_bucket" },
    kind: "replica",
    from: { self: true },
    to: { regions: { terraform: ["custom_placement_config", "data_locations"] } },
  },
  {
    why: "A predefined dual-region bucket (EUR4, NAM4...) stores its objects in two named regions.",
    type: { terraform: "google_storage_bucket" },
    kind: "replica",
    from: { self: true },
    to: { dualRegion: true },
  },
  {
    why: "Cosmos DB replicates the account's data to every geo_location (failover_priority 0 is the write region).",
    type: { terraform: "azurerm_cosmosdb_account" },
    kind: "replica",
    from: { self: true },
    to: { regions: { terraform: ["geo_location", "location"] }, code: azureRegionCode },
  },
];

const byTerraformType = new Map<string, CopyFamily[]>();
for (const family of COPY_FAMILIES) byTerraformType.set(family.type.terraform, [...(byTerraformType.get(family.type.terraform) ?? []), family]);

/** The families a Terraform resource type belongs to (most types: none). */
export const familiesOf = (type: string): readonly CopyFamily[] => byTerraformType.get(type) ?? [];
