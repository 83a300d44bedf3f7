/**
 * Facts about where a provider puts a copy when the configuration only names it indirectly: the
 * region an ARN carries, the name a reference carries, Azure's region pairs (where geo-redundant
 * storage writes its secondary copy), Google's predefined dual-regions. Each table cites its source;
 * a region missing from a table is an unknown place, never a guess.
 */

/**
 * The resource name a reference carries: an ARN's last segment (`arn:aws:s3:::logs` → `logs`,
 * `arn:aws:rds:…:db:annuaire` → `annuaire`, `arn:aws:dynamodb:…:table/registre` → `registre`), an
 * Azure resource id's last segment, an S3 endpoint's bucket (`logs.s3.eu-west-3.amazonaws.com`).
 */
export function referencedName(reference: string): string {
  if (reference.startsWith("arn:")) return reference.split(":").slice(5).join(":").split(/[:/]/).pop()!;
  if (reference.startsWith("/subscriptions/")) return reference.split("/").filter(Boolean).pop()!;
  const endpoint = /^(.+?)\.s3[.-]/.exec(reference);
  return endpoint ? endpoint[1]! : reference;
}

/** The place an AWS ARN names (`arn:aws:backup:eu-west-3:…` → AWS eu-west-3), if it names a region. */
export function arnPlace(reference: string): { cloud: string; region: string } | undefined {
  const region = /^arn:[^:]+:[^:]*:([^:]+):/.exec(reference)?.[1];
  if (!region) return undefined;
  return { cloud: region.startsWith("eusc-") ? "aws-eusc" : "aws", region };
}

/** Azure spells regions "France Central" or "francecentral". */
export const azureRegionCode = (value: string): string => value.replace(/\s+/g, "").toLowerCase();

/**
 * Azure region pairs: where geo-redundant storage (GRS, RA-GRS, GZRS, RA-GZRS) writes its secondary
 * copy. Source: Microsoft, "Azure region pairs and nonpaired regions",
 * https://learn.microsoft.com/en-us/azure/reliability/cross-region-replication-azure (table "Azure
 * regional pairs", as published in MicrosoftDocs/azure-docs, articles/reliability/cross-region-replication-azure.md).
 * Regions without a pair there (Italy North, Poland Central, Spain Central, Israel Central, Qatar
 * Central, Austria East...) are absent: a geo-redundant copy from them lands in an unknown place.
 */
const PAIRS: [string, string][] = [
  ["eastasia", "southeastasia"], ["australiaeast", "australiasoutheast"], ["australiacentral", "australiacentral2"],
  ["canadacentral", "canadaeast"], ["chinanorth", "chinaeast"], ["chinanorth2", "chinaeast2"], ["chinanorth3", "chinaeast3"],
  ["northeurope", "westeurope"], ["francecentral", "francesouth"], ["germanywestcentral", "germanynorth"],
  ["centralindia", "southindia"], ["japaneast", "japanwest"], ["koreacentral", "koreasouth"],
  ["eastus", "westus"], ["eastus2", "centralus"], ["northcentralus", "southcentralus"], ["westus2", "westcentralus"],
  ["norwayeast", "norwaywest"], ["southafricanorth", "southafricawest"], ["swedencentral", "swedensouth"],
  ["switzerlandnorth", "switzerlandwest"], ["ukwest", "uksouth"], ["uaenorth", "uaecentral"], ["usdodeast", "usdodcentral"],
];
/**
 * Pairs that hold in one direction only: the secondary's own secondary is another region. US Gov Texas
 * is the secondary of two regions, so its own secondary is not stated: it stays unknown.
 */
const ONE_WAY: [string, string][] = [
  ["brazilsouth", "southcentralus"], ["brazilsoutheast", "brazilsouth"], ["westindia", "southindia"], ["westus3", "eastus"],
  ["usgovarizona", "usgovtexas"], ["usgovvirginia", "usgovtexas"],
];
const SECONDARY = new Map<string, string>([...PAIRS.flatMap(([a, b]) => [[a, b], [b, a]] as [string, string][]), ...ONE_WAY]);

/** The secondary region of an Azure region, or undefined when Microsoft documents none. */
export const azurePairedRegion = (region: string): string | undefined => SECONDARY.get(azureRegionCode(region));

/**
 * Google Cloud Storage predefined dual-regions and the two regions holding the data. Source: Google,
 * "Bucket locations", https://cloud.google.com/storage/docs/locations#predefined. Only pairs checked
 * against that page are listed; any other location code is left to the catalog (unknown there).
 */
const DUAL_REGIONS: Record<string, string[]> = {
  ASIA1: ["asia-northeast1", "asia-northeast2"],
  EUR4: ["europe-north1", "europe-west4"],
  NAM4: ["us-central1", "us-east1"],
};

export const gcsDualRegion = (location: string): string[] | undefined => DUAL_REGIONS[location.toUpperCase()];
