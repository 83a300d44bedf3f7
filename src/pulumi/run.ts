import { referencedName } from "../copies/places.js";
import { copyTo } from "../copies/resolve.js";
import type { CanonicalCopy, CanonicalResource } from "../model/canonical.js";
import { copyLink, inheritedGroupName, isGroupNamed, references, type CopyLink } from "./links.js";
import { knownString } from "./read.js";
import { toCanonical, type PulumiResource, type ResolveOptions } from "./resolve.js";

/** What one Analyze call judges: the resource, and the sources whose data it copies, with that copy. */
export interface Subjects {
  resource: CanonicalResource;
  copiedSources: CanonicalResource[];
}

interface Seen {
  r: PulumiResource;
  resource: CanonicalResource;
}

/**
 * One Pulumi run as Analyze sees it. The engine asks about each resource before its step, and a
 * resource registers after the resources whose outputs it uses, so what earlier calls saw resolves
 * an Azure resource group's location or a copy's two ends before the create.
 */
export class RunMemory {
  private readonly seen: Seen[] = [];

  /**
   * The subjects of an Analyze call, or undefined when only the whole stack can place the resource
   * (during a preview, an Azure resource group known only by an output): no finding then, not a false one.
   */
  subjects(r: PulumiResource, options: ResolveOptions): Subjects | undefined {
    const resource = toCanonical(r, options);
    const group = inheritedGroupName(r);
    if (group && !group.known) return undefined;
    if (group) resource.region = this.find((g) => group.value !== undefined && isGroupNamed(g, group.value))?.resource.region ?? null;
    this.seen.push({ r, resource });
    const link = copyLink(r);
    return { resource, copiedSources: link ? this.copiedSources(r, resource, link) : [] };
  }

  private find(matches: (r: PulumiResource) => boolean): Seen | undefined {
    for (let i = this.seen.length - 1; i >= 0; i--) if (matches(this.seen[i]!.r)) return this.seen[i];
    return undefined;
  }

  /** The sources already seen, each with the copy `r` makes; none while an end is only known after the update. */
  private copiedSources(r: PulumiResource, resource: CanonicalResource, link: CopyLink): CanonicalResource[] {
    const sources = references(r, link.source);
    if (sources.some((s) => !s.known)) return [];
    let destinations: CanonicalCopy[];
    if ("self" in link.destination) destinations = [copyTo(link.kind, resource)];
    else if ("global" in link.destination) destinations = [{ kind: link.kind, global: true }];
    else {
      const targets = references(r, link.destination.path);
      if (targets.some((t) => !t.known)) return [];
      destinations = (targets.length ? targets : [undefined]).map((t) => copyTo(link.kind, t?.known && t.value ? this.named(link.sourceType, link.sourceName, t.value) : undefined));
    }
    return sources.flatMap((s) => {
      const source = s.known && s.value ? this.named(link.sourceType, link.sourceName, s.value) : undefined;
      return source && source !== resource ? [{ ...source, copies: [...(source.copies ?? []), ...destinations] }] : [];
    });
  }

  /** The resource seen in this run that a name, ARN or endpoint refers to. */
  private named(type: RegExp, property: string, reference: string): CanonicalResource | undefined {
    const name = referencedName(reference);
    return this.find((r) => type.test(r.type) && knownString(r.props, property) === name)?.resource;
  }
}
