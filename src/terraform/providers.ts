/**
 * What Terraform provider names mean for location: which legal cloud a provider reaches and which
 * attributes carry a region. Format knowledge only; the catalog (through its aliases) and the rules decide.
 */

/** Providers that create nothing in a cloud (random ids, local files, TLS keys...). */
const UTILITY_PROVIDERS = new Set([
  "random", "null", "local", "tls", "time", "archive", "template", "http", "external", "cloudinit", "terraform",
]);

/** "registry.terraform.io/hashicorp/aws", "hashicorp/aws" or "aws" -> "aws". */
export const providerType = (name: string): string => name.split("/").pop()!.toLowerCase();

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
  return type;
}

/** Resource attributes that say where it lands, most specific first. */
export const REGION_ATTRIBUTES = ["region", "location", "subregion_name"] as const;
export const ZONE_ATTRIBUTES = ["zone", "availability_zone"] as const;

/** Provider block attributes that give a default region or zone. */
export const PROVIDER_REGION_ATTRIBUTES = ["region"] as const;
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
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  }
  return undefined;
}

/** Attributes holding the resource's own tags, and the ones that add provider defaults to them. */
export const TAG_ATTRIBUTES = ["tags", "labels"] as const;
export const EFFECTIVE_TAG_ATTRIBUTES = ["tags_all", "effective_labels"] as const;
