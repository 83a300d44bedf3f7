import type { CanonicalResource } from "../model/canonical.js";
import { isGlobalService, terraformService } from "../model/global.js";
import {
  ANY_CLASSIFICATION_KEY, EMPTIED_VALUE, PROVIDER_ZONE_ATTRIBUTES, SENSITIVE_VALUE, UNKNOWN_VALUE, customEndpoints,
  isPlaceholder, isUtility, isZoneName, legalCloud, locationAttributes, providerRegionAttributes, regionCode, tagAttributes,
  holdsNoData, tagsOf, type ProviderSettings,
} from "./providers.js";

/** One Terraform resource as both adapters see it, before it becomes canonical. */
export interface TerraformResource {
  address: string;
  type: string;
  /** Provider type: aws, google, azurerm... */
  provider: string;
  /** Known values of the provider block that serves it; absent when no block matched. */
  providerSettings: ProviderSettings;
  /**
   * Attribute values before apply. What cannot be read is a stand-in where the value was, at any depth:
   * UNKNOWN_VALUE (only known after apply), SENSITIVE_VALUE (never the value itself).
   */
  values: Record<string, unknown>;
  /** Whether an attribute's value is only known after apply. */
  unknown: (attribute: string) => boolean;
  /** Whether the configuration sets the attribute itself (rather than the provider computing it). */
  explicit: (attribute: string) => boolean;
  /**
   * AzAPI: the location of the resource its `parent_id` names (a resource group...), when the adapter
   * could follow it; null when it names one whose location is unknown; absent when there is none.
   */
  parentLocation?: string | null;
  file: string;
}

type Pick = { value: string | null; found: boolean };

/**
 * A resource attribute decides when the configuration sets it or its value is known; an explicit value
 * unknown until apply is unknown (never replaced by the provider default); else the provider decides.
 */
function resourceValue(r: TerraformResource, attributes: readonly string[], zone = false): Pick {
  for (const attribute of attributes) {
    const value = r.values[attribute];
    // A sensitive location is unknown: never read, never replaced by the provider's.
    if (value === SENSITIVE_VALUE) return { value: null, found: true };
    // A numeric zone ("1", Azure's) is a slot within a region, not a place.
    if (typeof value === "string" && value !== "" && value !== UNKNOWN_VALUE && !(zone && /^\d+$/.test(value))) return { value, found: true };
    if ((value === UNKNOWN_VALUE || r.unknown(attribute)) && r.explicit(attribute)) return { value: null, found: true };
  }
  return { value: null, found: false };
}

/** A location read from a nested block: a stand-in or nothing there is unknown. */
const nestedPick = (value: unknown): Pick =>
  typeof value === "string" && value !== "" && !isPlaceholder(value) ? { value, found: true } : { value: null, found: true };
const NONE: Pick = { value: null, found: false };

/**
 * Locations that live in nested blocks. A Bigtable instance's first cluster (its other clusters are
 * copies); a Cosmos DB account's write region, the geo_location with failover priority 0 (the others are copies).
 */
function nestedLocation(r: TerraformResource): { region: Pick; zone: Pick } | undefined {
  if (r.type === "google_bigtable_instance") {
    const clusters = r.values.cluster;
    const first = Array.isArray(clusters) ? clusters[0] : clusters;
    if (isPlaceholder(first)) return { region: NONE, zone: nestedPick(first) };
    const zone = (first as { zone?: unknown } | undefined)?.zone;
    // No zone on the cluster: the provider's zone applies (read as for any resource).
    return zone === undefined || zone === null ? undefined : { region: NONE, zone: nestedPick(zone) };
  }
  if (r.type === "azurerm_cosmosdb_account") {
    const locations = r.values.geo_location;
    if (isPlaceholder(locations)) return { region: nestedPick(locations), zone: NONE };
    if (!Array.isArray(locations) || locations.length === 0) return undefined;
    const primary = locations.find((l) => (l as { failover_priority?: unknown } | null)?.failover_priority === 0) ?? (locations.length === 1 ? locations[0] : undefined);
    return { region: nestedPick((primary as { location?: unknown } | undefined)?.location), zone: NONE };
  }
  return undefined;
}

