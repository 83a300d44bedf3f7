/**
 * What Pulumi resources say about other resources: the Azure resource group a resource inherits its
 * location from, and the resources that copy another resource's data elsewhere. A link is read two
 * ways: through the stack's property dependencies (AnalyzeStack), and by name against the resources
 * already analyzed in the same run (Analyze, before the create).
 */
import { read, readString, type Read } from "./read.js";
import { packageOf, type PulumiResource } from "./resolve.js";

const RESOURCE_GROUP = "azure-native:resources:ResourceGroup";

/**
 * The name of the resource group an azure-native resource inherits its location from, or undefined
 * when it does not inherit (another package, a group itself, or a location of its own, known or not).
 */
export function inheritedGroupName(r: PulumiResource): Read<string> | undefined {
  if (packageOf(r.type) !== "azure-native" || r.type === RESOURCE_GROUP) return undefined;
  const own = read(r.props, "location");
  if (!own.known || own.value !== undefined) return undefined;
  return readString(r.props, "resourceGroupName");
}

/** Whether `group` is the resource group called `name`: its input name, or its `name` output. */
export function isGroupNamed(group: PulumiResource, name: string): boolean {
  if (group.type !== RESOURCE_GROUP) return false;
  return [readString(group.props, "resourceGroupName"), readString(group.props, "name")].some((r) => r.known && r.value === name);
}

/** One way a resource makes a copy of another resource's data. */
export interface CopyLink {
  /** `replica` or `cdn`. */
  kind: string;
  /** The property that names the source(s) of the data. */
  source: string;
  /** Where the copy lands: the copy-making resource itself, the resources a property names, or CDN edges. */
  destination: { self: true } | { property: string } | { global: true };
  /** The source's type, and the property holding the name a reference to it carries. */
  sourceType: RegExp;
  sourceName: string;
}

const BUCKET = /^aws:s3\/(bucket|bucketV2):Bucket(V2)?$/;

/** The copy a resource makes, if it makes one: S3 replication, an RDS read replica, CloudFront over a bucket. */
export function copyLink(r: PulumiResource): CopyLink | undefined {
  if (/^aws:s3\/bucketReplicationConfig(uration)?:/.test(r.type)) {
    return { kind: "replica", source: "bucket", destination: { property: "rules" }, sourceType: BUCKET, sourceName: "bucket" };
  }
  if (r.type === "aws:rds/instance:Instance") {
    const source = readString(r.props, "replicateSourceDb");
    if (!source.known || source.value !== undefined) {
      return { kind: "replica", source: "replicateSourceDb", destination: { self: true }, sourceType: /^aws:rds\/instance:Instance$/, sourceName: "identifier" };
    }
  }
  if (r.type === "aws:cloudfront/distribution:Distribution") {
    return { kind: "cdn", source: "origins", destination: { global: true }, sourceType: BUCKET, sourceName: "bucket" };
  }
  return undefined;
}

/**
 * The resource name a reference carries: an ARN's last segment (`arn:aws:s3:::logs` → `logs`,
 * `arn:aws:rds:…:db:annuaire` → `annuaire`), an S3 endpoint's bucket (`logs.s3.eu-west-3.amazonaws.com`).
 */
export function referencedName(reference: string): string {
  if (reference.startsWith("arn:")) return reference.slice(reference.lastIndexOf(":") + 1);
  const endpoint = /^(.+?)\.s3[.-]/.exec(reference);
  return endpoint ? endpoint[1]! : reference;
}

/** The references (names, ARNs, endpoints) a link's property holds, each known or not. */
export function references(r: PulumiResource, property: string): Read<string>[] {
  const value = read(r.props, property);
  if (!value.known) return [{ known: false }];
  if (typeof value.value === "string") return [{ known: true, value: value.value }];
  if (!Array.isArray(value.value)) return [];
  // S3 replication rules name their destination bucket; CloudFront origins their domain name.
  const nested = property === "rules" ? ["destination", "bucket"] : ["domainName"];
  const out: Read<string>[] = [];
  for (let i = 0; i < value.value.length; i++) {
    let cursor: Read<unknown> = read(value.value, String(i));
    for (const key of nested) cursor = cursor.known ? read(cursor.value, key) : cursor;
    if (!cursor.known) out.push({ known: false });
    else if (typeof cursor.value === "string" && cursor.value !== "") out.push({ known: true, value: cursor.value });
  }
  return out;
}
