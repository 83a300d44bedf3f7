/**
 * The one list of resource types that hold no data (src/model/data.ts), read by every front door; and
 * the generated list of types that can carry tags (src/generated/taggable.json). Fail closed: a type
 * that holds or may hold data is never `holdsData: false`, whether or not it can carry a tag.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script, without types
import { OUTPUT, generate } from "../scripts/taggable.mjs";
import taggable from "../src/generated/taggable.json" with { type: "json" };
import { COPY_FAMILIES } from "../src/copies/families.js";
import { holdsNoData, pulumiHoldsNoData, terraformNames } from "../src/model/data.js";
import { isGlobalService, pulumiService, terraformService } from "../src/model/global.js";
import { toCanonical as fromPulumi } from "../src/pulumi/resolve.js";
import { fromPlan } from "../src/terraform/plan.js";
import { judge } from "./helpers/engine.js";
import { planFiles } from "./helpers/fixtures.js";

type Plan = Parameters<typeof fromPlan>[0];

const awsTaggable = new Set([...taggable.aws.tags, ...taggable.aws.tag]);

/** Types that hold data though they cannot carry a tag, and types named like configuration that copy or send data. */
const HOLD_DATA = [
  "aws_secretsmanager_secret_version", "aws_dynamodb_table_item", "aws_cloudwatch_log_stream", "aws_kms_ciphertext",
  "aws_ssm_parameter", "aws_s3_object", "aws_s3_bucket_object", "aws_s3_object_copy", "aws_db_instance", "aws_db_snapshot",
  "aws_rds_cluster", "aws_ebs_snapshot", "aws_ebs_snapshot_copy", "aws_instance", "aws_autoscaling_group",
  "aws_s3_bucket_replication_configuration", "aws_s3_bucket_logging", "aws_s3_bucket_inventory", "aws_s3_bucket_notification",
  "aws_s3_bucket_analytics_configuration", "aws_dlm_lifecycle_policy", "aws_efs_backup_policy", "aws_backup_plan",
  "aws_backup_selection", "aws_flow_log", "aws_route53_query_log", "aws_route53_resolver_query_log_config",
  "aws_route53domains_registered_domain", "aws_cloudwatch_log_account_policy", "aws_vpclattice_access_log_subscription",
  "aws_api_gateway_integration", "google_compute_subnetwork", "google_compute_firewall", "google_compute_router_nat",
  "google_dns_policy", "google_dns_managed_zone",
  "google_secret_manager_secret_version", "google_storage_bucket_object", "google_compute_resource_policy",
  "google_compute_disk_resource_policy_attachment", "google_netapp_backup_policy", "google_sql_database",
  "azurerm_app_configuration_key", "azurerm_resource_group_template_deployment", "azurerm_key_vault_secret",
  "azurerm_mssql_database_extended_auditing_policy", "azurerm_mssql_server_security_alert_policy", "azurerm_netapp_snapshot_policy",
  "azurerm_network_watcher_flow_log", "oci_objectstorage_replication_policy", "oci_core_volume_backup_policy",
  "alicloud_ecs_auto_snapshot_policy_attachment",
];

/** Configuration only: security group rules, IAM attachments, database settings, bucket settings. */
const NO_DATA = [
  "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule", "aws_db_security_group",
  "aws_elasticache_security_group", "aws_redshift_security_group", "aws_iam_role", "aws_iam_role_policy", "aws_iam_role_policy_attachment",
  "aws_iam_instance_profile", "aws_lambda_permission", "aws_db_parameter_group", "aws_rds_cluster_parameter_group", "aws_db_option_group",
  "aws_db_subnet_group", "aws_elasticache_parameter_group", "aws_s3_bucket_versioning", "aws_s3_bucket_public_access_block",
  "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_policy", "aws_s3_bucket_lifecycle_configuration",
  "aws_launch_configuration", "aws_cloudfront_origin_access_identity", "aws_api_gateway_documentation_part", "aws_route53_record",
  "google_project_iam_member", "google_storage_bucket_iam_binding", "google_service_account", "google_compute_network", "google_dns_record_set",
  "azurerm_role_assignment", "azurerm_postgresql_configuration", "azurerm_postgresql_flexible_server_configuration",
  "azurerm_sql_firewall_rule", "azurerm_mssql_firewall_rule", "azurerm_network_security_rule", "azurerm_resource_group",
];

