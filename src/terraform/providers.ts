/**
 * What Terraform provider names mean for location: which legal cloud a provider reaches and which
 * attributes carry a region. Format knowledge only; the catalog (through its aliases) and the rules decide.
 */

/** Providers that create nothing in a cloud (random ids, local files, TLS keys...). */
const UTILITY_PROVIDERS = new Set([
  "random", "null", "local", "tls", "time", "archive", "template", "http", "external", "cloudinit", "terraform",
]);

/** "registry.terraform.io/hashicorp/aws", "hashicorp/aws" or "aws" -> "aws". */
const providerTypes = new Map<string, string>();

export const providerType = (name: string): string => {
  let type = providerTypes.get(name);
  if (type === undefined) providerTypes.set(name, (type = name.split("/").pop()!.toLowerCase()));
  return type;
};

export const isUtility = (type: string): boolean => UTILITY_PROVIDERS.has(type);

/** A provider block's settings, as far as they are known. */
export type ProviderSettings = Record<string, unknown>;

/**
 * The legal cloud a provider reaches. The same provider can reach different legal clouds:
 * Google with universe domain s3nsapis.fr is S3NS, Azure's Bleu environment is Bleu, and the
 * aws-eusc partition's regions are the AWS European Sovereign Cloud.
 */
export function legalCloud(type: string, settings: ProviderSettings, region: string | null): string {
  if ((type === "google" || type === "google-beta") && settings.universe_domain === "s3nsapis.fr") return "s3ns";
  if ((type === "azurerm" || type === "azapi") && /bleu/i.test(String(settings.environment ?? ""))) return "bleu";
  if (type === "aws" && region?.startsWith("eusc-")) return "aws-eusc";
  // AzAPI calls the Azure Resource Manager API directly: it is Azure (the catalog knows "azurerm", not "azapi").
  if (type === "azapi") return "azure";
  return type;
}

/**
 * Stand-ins for a value the adapters cannot read, put where the value was (never dropped, never the value
 * itself). As a tag value they name no class, so a classification tag holding one is a mandatory
 * finding (unproven, not unclassified); as a region or zone they mean unknown.
 */
export const UNKNOWN_VALUE = "(unknown until apply)";
export const SENSITIVE_VALUE = "(sensitive value not shown)";
/** A resource's empty tag over a provider default tag of the same key: Terraform's tags_all holds the empty value. */
export const EMPTIED_VALUE = "(emptied over a provider default tag)";

export const isPlaceholder = (value: unknown): value is typeof UNKNOWN_VALUE | typeof SENSITIVE_VALUE => value === UNKNOWN_VALUE || value === SENSITIVE_VALUE;

/**
 * The tag key that stands for every classification key (the rules read it whatever keys the
 * configuration names): a tag map that cannot be read at all may hold a classification under any key.
 */
export const ANY_CLASSIFICATION_KEY = "*";

/**
 * Provider settings that send requests to another service than the provider's own (AWS `endpoints`,
 * Google `*_custom_endpoint`): the names of the overridden services. The cloud behind them is unknown.
 */
const endpointsOf = new WeakMap<ProviderSettings, string[]>();

/** The services whose endpoints a provider block overrides; resources share blocks, so each is read once. */
export function customEndpoints(type: string, settings: ProviderSettings): string[] {
  let found = endpointsOf.get(settings);
  if (!found) endpointsOf.set(settings, (found = overriddenEndpoints(type, settings)));
  return found;
}

function overriddenEndpoints(type: string, settings: ProviderSettings): string[] {
  const set = (value: unknown) => value !== undefined && value !== null && value !== "";
  if (type === "aws") {
    const blocks = settings.endpoints;
    if (blocks === undefined || blocks === null) return [];
    if (isPlaceholder(blocks)) return ["endpoints"];
    return (Array.isArray(blocks) ? blocks : [blocks]).flatMap((block) =>
      isPlaceholder(block) ? ["endpoints"] : Object.entries((block ?? {}) as Record<string, unknown>).filter(([, v]) => set(v)).map(([k]) => k),
    );
  }
  if (type === "google" || type === "google-beta") {
    return Object.entries(settings).filter(([k, v]) => k.endsWith("_custom_endpoint") && set(v)).map(([k]) => k);
  }
  return [];
}