function providerValue(settings: ProviderSettings, attributes: readonly string[]): Pick {
  for (const attribute of attributes) {
    const value = settings[attribute];
    if (isPlaceholder(value)) return { value: null, found: true };
    if (typeof value === "string" && value !== "") return { value, found: true };
  }
  return NONE;
}

/**
 * Where the resource lands: its own attributes (nested blocks included) when it states a place, else
 * its provider's defaults; an AzAPI resource without either lives where its parent is.
 */
function place(r: TerraformResource): { region: string | null; zone: string | null } {
  const attributes = locationAttributes(r.provider);
  const nested = nestedLocation(r);
  const region = nested?.region.found ? nested.region : resourceValue(r, attributes.region);
  const zone = nested?.zone.found ? nested.zone : resourceValue(r, attributes.zone, true);
  if (region.found || zone.found) {
    // A Google location that names a zone (a zonal GKE cluster, europe-west9-a) is a zone.
    if (region.value !== null && zone.value === null && isZoneName(r.provider, region.value)) return { region: null, zone: region.value };
    return { region: region.value, zone: zone.value };
  }
  const providerRegion = providerValue(r.providerSettings, providerRegionAttributes(r.provider));
  const providerZone = providerValue(r.providerSettings, PROVIDER_ZONE_ATTRIBUTES);
  if (r.parentLocation !== undefined) {
    // Both known and different: which one applies depends on the resource type's schema; unknown.
    const same = (a: string | null, b: string | null) => a !== null && b !== null && regionCode(r.provider, a) === regionCode(r.provider, b);
    if (providerRegion.found && !same(providerRegion.value, r.parentLocation)) return { region: null, zone: null };
    return { region: r.parentLocation, zone: null };
  }
  return { region: providerRegion.value, zone: providerZone.value };
}

type TagRead = { tags: Record<string, string>; unreadable?: string };

/** Blank text: empty, spaces of any width, zero-width and control characters. */
const blank = (value: string): boolean => /^[\p{Z}\p{Cc}\p{Cf}]*$/u.test(value);

/**
 * Tags from several attributes, none hiding another: a key two of them give different values gets
 * both ("a,b"), so that each is judged. A map that cannot be read at all is said so (`unreadable`).
 */
function readTagAttributes(r: TerraformResource, attributes: readonly string[]): TagRead & { present: boolean } {
  const tags: Record<string, string> = {};
  let unreadable: string | undefined;
  let present = false;
  const flag = (stand: string) => (unreadable = unreadable === SENSITIVE_VALUE ? unreadable : stand);
  for (const attribute of attributes) {
    const value = r.values[attribute];
    if (isPlaceholder(value)) flag(value);
    else if ((value === undefined || value === null) && r.unknown(attribute)) flag(UNKNOWN_VALUE);
    if (value === undefined || value === null || isPlaceholder(value)) continue;
    // An element of a list, or a key (of a map, of a {key, value} block), only known after apply: it may
    // be the classification.
    const stand = Array.isArray(value)
      ? value.map((v) => (isPlaceholder(v) ? v : (v as { key?: unknown } | null)?.key)).find(isPlaceholder)
      : typeof value === "object" ? Object.keys(value).find(isPlaceholder) : undefined;
    if (stand) flag(stand);
    const read = tagsOf(Array.isArray(value) ? value.filter((v) => !isPlaceholder(v)) : value);
    if (!read) continue;
    present = true;
    for (const [k, v] of Object.entries(read)) tags[k] = k in tags && tags[k] !== v ? `${tags[k]},${v}` : v;
  }
  return { tags, unreadable, present };
}

