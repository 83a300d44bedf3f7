import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { resolveStack, type StackResource } from "../src/pulumi/stack.js";
import { holdsData, toCanonical, type PulumiResource } from "../src/pulumi/resolve.js";
import { judge } from "./helpers/engine.js";

/** The real proxy @pulumi/policy wraps props in, and its sentinel for values unknown during preview. */
const proxy = createRequire(import.meta.url)("@pulumi/policy/proxy.js") as {
  unknownCheckingProxy<T>(value: T): T;
  unknownStringValue: unknown;
  unknownObjectValue: unknown;
};
const UNKNOWN = proxy.unknownStringValue;

const noTags = new Map<string, string>();
const provider = (pkg: string, props: Record<string, unknown>) => ({ type: `pulumi:providers:${pkg}`, props: proxy.unknownCheckingProxy(props), urn: `urn:pulumi:dev::app::pulumi:providers:${pkg}::default`, name: "default" });
const resource = (type: string, props: Record<string, unknown>, providerProps?: Record<string, unknown>): PulumiResource => ({
  type,
  props: proxy.unknownCheckingProxy(props),
  urn: `urn:pulumi:dev::app::${type}::r`,
  name: "r",
  ...(providerProps ? { provider: provider(type.split(":")[0]!, providerProps) } : {}),
});
const resolve = (r: PulumiResource, stackTags = noTags) => toCanonical(r, { stackTags });

describe("@pulumi/aws v7", () => {
  it("takes the per-resource region over the provider's", () => {
    expect(resolve(resource("aws:s3/bucket:Bucket", { region: "eu-west-1" }, { region: "eu-west-3" }))).toMatchObject({ cloud: "aws", region: "eu-west-1" });
  });

  it("falls back to the provider's region", () => {
    expect(resolve(resource("aws:s3/bucket:Bucket", {}, { region: "eu-west-3" }))).toMatchObject({ cloud: "aws", region: "eu-west-3" });
  });

  it("reads defaultTags, which arrives as a JSON string in provider props, under the resource's own tags", () => {
    const r = resolve(resource("aws:s3/bucket:Bucket", { tags: { team: "rh" } }, {
      region: "eu-west-3",
      defaultTags: JSON.stringify({ tags: { "data-classification": "personal", team: "platform" } }),
    }));
    expect(r.tags).toEqual({ "data-classification": "personal", team: "rh" });
    expect(r.tagSources).toEqual({ "data-classification": "provider-default", team: "resource" });
  });

  it("reads tagsAll when the provider merged them", () => {
    expect(resolve(resource("aws:s3/bucket:Bucket", { tags: {}, tagsAll: { "data-classification": "archive" } }, { region: "eu-west-3" })).tags).toEqual({ "data-classification": "archive" });
  });

  it("an explicit region unknown during preview stays unknown (not the provider's)", () => {
    expect(resolve(resource("aws:s3/bucket:Bucket", { region: UNKNOWN }, { region: "eu-west-3" }))).toMatchObject({ region: null });
  });

  it("a provider region unknown during preview is unknown", () => {
    expect(resolve(resource("aws:rds/instance:Instance", {}, { region: UNKNOWN }))).toMatchObject({ region: null });
  });

  it("an availability zone gives the place", () => {
    expect(resolve(resource("aws:ebs/volume:Volume", { availabilityZone: "eu-west-3a" }, { region: "eu-west-3" }))).toMatchObject({ region: null, zone: "eu-west-3a" });
  });

  it("global services are global (the same list as the Terraform adapters): IAM, CloudFront, Route 53, WAF v2 for CloudFront", () => {
    for (const type of ["aws:iam/user:User", "aws:cloudfront/distribution:Distribution", "aws:route53/zone:Zone"]) {
      const r = resolve(resource(type, { tags: { "data-classification": "personal" } }, { region: "eu-west-3" }));
      expect(r, type).toMatchObject({ cloud: "aws", global: true });
      expect(judge([r]).findings.filter((f) => f.enforcement === "mandatory").map((f) => f.policy).sort()).toEqual(["location-must-be-known", "personal-stays-in-eu"]);
    }
    expect(resolve(resource("aws:wafv2/webAcl:WebAcl", { scope: "CLOUDFRONT" }, { region: "eu-west-3" })).global).toBe(true);
    expect(resolve(resource("aws:wafv2/webAcl:WebAcl", { scope: UNKNOWN }, { region: "eu-west-3" })).global).toBe(true);
    expect(resolve(resource("aws:wafv2/webAcl:WebAcl", { scope: "REGIONAL" }, { region: "eu-west-3" })).global).toBeUndefined();
    expect(resolve(resource("aws:route53/resolverEndpoint:ResolverEndpoint", {}, { region: "eu-west-3" })).global).toBeUndefined();
    // The European Sovereign Cloud runs its own IAM in the EU.
    expect(resolve(resource("aws:iam/role:Role", {}, { region: "eusc-de-east-1" })).global).toBeUndefined();
  });

  it("the eusc partition is the AWS European Sovereign Cloud", () => {
    expect(resolve(resource("aws:s3/bucket:Bucket", {}, { region: "eusc-de-east-1" }))).toMatchObject({ cloud: "aws-eusc" });
  });

  it("a classification tag whose value is unknown during preview is a finding, not unclassified", () => {
    const r = resolve(resource("aws:s3/bucket:Bucket", { tags: { "data-classification": UNKNOWN } }, { region: "eu-west-3" }));
    expect(judge([r]).findings.map((f) => [f.policy, f.enforcement])).toEqual([["classification-required", "mandatory"]]);
  });
});