describe("which resource types hold no data", () => {
  it.each(HOLD_DATA)("%s may hold data", (type) => {
    expect(holdsNoData(type)).toBe(false);
  });

  it.each(NO_DATA)("%s holds no data", (type) => {
    expect(holdsNoData(type)).toBe(true);
  });

  it("a type that cannot carry a tag is not for that reason data-free", () => {
    const untaggable = ["aws_secretsmanager_secret_version", "aws_dynamodb_table_item", "aws_cloudwatch_log_stream", "aws_kms_ciphertext"];
    for (const type of untaggable) {
      expect(awsTaggable.has(type), type).toBe(false);
      expect(holdsNoData(type), type).toBe(false);
    }
  });

  it("no resource that makes a copy, nor one a copy is made from or to, is data-free", () => {
    const types = new Set<string>();
    for (const family of COPY_FAMILIES) {
      types.add(family.type.terraform);
      for (const end of [family.from, family.to]) if ("designates" in end) for (const t of end.designates.terraform) types.add(t);
    }
    expect([...types].filter(holdsNoData)).toEqual([]);
  });

  it("Pulumi types are read through their Terraform names, with the same list", () => {
    expect(terraformNames("aws:ec2/securityGroupRule:SecurityGroupRule")).toEqual(["aws_ec2_security_group_rule", "aws_security_group_rule"]);
    expect(terraformNames("gcp:projects/iAMMember:IAMMember")).toEqual(["google_projects_iam_member"]);
    // Not a route table: outside AWS's EC2 family the module-less name is another resource.
    expect(terraformNames("aws:location/routeCalculation:RouteCalculation")).toEqual(["aws_location_route_calculation"]);
    expect(terraformNames("azure-native:network:VirtualNetwork")).toEqual(["azurerm_network_virtual_network", "azurerm_virtual_network"]);
    expect(terraformNames("aws:s3/bucketVersioningV2:BucketVersioningV2")).toContain("aws_s3_bucket_versioning");
    expect(terraformNames("random:index/randomId:RandomId")).toEqual([]);
    const noData = [
      "aws:ec2/securityGroupRule:SecurityGroupRule", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:rds/parameterGroup:ParameterGroup", "aws:rds/optionGroup:OptionGroup",
      "aws:s3/bucketVersioningV2:BucketVersioningV2", "aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
      "aws:lambda/permission:Permission", "gcp:projects/iAMMember:IAMMember", "gcp:compute/network:Network",
      "azure-native:authorization:RoleAssignment", "azure-native:network:NetworkSecurityGroup", "azure-native:network:SecurityRule",
      "azure-native:resources:ResourceGroup", "azure:network/virtualNetwork:VirtualNetwork",
    ];
    const data = [
      "aws:secretsmanager/secretVersion:SecretVersion", "aws:dynamodb/tableItem:TableItem", "aws:cloudwatch/logStream:LogStream",
      "aws:cloudwatch/logGroup:LogGroup", "aws:kms/ciphertext:Ciphertext", "aws:s3/bucketObjectv2:BucketObjectv2", "aws:s3/bucketObject:BucketObject",
      "aws:s3/bucketReplicationConfig:BucketReplicationConfig", "aws:dlm/lifecyclePolicy:LifecyclePolicy", "aws:efs/backupPolicy:BackupPolicy",
      "gcp:compute/resourcePolicy:ResourcePolicy", "gcp:secretmanager/secretVersion:SecretVersion",
      "azure-native:resources:Deployment", "azure-native:storage:StorageAccount", "scaleway:index/objectBucket:ObjectBucket",
      // Found data-free by an attacker's review: a route calculator, traffic mirroring, logging firewalls.
      "aws:location/routeCalculation:RouteCalculation", "azure-native:network:VirtualNetworkTap",
      "azure-native:network:NetworkInterfaceTapConfiguration", "gcp:compute/firewall:Firewall",
    ];
    for (const type of noData) expect(pulumiHoldsNoData(type), type).toBe(true);
    for (const type of data) expect(pulumiHoldsNoData(type), type).toBe(false);
    const pulumi = (type: string) => fromPulumi({ type, props: {}, urn: `urn:${type}`, name: "x", provider: { type: "pulumi:providers:aws", props: { region: "eu-west-3" }, urn: "p", name: "p" } }, { stackTags: new Map() });
    expect(pulumi("aws:ec2/securityGroupRule:SecurityGroupRule").holdsData).toBe(false);
    expect(pulumi("aws:secretsmanager/secretVersion:SecretVersion").holdsData).toBe(true);
  });
});