/** The provider's default tags (AWS default_tags, AzAPI default_tags, Google default_labels). */
function defaultTags(provider: string, settings: ProviderSettings): TagRead {
  const tags: Record<string, string> = {};
  let unreadable: string | undefined;
  const add = (value: unknown) => {
    if (value === undefined || value === null) return;
    // Not a map where a map belongs (`{ k = var.x }` read as var.x): not readable.
    if (isPlaceholder(value) || typeof value !== "object") unreadable = isPlaceholder(value) ? value : UNKNOWN_VALUE;
    else Object.assign(tags, tagsOf(value));
  };
  const block = settings.default_tags;
  if (provider === "azapi" || isPlaceholder(block)) add(block);
  else {
    const first = Array.isArray(block) ? block[0] : block;
    if (isPlaceholder(first)) add(first);
    else add((first as { tags?: unknown } | undefined)?.tags);
  }
  add(settings.default_labels);
  return { tags, unreadable };
}

/**
 * Effective tags with their origin: the resource's own over the provider's defaults. Nothing unreadable
 * is dropped: a value only known after apply or sensitive is a stand-in; a whole map that cannot be read
 * makes every key it could set a stand-in, and any classification key (`*`); an empty value
 * over a provider default (tags_all then holds the empty value) is not an absence.
 */
function tags(r: TerraformResource): { tags: Record<string, string>; sources: Record<string, string> } {
  const attributes = tagAttributes(r.provider);
  const own = readTagAttributes(r, attributes.own);
  const effective = readTagAttributes(r, attributes.effective);
  const defaults = defaultTags(r.provider, r.providerSettings);
  const merged: Record<string, string> = { ...defaults.tags, ...(effective.unreadable ? {} : effective.tags), ...own.tags };
  const fromResource = new Set(Object.keys(own.tags));
  // tags_all known is the merge itself; otherwise an unreadable map (the resource's or the defaults') may set any key.
  const unreadable = effective.present && !effective.unreadable ? undefined : own.unreadable ?? defaults.unreadable;
  if (unreadable) {
    for (const key of new Set([...Object.keys(defaults.tags), ANY_CLASSIFICATION_KEY])) {
      if (key in own.tags) continue;
      merged[key] = unreadable;
      if (own.unreadable) fromResource.add(key);
    }
  }
  for (const [key, value] of Object.entries(own.tags)) {
    const underneath = defaults.tags[key];
    if (blank(value) && underneath !== undefined && !blank(underneath)) merged[key] = EMPTIED_VALUE;
  }
  const sources = Object.fromEntries(Object.keys(merged).map((k) => [k, fromResource.has(k) ? "resource" : "provider-default"]));
  return { tags: merged, sources };
}

export function toCanonical(r: TerraformResource): CanonicalResource {
  const source = { file: r.file, address: r.address };
  if (isUtility(r.provider)) return { id: r.address, type: r.type, source, cloud: null, region: null, holdsData: false };

  const { region: regionValue, zone: zoneValue } = place(r);
  const { tags: effective, sources } = tags(r);
  // A provider sending requests to other endpoints reaches whatever answers there: the cloud is unknown.
  const endpoints = customEndpoints(r.provider, r.providerSettings);
  const cloud = endpoints.length > 0 ? null : legalCloud(r.provider, r.providerSettings, regionValue);
  const global = isGlobalService(cloud, () => terraformService(r.type), () => r.values.scope);
  // Built field by field rather than from spreads: this runs once per resource of plans of 100,000.
  const resource: CanonicalResource = {
    id: r.address,
    type: r.type,
    source: endpoints.length > 0 ? { ...source, note: `cloud unknown: the provider overrides its endpoints (${endpoints.join(", ")})` } : source,
    cloud,
    region: regionValue === null ? null : regionCode(r.provider, regionValue),
  };
  if (zoneValue !== null) resource.zone = zoneValue;
  if (global) resource.global = true;
  if (holdsNoData(r.type)) resource.holdsData = false;
  resource.tags = effective;
  resource.tagSources = sources;
  return resource;
}