describe("@pulumi/azure-native", () => {
  it("reads location as a region code", () => {
    expect(resolve(resource("azure-native:storage:StorageAccount", { location: "France Central" }))).toMatchObject({ cloud: "azure", region: "francecentral" });
  });

  it("a resource without location inherits its resource group's, resolved at stack level", () => {
    const group = { ...resource("azure-native:resources:ResourceGroup", { location: "francecentral" }), urn: "urn:rg" } as StackResource;
    const account = { ...resource("azure-native:storage:StorageAccount", { resourceGroupName: UNKNOWN, tags: { "data-classification": "health" } }), urn: "urn:sa", propertyDependencies: { resourceGroupName: [group] } } as StackResource;
    const [, resolved] = resolveStack([group, account], { stackTags: noTags });
    expect(resolved).toMatchObject({ id: "urn:sa", region: "francecentral" });
    expect(judge([resolved!]).findings).toEqual([]);
  });

  it("finds the resource group by name when the name is known", () => {
    const group = { ...resource("azure-native:resources:ResourceGroup", { resourceGroupName: "rg-prod", location: "westeurope" }), urn: "urn:rg" } as StackResource;
    const vault = { ...resource("azure-native:keyvault:Vault", { resourceGroupName: "rg-prod" }), urn: "urn:kv" } as StackResource;
    expect(resolveStack([group, vault], { stackTags: noTags })[1]).toMatchObject({ region: "westeurope" });
  });
});

describe("@pulumi/gcp", () => {
  it("reads location, region, zone and the provider's region", () => {
    expect(resolve(resource("gcp:storage/bucket:Bucket", { location: "EUROPE-WEST9" }))).toMatchObject({ cloud: "gcp", region: "EUROPE-WEST9" });
    expect(resolve(resource("gcp:compute/disk:Disk", { zone: "europe-west9-b" }, { region: "europe-west9" }))).toMatchObject({ zone: "europe-west9-b" });
    expect(resolve(resource("gcp:sql/databaseInstance:DatabaseInstance", {}, { region: "europe-west1" }))).toMatchObject({ region: "europe-west1" });
  });

  it("the s3nsapis.fr universe domain is S3NS", () => {
    const r = resolve(resource("gcp:storage/bucket:Bucket", { location: "u-france-east1", labels: { "data-classification": "sensitive" } }, { universeDomain: "s3nsapis.fr" }));
    expect(r).toMatchObject({ cloud: "s3ns", region: "u-france-east1" });
    expect(judge([r]).findings).toEqual([]);
  });

  it("reads defaultLabels from the provider", () => {
    expect(resolve(resource("gcp:storage/bucket:Bucket", { location: "EU" }, { defaultLabels: JSON.stringify({ "data-classification": "archive" }) })).tags).toEqual({ "data-classification": "archive" });
  });
});

describe("OVHcloud, Scaleway, OpenStack", () => {
  it("@ovhcloud/pulumi-ovh region", () => {
    expect(resolve(resource("ovh:CloudProject/database:Database", { region: "GRA7" }))).toMatchObject({ cloud: "ovh", region: "GRA7" });
  });

  it("@pulumiverse/scaleway region, zone, provider zone, and tags as a list", () => {
    expect(resolve(resource("scaleway:index/objectBucket:ObjectBucket", { region: "fr-par", tags: ["data-classification=archive", "team:rh"] }))).toMatchObject({
      cloud: "scaleway",
      region: "fr-par",
      tags: { "data-classification": "archive", team: "rh" },
    });
    expect(resolve(resource("scaleway:index/instanceVolume:InstanceVolume", {}, { zone: "fr-par-2" }))).toMatchObject({ zone: "fr-par-2" });
  });

  it("@pulumi/openstack maps to the private cloud the user declared", () => {
    const r = toCanonical(resource("openstack:blockstorage/volume:Volume", { region: "RegionOne" }), { stackTags: noTags, packageClouds: { openstack: "cloud-pi" } });
    expect(r).toMatchObject({ cloud: "cloud-pi", region: "RegionOne" });
    expect(resolve(resource("openstack:blockstorage/volume:Volume", { region: "RegionOne" }))).toMatchObject({ cloud: "openstack" });
  });
});

