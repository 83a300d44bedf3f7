/**
 * Copies resolved over one input, whatever its format: a reader says what a resource's attribute holds
 * (a reference to resources of the input, a value known before apply, or nothing known), and the
 * families (./families.ts) say what that means. Fail closed: a destination that cannot be read is a copy
 * to an unknown place (`region: null`, a location-must-be-known finding), never dropped; a source that
 * cannot be read may be any resource of the designated types, and each of them gets the copy.
 */
import type { CanonicalCopy, CanonicalResource } from "../model/canonical.js";
import { selectedBy } from "./backup.js";
import { familiesOf, type At, type CopyDestination, type CopyFamily, type CopySource, type Designates } from "./families.js";
import { arnPlace, azurePairedRegion, gcsDualRegion, referencedName } from "./places.js";

/** A resource of the input, as a reader knows it. */
export interface CopyNode {
  type: string;
  resource: CanonicalResource;
}

/**
 * What an attribute holds: references to resources of the input (`to: []`: only to things the input
 * does not manage, such as data sources), a value known before apply, or a value known only after apply
 * (or a reference the reader cannot follow).
 */
export type Leaf<N> = { to: N[] } | { value: string } | { unknown: true };

export interface CopyReader<N extends CopyNode> {
  readonly nodes: readonly N[];
  /** What the attribute at `path` holds, blocks and lists walked through; empty when it is not set. */
  leaves(node: N, path: readonly string[]): Leaf<N>[];
}

/** A copy landing where `target` is; unknown when the target is not known. */
export const copyTo = (kind: string, target: CanonicalResource | undefined): CanonicalCopy =>
  target
    ? { kind, target: target.id, cloud: target.cloud ?? null, region: target.region ?? null, ...(target.zone ? { zone: target.zone } : {}), ...(target.global ? { global: true } : {}) }
    : { kind, region: null };

