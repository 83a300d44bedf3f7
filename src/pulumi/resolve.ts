import type { CanonicalResource } from "../model/canonical.js";
import { pulumiHoldsNoData } from "../model/data.js";
import { isGlobalService, pulumiService } from "../model/global.js";
import { UNKNOWN_TAG, providerObject, readString, readTags, type Read } from "./read.js";

/** A resource as CrossGuard gives it to a policy (ResourceValidationArgs or a stack's PolicyResource). */
export interface PulumiResource {
  type: string;
  props: Record<string, unknown>;
  urn: string;
  name: string;
  provider?: { type: string; props: Record<string, unknown>; urn: string; name: string };
}

export interface ResolveOptions {
  /** The stack's tags: they classify resources that carry no classification of their own. */
  stackTags: ReadonlyMap<string, string>;
  /** Catalog cloud ids for Pulumi packages whose cloud is the user's (e.g. {"openstack": "cloud-pi"}). */
  packageClouds?: Record<string, string>;
}

/** Packages that create nothing in a cloud. */
const UTILITY_PACKAGES = new Set(["random", "tls", "command", "pulumi", "time", "null", "std", "docker-build"]);

/** "aws:s3/bucket:Bucket" -> "aws"; a provider resource "pulumi:providers:aws" -> "aws". */
export const packageOf = (type: string): string => (type.startsWith("pulumi:providers:") ? type.split(":")[2]! : type.split(":")[0]!);

/** Whether a type may store data: every type but those the shared list knows hold none (src/model/data.ts). */
export const holdsData = (type: string): boolean => !pulumiHoldsNoData(type);

/** The legal cloud: Google on s3nsapis.fr is S3NS, AWS eusc-* regions are the European Sovereign Cloud. */
function legalCloud(pkg: string, provider: PulumiResource["provider"], region: string | null, options: ResolveOptions): string {
  if (options.packageClouds?.[pkg]) return options.packageClouds[pkg]!;
  const universe = readString(provider?.props, "universeDomain");
  if (pkg === "gcp" && universe.known && universe.value === "s3nsapis.fr") return "s3ns";
  if (pkg === "aws" && region?.startsWith("eusc-")) return "aws-eusc";
  if (pkg === "azure-native" || pkg === "azure") return "azure";
  return pkg;
}

type Place = { region: string | null; zone: string | null; found: boolean };

/** The first of a resource's location properties that is set: its value, or unknown (null). */
function fromProps(props: unknown, regionKeys: string[], zoneKeys: string[]): Place {
  for (const [keys, field] of [[regionKeys, "region"], [zoneKeys, "zone"]] as const) {
    for (const key of keys) {
      const r = readString(props, key);
      if (!r.known) return { region: null, zone: null, found: true };
      if (r.value) return { region: field === "region" ? r.value : null, zone: field === "zone" ? r.value : null, found: true };
    }
  }
  return { region: null, zone: null, found: false };
}

const LOCATION_KEYS: Record<string, { region: string[]; zone: string[] }> = {
  aws: { region: ["region"], zone: ["availabilityZone"] },
  "azure-native": { region: ["location"], zone: [] },
  gcp: { region: ["location", "region"], zone: ["zone"] },
  ovh: { region: ["region", "regionName"], zone: [] },
  scaleway: { region: ["region"], zone: ["zone"] },
  openstack: { region: ["region"], zone: ["availabilityZone"] },
};
const DEFAULT_KEYS = { region: ["region", "location"], zone: ["zone", "availabilityZone"] };

/** Azure says "West Europe" where it means "westeurope". */
const regionCode = (pkg: string, region: string | null) => (region && pkg.startsWith("azure") ? region.replace(/\s+/g, "").toLowerCase() : region);

function location(r: PulumiResource, pkg: string): Place {
  const keys = LOCATION_KEYS[pkg] ?? DEFAULT_KEYS;
  const own = fromProps(r.props, keys.region, keys.zone);
  if (own.found) return { ...own, region: regionCode(pkg, own.region) };
  // An azure-native resource without a location lives where its resource group is (resolved at stack level).
  if (pkg === "azure-native" && r.type !== "azure-native:resources:ResourceGroup") return own;
  const fromProvider = fromProps(r.provider?.props, ["region", "location"], ["zone"]);
  return { ...fromProvider, region: regionCode(pkg, fromProvider.region) };
}

/** Tags over the provider's default tags and the stack's tags, with where each came from. */
function tags(r: PulumiResource, options: ResolveOptions): { tags: Record<string, string>; sources: Record<string, string> } {
  const own = firstKnown([readTags(r.props, "tags"), readTags(r.props, "labels")]);
  const effective = firstKnown([readTags(r.props, "tagsAll"), readTags(r.props, "effectiveLabels")]);
  const defaults: Record<string, string> = {};
  const defaultTags = providerObject(r.provider?.props, "defaultTags");
  if (defaultTags.known) Object.assign(defaults, stringValues((defaultTags.value as { tags?: unknown } | undefined)?.tags));
  const defaultLabels = providerObject(r.provider?.props, "defaultLabels");
  if (defaultLabels.known) Object.assign(defaults, stringValues(defaultLabels.value));
  const merged: Record<string, string> = { ...defaults, ...effective, ...own };
  const sources: Record<string, string> = Object.fromEntries(Object.keys(merged).map((k) => [k, k in own ? "resource" : "provider-default"]));
  // A tag map only known after the update may hold a classification under any key: "*" says so to the rules.
  const ownUnknown = [readTags(r.props, "tags"), readTags(r.props, "labels")].some((t) => !t.known);
  if (ownUnknown || !defaultTags.known || !defaultLabels.known) {
    merged["*"] = UNKNOWN_TAG;
    sources["*"] = ownUnknown ? "resource" : "provider-default";
  }
  for (const [k, v] of options.stackTags) {
    if (!(k in merged)) {
      merged[k] = v;
      sources[k] = "stack";
    }
  }
  return { tags: merged, sources };
}

const firstKnown = (reads: Read<Record<string, string>>[]): Record<string, string> =>
  reads.map((r) => (r.known ? r.value : undefined)).find(Boolean) ?? {};

const stringValues = (value: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((value ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === "string")) as Record<string, string>;

/** A Pulumi resource as a canonical resource: its legal cloud, where it lands, what it holds. */
export function toCanonical(r: PulumiResource, options: ResolveOptions): CanonicalResource {
  const pkg = packageOf(r.type);
  const base = { id: r.urn, type: r.type, name: r.name, source: { address: r.urn } };
  // Provider resources and utilities (random, tls...) hold no data of their own.
  if (UTILITY_PACKAGES.has(pkg) || r.type.startsWith("pulumi:")) return { ...base, cloud: null, region: null, holdsData: false };
  const { region, zone } = location(r, pkg);
  const { tags: effective, sources } = tags(r, options);
  const cloud = legalCloud(pkg, r.provider, region, options);
  // WAF v2's scope: a value only known after the update is not proven regional.
  const scope = () => {
    const s = readString(r.props, "scope");
    return s.known ? s.value : undefined;
  };
  return {
    ...base,
    cloud,
    region,
    ...(zone ? { zone } : {}),
    ...(isGlobalService(cloud, () => pulumiService(r.type), scope) ? { global: true } : {}),
    holdsData: holdsData(r.type),
    tags: effective,
    tagSources: sources,
  };
}
