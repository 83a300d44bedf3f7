import type { CanonicalDocument } from "../model/canonical.js";
import { providerType, type ProviderSettings } from "./providers.js";
import { toCanonical } from "./resource.js";

/** Terraform JSON configuration, as `cdktf synth` writes it to cdk.tf.json. */
export interface TerraformJson {
  provider?: Record<string, ProviderBlock | ProviderBlock[]>;
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  variable?: Record<string, { default?: unknown }>;
  terraform?: { required_providers?: Record<string, { source?: string } | string> };
}

type ProviderBlock = Record<string, unknown> & { alias?: string };

export const isTerraformJson = (value: object): boolean =>
  !("format_version" in value) && ("resource" in value || "provider" in value || "terraform" in value);

const INTERPOLATION = /^\$\{(.*)\}$/s;

/** A configuration value before apply: constants stay, ${var.x} takes the variable's default, the rest is unknown. */
function resolve(value: unknown, variables: TerraformJson["variable"]): { known: boolean; value?: unknown } {
  if (typeof value === "string") {
    const inner = INTERPOLATION.exec(value)?.[1];
    if (inner === undefined) return value.includes("${") ? { known: false } : { known: true, value };
    const variable = /^var\.([\w-]+)$/.exec(inner.trim())?.[1];
    const fallback = variable ? variables?.[variable]?.default : undefined;
    return fallback === undefined ? { known: false } : resolve(fallback, variables);
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => resolve(v, variables));
    return items.every((i) => i.known) ? { known: true, value: items.map((i) => i.value) } : { known: false };
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([k]) => k !== "//").map(([k, v]) => [k, resolve(v, variables)] as const);
    return { known: true, value: Object.fromEntries(entries.filter(([, r]) => r.known).map(([k, r]) => [k, r.value])) };
  }
  return { known: true, value };
}

function knownValues(block: Record<string, unknown>, variables: TerraformJson["variable"]) {
  const values: Record<string, unknown> = {};
  const unknown = new Set<string>();
  for (const [name, raw] of Object.entries(block)) {
    const r = resolve(raw, variables);
    if (r.known) values[name] = r.value;
    else unknown.add(name);
  }
  return { values, unknown };
}

/** Provider blocks keyed "aws" (default) and "aws.alias". */
function providerBlocks(config: TerraformJson): Map<string, ProviderSettings> {
  const blocks = new Map<string, ProviderSettings>();
  for (const [name, entry] of Object.entries(config.provider ?? {})) {
    for (const block of Array.isArray(entry) ? entry : [entry]) {
      const { values } = knownValues(block, config.variable);
      blocks.set(block.alias ? `${name}.${block.alias}` : name, values);
    }
  }
  return blocks;
}

/** The provider type behind a local name, from required_providers' source when given. */
function sourceOf(local: string, config: TerraformJson): string {
  const required = config.terraform?.required_providers?.[local];
  const source = typeof required === "string" ? undefined : required?.source;
  return providerType(source ?? local);
}

/** Every managed resource of a Terraform JSON configuration, as canonical resources. */
export function fromTerraformJson(config: TerraformJson, file: string): CanonicalDocument {
  const providers = providerBlocks(config);
  const resources = Object.entries(config.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, block]) => {
      const reference = typeof block.provider === "string" ? block.provider.replace(INTERPOLATION, "$1") : type.split("_")[0]!;
      const local = reference.split(".")[0]!;
      const { values, unknown } = knownValues(block, config.variable);
      return toCanonical({
        address: `${type}.${name}`,
        type,
        provider: sourceOf(local, config),
        providerSettings: providers.get(reference) ?? {},
        values,
        unknown: (attribute) => unknown.has(attribute),
        explicit: (attribute) => attribute in block,
        file,
      });
    }),
  );
  return { resources };
}