/** Resource attributes that say where it lands, most specific first, per provider. */
export function locationAttributes(type: string): { region: readonly string[]; zone: readonly string[] } {
  switch (type) {
    // Outscale's subregion is an availability zone (cloudgouv-eu-west-1a), never a region.
    case "outscale": return { region: ["region"], zone: ["subregion_name", "placement_subregion_name"] };
    // Azure zones are "1", "2", "3" within the location: they name no place of their own.
    case "azurerm": case "azapi": return { region: ["location"], zone: [] };
    // Firestore and App Engine say location_id; a GKE or Filestore location may be a zone (see isZoneName).
    case "google": case "google-beta": return { region: ["region", "location", "location_id"], zone: ["zone"] };
    // IBM Cloud Object Storage: one of region_location, cross_region_location, single_site_location.
    case "ibm": return { region: ["region", "region_location", "cross_region_location", "single_site_location", "location"], zone: ["zone"] };
    default: return { region: ["region", "location"], zone: ["zone", "availability_zone"] };
  }
}

/** A Google zone given where a location is expected (GKE zonal clusters: "europe-west9-a"). */
export const isZoneName = (type: string, value: string): boolean =>
  (type === "google" || type === "google-beta") && /^[a-z]+(-[a-z]+)+[0-9]+-[a-z]$/i.test(value);

/** Provider block attributes that give a default region or zone. */
export const providerRegionAttributes = (type: string): readonly string[] => (type === "azapi" ? ["default_location"] : ["region"]);
export const PROVIDER_ZONE_ATTRIBUTES = ["zone"] as const;

/** Azure writes "West Europe" where it means "westeurope". */
export function regionCode(type: string, value: string): string {
  return type === "azurerm" || type === "azapi" ? value.replace(/\s+/g, "").toLowerCase() : value;
}

/** Tags as an object, whatever the provider's shape: a map, ["k=v"], or [{key, value}]. */
export function tagsOf(value: unknown): Record<string, string> | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const tags: Record<string, string> = {};
    for (const item of value) {
      if (typeof item === "string") {
        const [key, ...rest] = item.split(/[=:]/);
        if (key) tags[key] = rest.join("=");
      } else if (item && typeof item === "object" && "key" in item) {
        const { key, value: v } = item as { key: unknown; value: unknown };
        if (typeof key === "string") tags[key] = typeof v === "string" ? v : "";
      }
    }
    return tags;
  }
  if (typeof value === "object") {
    const tags: Record<string, string> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (typeof v === "string") tags[k] = v;
    return tags;
  }
  return undefined;
}

/**
 * Attributes holding the resource's own tags, and the ones that add provider defaults to them, per
 * provider. Google's `tags` are network tags (firewall targets) or resource manager tags, never labels;
 * OCI has freeform and defined tags. Every attribute is read: none hides another.
 */
export function tagAttributes(type: string): { own: readonly string[]; effective: readonly string[] } {
  if (type === "google" || type === "google-beta") return { own: ["labels"], effective: ["terraform_labels", "effective_labels"] };
  if (type === "oci") return { own: ["freeform_tags", "defined_tags"], effective: [] };
  // An Auto Scaling group carries its tags in `tag` blocks ({key, value, propagate_at_launch}).
  if (type === "aws") return { own: ["tags", "labels", "tag"], effective: ["tags_all", "effective_labels"] };
  return { own: ["tags", "labels"], effective: ["tags_all", "effective_labels"] };
}

/** Resource types known to hold no data: one list for every front door. */
export { holdsNoData } from "../model/data.js";
