import type { CanonicalCopy, CanonicalResource } from "../model/canonical.js";
import { knownString, read } from "./read.js";
import { packageOf, toCanonical, type PulumiResource, type ResolveOptions } from "./resolve.js";

/** A resource of a whole stack, with the resources its properties depend on. */
export interface StackResource extends PulumiResource {
  propertyDependencies?: Record<string, StackResource[]>;
}

const dependency = (r: StackResource, property: string): StackResource | undefined => r.propertyDependencies?.[property]?.[0];

/** Every resource of a stack as canonical, with what only the stack can tell: inherited locations, copies. */
export function resolveStack(resources: StackResource[], options: ResolveOptions): CanonicalResource[] {
  const canonical = new Map(resources.map((r) => [r, toCanonical(r, options)]));
  const of = (r: StackResource | undefined) => (r ? canonical.get(r) : undefined);
  for (const r of resources) inheritResourceGroupLocation(r, of(r)!, resources, of);
  for (const r of resources) addCopies(r, of);
  return resources.map((r) => of(r)!);
}

/** An azure-native resource without a location of its own lives where its resource group is. */
function inheritResourceGroupLocation(
  r: StackResource,
  resource: CanonicalResource,
  all: StackResource[],
  of: (r: StackResource | undefined) => CanonicalResource | undefined,
): void {
  if (packageOf(r.type) !== "azure-native" || resource.region !== null) return;
  const own = read(r.props, "location");
  if (!own.known || own.value !== undefined) return;
  const name = knownString(r.props, "resourceGroupName");
  const group =
    dependency(r, "resourceGroupName") ??
    all.find((g) => g.type === "azure-native:resources:ResourceGroup" && name !== undefined && knownString(g.props, "resourceGroupName") === name);
  const groupResource = of(group);
  if (groupResource && groupResource !== resource) resource.region = groupResource.region ?? null;
}

const copyOf = (kind: string, target: CanonicalResource | undefined): CanonicalCopy =>
  target
    ? { kind, target: target.id, cloud: target.cloud ?? null, region: target.region ?? null, ...(target.zone ? { zone: target.zone } : {}), ...(target.global ? { global: true } : {}) }
    : { kind, region: null };

function pushCopy(resource: CanonicalResource | undefined, copy: CanonicalCopy): void {
  if (resource) resource.copies = [...(resource.copies ?? []), copy];
}

/**
 * Where copies of a resource's data go: an S3 replication to another bucket, a database read replica,
 * a CloudFront distribution in front of a bucket (its edges are worldwide).
 */
function addCopies(r: StackResource, of: (r: StackResource | undefined) => CanonicalResource | undefined): void {
  if (/^aws:s3\/bucketReplicationConfig(uration)?:/.test(r.type)) {
    const destinations = r.propertyDependencies?.rules ?? [];
    const source = of(dependency(r, "bucket"));
    if (destinations.length === 0) pushCopy(source, copyOf("replica", undefined));
    for (const destination of destinations) pushCopy(source, copyOf("replica", of(destination)));
  } else if (r.type === "aws:rds/instance:Instance" && dependency(r, "replicateSourceDb")) {
    pushCopy(of(dependency(r, "replicateSourceDb")), copyOf("replica", of(r)));
  } else if (r.type === "aws:cloudfront/distribution:Distribution") {
    for (const origin of r.propertyDependencies?.origins ?? []) pushCopy(of(origin), { kind: "cdn", global: true });
  }
}