/** Adds copies to a resource, each place once. */
export function addCopies(resource: CanonicalResource, copies: CanonicalCopy[]): void {
  const all = [...(resource.copies ?? []), ...copies];
  const seen = new Set<string>();
  resource.copies = all.filter((c) => {
    const key = JSON.stringify(c);
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

/** Adds to every resource of the input the copies other resources (or itself) make of its data. */
export function resolveCopies<N extends CopyNode>(reader: CopyReader<N>): void {
  const resolver = new Resolver(reader);
  for (const node of reader.nodes) {
    for (const family of familiesOf(node.type)) resolver.resolve(node, family);
  }
}

class Resolver<N extends CopyNode> {
  /** Nodes by name attribute, then by its value; each attribute indexed on first use. */
  private readonly names = new Map<string, Map<string, N[]>>();

  constructor(private readonly reader: CopyReader<N>) {}

  resolve(node: N, family: CopyFamily): void {
    const sources = this.sources(node, family.from);
    if (!sources.length) return;
    const copies = this.destinations(node, family.to, family.kind);
    if (!copies.length) return;
    for (const source of sources) if (source !== node || "self" in family.from) addCopies(source.resource, copies);
  }

  private sources(node: N, from: CopySource): N[] {
    if ("self" in from) return [node];
    if ("selection" in from) return selectedBy(this.reader, node, from.selection, (value) => this.anyNamed(value));
    const found = new Set<N>();
    for (const leaf of this.leaves(node, from.at)) {
      const matches = "to" in leaf ? leaf.to.flatMap((t) => this.designated(t, from.designates))
        : "value" in leaf ? this.named(from.designates, leaf.value)
        : this.reader.nodes.filter((n) => n !== node && from.designates.terraform.includes(n.type));
      for (const m of matches) found.add(m);
    }
    return [...found];
  }

  private destinations(node: N, to: CopyDestination, kind: string): CanonicalCopy[] {
    if ("self" in to) return [copyTo(kind, node.resource)];
    if ("global" in to) return [{ kind, global: true }];
    if ("dualRegion" in to) return (node.resource.region ? gcsDualRegion(node.resource.region) ?? [] : []).map((region) => ({ kind, region }));
    if ("pairWhen" in to) return this.paired(node, to, kind);
    if ("regions" in to) return this.regions(node, to, kind);
    if (!to.through) return this.targets(node, to.at, to.designates, kind, to.arnRegion);
    // Through another resource (a backup selection's plan): unknown when that resource is not found.
    const via = this.leaves(node, to.through.at);
    const hops = via.flatMap((leaf) => ("to" in leaf ? leaf.to.flatMap((t) => this.designated(t, to.through!.designates)) : "value" in leaf ? this.named(to.through!.designates, leaf.value) : []));
    if (!hops.length) return via.length ? [copyTo(kind, undefined)] : [];
    return hops.flatMap((hop) => this.targets(hop, to.at, to.designates, kind, to.arnRegion));
  }

  /** Copies to the resources an attribute designates; unknown when it designates none we can place. */
  private targets(node: N, at: At, designates: Designates, kind: string, arnRegion?: true): CanonicalCopy[] {
    return this.leaves(node, at).flatMap((leaf) => {
      const targets = "to" in leaf ? leaf.to.flatMap((t) => this.designated(t, designates)) : "value" in leaf ? this.named(designates, leaf.value) : [];
      if (targets.length) return targets.map((t) => copyTo(kind, t.resource));
      const place = "value" in leaf && arnRegion ? arnPlace(leaf.value) : undefined;
      return [place ? { kind, ...place } : copyTo(kind, undefined)];
    });
  }

  private regions(node: N, to: Extract<CopyDestination, { regions: At }>, kind: string): CanonicalCopy[] {
    const own = node.resource.region ?? undefined;
    return this.leaves(node, to.regions).flatMap((leaf): CanonicalCopy[] => {
      if ("value" in leaf) {
        const region = to.code ? to.code(leaf.value) : leaf.value;
        return region.toLowerCase() === own?.toLowerCase() ? [] : [{ kind, region }];
      }
      // A region taken from another resource (a resource group's location) is where that resource is.
      if ("to" in leaf && leaf.to.length) return leaf.to.filter((t) => !own || t.resource.region !== own).map((t) => ({ kind, cloud: t.resource.cloud ?? null, region: t.resource.region ?? null }));
      return [copyTo(kind, undefined)];
    });
  }

  /** The pairs are public Azure's: another Azure cloud (Bleu) has no documented pair here, so its copy is unknown. */
  private paired(node: N, to: Extract<CopyDestination, { pairWhen: At }>, kind: string): CanonicalCopy[] {
    const region = node.resource.cloud === "azurerm" || node.resource.cloud === "azure" ? node.resource.region : null;
    return this.leaves(node, to.pairWhen).flatMap((leaf): CanonicalCopy[] => {
      if ("value" in leaf && !to.redundant.test(leaf.value)) return [];
      const pair = "value" in leaf && region ? azurePairedRegion(region) : undefined;
      return [pair ? { kind, region: pair } : copyTo(kind, undefined)];
    });
  }

  private leaves(node: N, at: At): Leaf<N>[] {
    return this.reader.leaves(node, at.terraform);
  }

  /**
   * A referenced resource of a designated type; else, one step further, the resource its name attribute
   * designates (a bucket's versioning resource names its bucket in `bucket`).
   */
  private designated(target: N, designates: Designates): N[] {
    if (designates.terraform.includes(target.type)) return [target];
    return this.reader.leaves(target, [designates.name.terraform]).flatMap((leaf) =>
      "to" in leaf ? leaf.to.filter((t) => designates.terraform.includes(t.type)) : "value" in leaf ? this.named(designates, leaf.value) : [],
    );
  }

  /** The resources of a designated type whose name a value (name, ARN, endpoint, resource id) carries. */
  private named(designates: Designates, value: string): N[] {
    return this.withName(designates.name.terraform, value).filter((n) => designates.terraform.includes(n.type));
  }

  /** Any resource of the input a value names through the usual name attributes (a backup selection's ARNs). */
  private anyNamed(value: string): N[] {
    return [...new Set(NAME_ATTRIBUTES.flatMap((attribute) => this.withName(attribute, value)))];
  }

  private withName(attribute: string, value: string): N[] {
    let index = this.names.get(attribute);
    if (!index) {
      index = new Map();
      for (const node of this.reader.nodes) {
        for (const leaf of this.reader.leaves(node, [attribute])) {
          if ("value" in leaf) index.get(leaf.value)?.push(node) ?? index.set(leaf.value, [node]);
        }
      }
      this.names.set(attribute, index);
    }
    const name = referencedName(value);
    return [...(index.get(name) ?? []), ...(name !== value ? index.get(value) ?? [] : [])];
  }
}

/** Attributes a reference by name can carry: a bucket's name, a database's identifier, an ARN, an id. */
const NAME_ATTRIBUTES = ["bucket", "identifier", "name", "arn", "id"] as const;