describe("stack tags and data types", () => {
  it("stack tags classify resources without a classification of their own, and say so", () => {
    const tags = new Map([["data-classification", "archive"]]);
    expect(resolve(resource("aws:s3/bucket:Bucket", {}, { region: "eu-west-3" }), tags)).toMatchObject({
      tags: { "data-classification": "archive" },
      tagSources: { "data-classification": "stack" },
    });
    expect(resolve(resource("aws:s3/bucket:Bucket", { tags: { "data-classification": "public" } }, { region: "eu-west-3" }), tags).tags).toEqual({ "data-classification": "public" });
  });

  it.each([
    ["aws:s3/bucket:Bucket", true], ["aws:rds/instance:Instance", true], ["aws:dynamodb/table:Table", true],
    ["azure-native:storage:StorageAccount", true], ["gcp:sql/databaseInstance:DatabaseInstance", true],
    ["aws:iam/role:Role", false], ["aws:ec2/securityGroup:SecurityGroup", false], ["aws:ec2/vpc:Vpc", false],
    ["azure-native:network:VirtualNetwork", false], ["gcp:projects/iamMember:IAMMember", false], ["aws:iam/instanceProfile:InstanceProfile", false],
  ])("%s holds data: %s", (type, expected) => {
    expect(holdsData(type)).toBe(expected);
  });

  it("secrets are unwrapped by @pulumi/policy and never reach a message unless they are the classification", () => {
    const r = resolve(resource("aws:s3/bucket:Bucket", { tags: { "data-classification": "sensitive", token: "s3cr3t" } }, { region: "eu-west-3", accessKey: "AKIA-SECRET" }));
    expect(JSON.stringify(judge([r]).findings)).not.toMatch(/s3cr3t|AKIA/);
  });
});

describe("copies at stack level", () => {
  const bucket = (urn: string, region: string, cls?: string) =>
    ({ ...resource("aws:s3/bucket:Bucket", cls ? { tags: { "data-classification": cls } } : {}, { region }), urn }) as StackResource;

  it("an S3 replication to a bucket in another region is judged as a copy", () => {
    const source = bucket("urn:src", "eu-west-3", "archive");
    const destination = bucket("urn:dst", "us-east-1");
    const replication = { ...resource("aws:s3/bucketReplicationConfig:BucketReplicationConfig", {}), urn: "urn:repl", propertyDependencies: { bucket: [source], rules: [destination] } } as StackResource;
    const resolved = resolveStack([source, destination, replication], { stackTags: noTags });
    expect(resolved[0]!.copies).toEqual([{ kind: "replica", target: "urn:dst", cloud: "aws", region: "us-east-1" }]);
    expect(judge(resolved).findings.filter((f) => f.resource === "urn:src").map((f) => f.message.en)).toContainEqual(expect.stringContaining("(replica) on Amazon Web Services us-east-1"));
  });

  it("a replication whose destination is not in the stack is unknown: a finding", () => {
    const source = bucket("urn:src", "eu-west-3", "personal");
    const replication = { ...resource("aws:s3/bucketReplicationConfig:BucketReplicationConfig", {}), urn: "urn:repl", propertyDependencies: { bucket: [source] } } as StackResource;
    const resolved = resolveStack([source, replication], { stackTags: noTags });
    expect(judge(resolved).findings.map((f) => f.policy)).toContain("location-must-be-known");
  });

  it("a read replica in another region, and a CDN in front of a bucket", () => {
    const db = { ...resource("aws:rds/instance:Instance", { tags: { "data-classification": "health" } }, { region: "eu-west-3" }), urn: "urn:db" } as StackResource;
    const replica = { ...resource("aws:rds/instance:Instance", { replicateSourceDb: UNKNOWN }, { region: "eu-central-1" }), urn: "urn:replica", propertyDependencies: { replicateSourceDb: [db] } } as StackResource;
    const site = bucket("urn:site", "eu-west-3", "archive");
    const cdn = { ...resource("aws:cloudfront/distribution:Distribution", {}), urn: "urn:cdn", propertyDependencies: { origins: [site] } } as StackResource;
    const resolved = resolveStack([db, replica, site, cdn], { stackTags: noTags });
    expect(resolved[0]!.copies).toEqual([{ kind: "replica", target: "urn:replica", cloud: "aws", region: "eu-central-1" }]);
    expect(resolved[2]!.copies).toEqual([{ kind: "cdn", global: true }]);
    expect(judge(resolved).findings.filter((f) => f.resource === "urn:site").map((f) => f.policy).sort()).toEqual(["archives-stay-in-france", "archives-stay-in-france", "location-must-be-known"]);
  });
});