describe("the types that can carry tags, generated from the provider schemas", () => {
  it("match the bindings (npm run build:taggable after upgrading one)", () => {
    expect(readFileSync(OUTPUT as string, "utf8") === (generate as () => string)()).toBe(true);
  });

  it("say which argument carries the tags, and leave out what is not a resource's tags", () => {
    expect(taggable.aws.tags).toContain("aws_s3_bucket");
    expect(taggable.aws.tags).toContain("aws_vpc_security_group_ingress_rule");
    expect(taggable.aws.tag).toContain("aws_autoscaling_group");
    expect(taggable.google.labels).toContain("google_storage_bucket");
    expect(taggable.google.resource_labels).toEqual(["google_container_cluster"]);
    // A notification channel's labels are its settings; a Cloud Identity group's, its type.
    const google = Object.values(taggable.google).flat();
    expect(google).not.toContain("google_monitoring_notification_channel");
    expect(google).not.toContain("google_cloud_identity_group");
    for (const type of ["aws_security_group_rule", "aws_iam_role_policy_attachment", "aws_s3_bucket_versioning", "aws_secretsmanager_secret_version"]) {
      expect(awsTaggable.has(type), type).toBe(false);
    }
  });
});

describe("a default classification reaches only what may hold data (real plans)", () => {
  it("with defaultClassification sensitive and nothing tagged, no finding lands on a resource known to hold no data", () => {
    let dataFree = 0;
    for (const file of planFiles()) {
      const resources = fromPlan(JSON.parse(readFileSync(file, "utf8")) as Plan, file).resources;
      const free = new Set(resources.filter((r) => r.holdsData === false).map((r) => r.id));
      dataFree += free.size;
      const findings = judge(resources, { defaultClassification: "sensitive" }).findings;
      expect(findings.filter((f) => free.has(f.resource)).map((f) => `${f.resource} ${f.policy}`), file).toEqual([]);
      // Every resource that may hold data is classified by the default: nothing is unclassified.
      expect(findings.filter((f) => f.policy === "classification-required"), file).toEqual([]);
    }
    expect(dataFree).toBeGreaterThan(50);
  });
});

describe("stack tags reach only what may hold data (the pack)", () => {
  it("a security group rule takes no class from the stack; a secret's version does; an own tag is believed", () => {
    const stackTags = new Map([["data-classification", "sensitive"]]);
    const provider = { type: "pulumi:providers:aws", props: { region: "us-east-1" }, urn: "p", name: "p" };
    const at = (type: string, props: Record<string, unknown> = {}) => fromPulumi({ type, props, urn: `urn:${type}`, name: type, provider }, { stackTags });
    const rule = at("aws:ec2/securityGroupRule:SecurityGroupRule");
    const version = at("aws:secretsmanager/secretVersion:SecretVersion");
    const tagged = at("aws:ec2/securityGroup:SecurityGroup", { tags: { "data-classification": "sensitive" } });
    const rulesOf = (id: string, findings: { resource: string; policy: string }[]) => findings.filter((f) => f.resource === id).map((f) => f.policy);
    const { findings } = judge([rule, version, tagged]);
    expect(rulesOf(rule.id, findings)).toEqual([]);
    expect(rulesOf(version.id, findings)).toContain("sensitive-requires-secnumcloud");
    expect(rulesOf(tagged.id, findings)).toContain("sensitive-requires-secnumcloud");
  });
});

describe("Google Cloud DNS is global, as Route 53 is", () => {
  const none = () => undefined;
  it("in Terraform (google, google-beta) and Pulumi (gcp) spellings; not on S3NS, not Google's regional services", () => {
    expect(isGlobalService("google", () => terraformService("google_dns_managed_zone"), none)).toBe(true);
    expect(isGlobalService("google-beta", () => terraformService("google_dns_record_set"), none)).toBe(true);
    expect(isGlobalService("gcp", () => pulumiService("gcp:dns/managedZone:ManagedZone"), none)).toBe(true);
    expect(isGlobalService("s3ns", () => terraformService("google_dns_managed_zone"), none)).toBe(false);
    expect(isGlobalService("google", () => terraformService("google_storage_bucket"), none)).toBe(false);
  });

  it("a zone labelled personal is never in the EU, whatever the provider's region", () => {
    const zone = fromPulumi(
      { type: "gcp:dns/managedZone:ManagedZone", props: { labels: { "data-classification": "personal" } }, urn: "urn:zone", name: "zone", provider: { type: "pulumi:providers:gcp", props: { region: "europe-west9" }, urn: "p", name: "p" } },
      { stackTags: new Map() },
    );
    // A managed zone can log its queries: it may hold data.
    expect(zone).toMatchObject({ global: true });
    expect(zone.holdsData).not.toBe(false);
    expect(judge([zone]).findings.map((f) => f.policy).sort()).toEqual(["location-must-be-known", "personal-stays-in-eu"]);
  });
});
