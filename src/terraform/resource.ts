import type { CanonicalResource } from "../model/canonical.js";
import {
  EFFECTIVE_TAG_ATTRIBUTES, PROVIDER_REGION_ATTRIBUTES, PROVIDER_ZONE_ATTRIBUTES, REGION_ATTRIBUTES, TAG_ATTRIBUTES,
  ZONE_ATTRIBUTES, isUtility, legalCloud, regionCode, tagsOf, type ProviderSettings,
} from "./providers.js";

/** One Terraform resource as both adapters see it, before it becomes canonical. */
export interface TerraformResource {
  address: string;
  type: string;
  /** Provider type: aws, google, azurerm... */
  provider: string;
  /** Known values of the provider block that serves it; absent when no block matched. */
  providerSettings: ProviderSettings;
  /** Attribute values known before apply. Sensitive ones are already removed. */
  values: Record<string, unknown>;
  /** Whether an attribute's value is only known after apply. */
  unknown: (attribute: string) => boolean;
  /** Whether the configuration sets the attribute itself (rather than the provider computing it). */
  explicit: (attribute: string) => boolean;
  file: string;
}

type Pick = { value: string | null; found: boolean };

/**
 * A resource attribute decides when the configuration sets it or its value is known; an explicit value
 * unknown until apply is unknown (never replaced by the provider default); else the provider decides.
 */
function resourceValue(r: TerraformResource, attributes: readonly string[]): Pick {
  for (const attribute of attributes) {
    const value = r.values[attribute];
    if (typeof value === "string" && value !== "") return { value, found: true };
    if (r.unknown(attribute) && r.explicit(attribute)) return { value: null, found: true };
  }
  return { value: null, found: false };
}

function providerValue(settings: ProviderSettings, attributes: readonly string[]): string | null {
  for (const attribute of attributes) {
    const value = settings[attribute];
    if (typeof value === "string" && value !== "") return value;
  }
  return null;
}

function defaultTags(settings: ProviderSettings): Record<string, string> {
  const block = settings.default_tags;
  const first = Array.isArray(block) ? block[0] : block;
  const labels = settings.default_labels;
  return { ...tagsOf((first as { tags?: unknown } | undefined)?.tags), ...tagsOf(labels) };
}

/** Effective tags with their origin: the resource's own over the provider's defaults. */
function tags(r: TerraformResource): { tags: Record<string, string>; sources: Record<string, string> } {
  const own = TAG_ATTRIBUTES.map((a) => tagsOf(r.values[a])).find(Boolean) ?? {};
  const effective = EFFECTIVE_TAG_ATTRIBUTES.map((a) => tagsOf(r.values[a])).find(Boolean);
  const merged = { ...defaultTags(r.providerSettings), ...effective, ...own };
  const sources = Object.fromEntries(Object.keys(merged).map((k) => [k, k in own ? "resource" : "provider-default"]));
  return { tags: merged, sources };
}

export function toCanonical(r: TerraformResource): CanonicalResource {
  const base = { id: r.address, type: r.type, source: { file: r.file, address: r.address } };
  if (isUtility(r.provider)) return { ...base, cloud: null, region: null, holdsData: false };

  const region = resourceValue(r, REGION_ATTRIBUTES);
  const zone = resourceValue(r, ZONE_ATTRIBUTES);
  const fromResource = region.found || zone.found;
  const regionValue = fromResource ? region.value : providerValue(r.providerSettings, PROVIDER_REGION_ATTRIBUTES);
  const zoneValue = fromResource ? zone.value : providerValue(r.providerSettings, PROVIDER_ZONE_ATTRIBUTES);
  const { tags: effective, sources } = tags(r);
  return {
    ...base,
    cloud: legalCloud(r.provider, r.providerSettings, regionValue),
    region: regionValue === null ? null : regionCode(r.provider, regionValue),
    ...(zoneValue === null ? {} : { zone: zoneValue }),
    tags: effective,
    tagSources: sources,
  };
}
