/**
 * What Pulumi resources say about other resources: the Azure resource group a resource inherits its
 * location from, and the resources that copy another resource's data elsewhere. A link is read two
 * ways: through the stack's property dependencies (AnalyzeStack), and by name against the resources
 * already analyzed in the same run (Analyze, before the create).
 */
import { COPY_FAMILIES } from "../copies/families.js";
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

/** One way a resource makes a copy of another resource's data, as the pack reads it. */
export interface CopyLink {
  /** `replica` or `cdn`. */
  kind: string;
  /** The path to the value naming the source(s) of the data; the stack's dependencies are keyed on its first property. */
  source: readonly string[];
  /** Where the copy lands: the copy-making resource itself, the resources a path names, or CDN edges. */
  destination: { self: true } | { path: readonly string[] } | { global: true };
  /** The source's type, and the property holding the name a reference to it carries. */
  sourceType: RegExp;
  sourceName: string;
}

/**
 * The copy a resource makes, if it makes one, from the shared definition (src/copies/families.ts): the
 * families with a Pulumi spelling (S3 replication, an RDS read replica, CloudFront over a bucket). A
 * resource that names no source (an RDS instance that is not a replica) copies nothing.
 */
export function copyLink(r: PulumiResource): CopyLink | undefined {
  for (const family of COPY_FAMILIES) {
    if (!family.type.pulumi?.test(r.type) || !("at" in family.from)) continue;
    const { at, designates } = family.from;
    const to = family.to;
    const destination = "self" in to ? { self: true as const } : "global" in to ? { global: true as const } : "at" in to && to.at.pulumi ? { path: to.at.pulumi } : undefined;
    if (!at.pulumi || !designates.pulumi || !destination) continue;
    return { kind: family.kind, source: at.pulumi, destination, sourceType: designates.pulumi, sourceName: designates.name.pulumi ?? designates.name.terraform };
  }
  return undefined;
}

/** The references (names, ARNs, endpoints) a link's path holds, each known or not; lists are walked through. */
export function references(r: PulumiResource, path: readonly string[]): Read<string>[] {
  const walk = (value: Read<unknown>, rest: readonly string[]): Read<string>[] => {
    if (!value.known) return [{ known: false }];
    const v = value.value;
    if (Array.isArray(v)) {
      const out: Read<string>[] = [];
      for (let i = 0; i < v.length; i++) out.push(...walk(read(v, String(i)), rest));
      return out;
    }
    if (!rest.length) return typeof v === "string" && v !== "" ? [{ known: true, value: v }] : [];
    return walk(read(v, rest[0]!), rest.slice(1));
  };
  return walk(read(r.props, path[0]!), path.slice(1));
}
