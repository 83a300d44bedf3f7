import { addCopies, copyTo } from "../copies/resolve.js";
import type { CanonicalCopy, CanonicalResource } from "../model/canonical.js";
import { copyLink, inheritedGroupName, isGroupNamed } from "./links.js";
import { toCanonical, type PulumiResource, type ResolveOptions } from "./resolve.js";

/** A resource of a whole stack, with the resources its properties depend on. */
export interface StackResource extends PulumiResource {
  propertyDependencies?: Record<string, StackResource[]>;
}

/** Every resource of a stack as canonical, with what only the stack can tell: inherited locations, copies. */
export function resolveStack(resources: StackResource[], options: ResolveOptions): CanonicalResource[] {
  const canonical = new Map(resources.map((r) => [r, toCanonical(r, options)]));
  const of = (r: StackResource | undefined) => (r ? canonical.get(r) : undefined);
  for (const r of resources) {
    const name = inheritedGroupName(r);
    if (!name) continue;
    const group = r.propertyDependencies?.resourceGroupName?.[0] ?? (name.known && name.value ? resources.find((g) => isGroupNamed(g, name.value!)) : undefined);
    const region = of(group)?.region;
    if (region !== undefined) of(r)!.region = region;
  }
  for (const r of resources) {
    const link = copyLink(r);
    if (!link) continue;
    const sources = (r.propertyDependencies?.[link.source[0]!] ?? []).map(of);
    const destinations: CanonicalCopy[] =
      "self" in link.destination ? [copyTo(link.kind, of(r))]
      : "global" in link.destination ? [{ kind: link.kind, global: true }]
      : orUnknown(r.propertyDependencies?.[link.destination.path[0]!]).map((d) => copyTo(link.kind, of(d)));
    for (const source of sources) if (source && source !== of(r)) addCopies(source, destinations);
  }
  return resources.map((r) => of(r)!);
}

/** A copy whose destination the stack does not hold is a copy to an unknown place. */
const orUnknown = (targets: StackResource[] | undefined): (StackResource | undefined)[] => (targets?.length ? targets : [undefined]);
