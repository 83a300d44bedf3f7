import { InputError } from "../errors.js";
import type { CanonicalDocument, CanonicalResource } from "../model/canonical.js";
import { addTerraformJsonCopies } from "./config-json-copies.js";
import { SENSITIVE_VALUE, UNKNOWN_VALUE, providerType, type ProviderSettings } from "./providers.js";
import { toCanonical } from "./resource.js";
import { checkTerraformJsonShape } from "./shapes.js";

/** Terraform JSON configuration, as `cdktf synth` writes it to cdk.tf.json. */
export interface TerraformJson {
  provider?: Record<string, ProviderBlock | ProviderBlock[]>;
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  variable?: Record<string, { default?: unknown; sensitive?: boolean }>;
  /** Module calls: what they create is not in this file. */
  module?: Record<string, { source?: unknown }>;
  terraform?: { required_providers?: Record<string, { source?: string } | string> };
  /** cdktf writes its metadata here, the stack's name among it. */
  "//"?: unknown;
}

type ProviderBlock = Record<string, unknown> & { alias?: string };

export const isTerraformJson = (value: object): boolean =>
  !("format_version" in value) && ("resource" in value || "provider" in value || "terraform" in value || "module" in value);

const INTERPOLATION = /^\$\{(.*)\}$/s;

/**
 * A configuration value before apply: constants stay, ${var.x} takes the variable's default, the rest
 * (a variable without default, a function such as merge(), a reference) is unknown: UNKNOWN_VALUE where
 * the value was, never dropped; a sensitive variable is SENSITIVE_VALUE. `known` is false when any part is not.
 */
function resolve(value: unknown, variables: TerraformJson["variable"]): { known: boolean; value: unknown } {
  if (typeof value === "string") {
    const inner = INTERPOLATION.exec(value)?.[1];
    if (inner === undefined) return value.includes("${") ? { known: false, value: UNKNOWN_VALUE } : { known: true, value };
    const variable = /^var\.([\w-]+)$/.exec(inner.trim())?.[1];
    const declared = variable && variables && Object.hasOwn(variables, variable) ? variables[variable] : undefined;
    if (declared?.sensitive === true) return { known: false, value: SENSITIVE_VALUE };
    const fallback = declared?.default;
    return fallback === undefined || fallback === null ? { known: false, value: UNKNOWN_VALUE } : resolve(fallback, variables);
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => resolve(v, variables));
    return { known: items.every((i) => i.known), value: items.map((i) => i.value) };
  }
  if (value && typeof value === "object") {
    // A key written as an expression is only known after apply, as a value would be.
    const entries = Object.entries(value).filter(([k]) => k !== "//").map(([k, v]) => [k.includes("${") ? UNKNOWN_VALUE : k, resolve(v, variables)] as const);
    return { known: entries.every(([k, r]) => r.known && k !== UNKNOWN_VALUE), value: Object.fromEntries(entries.map(([k, r]) => [k, r.value])) };
  }
  return { known: true, value };
}

function knownValues(block: Record<string, unknown>, variables: TerraformJson["variable"]) {
  const values: Record<string, unknown> = {};
  const unknown = new Set<string>();
  for (const [name, raw] of Object.entries(block)) {
    const r = resolve(raw, variables);
    values[name] = r.value;
    // Only a whole value not known counts as unknown: a map with one unknown entry is a known map.
    if (!r.known && (typeof r.value === "string" || r.value === undefined)) unknown.add(name);
  }
  return { values, unknown };
}

/**
 * AzAPI: the location of the resource a parent_id names, `${azurerm_resource_group.x.id}` or a resource
 * group id ("/subscriptions/<id>/resourceGroups/<name>") of a group in this file; null when it cannot be followed.
 */
function parentLocation(parentId: unknown, config: TerraformJson): string | null | undefined {
  if (parentId === undefined || parentId === null) return undefined;
  if (typeof parentId !== "string") return null;
  const locationOf = (block: Record<string, unknown> | undefined): string | null => {
    const location = block ? resolve(block.location, config.variable) : undefined;
    return location?.known && typeof location.value === "string" && location.value !== "" ? location.value : null;
  };
  const reference = /^\$\{((?:azurerm|azapi)_\w+)\.([\w-]+)\.id\}$/.exec(parentId.trim());
  if (reference) return locationOf(config.resource?.[reference[1]!]?.[reference[2]!]);
  const group = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)$/i.exec(parentId)?.[1]?.toLowerCase();
  if (!group) return null;
  const groups = Object.entries(config.resource ?? {}).flatMap(([type, byName]) =>
    Object.values(byName).filter((block) => {
      const kind = resolve(block.type, config.variable).value;
      const isGroup = type === "azurerm_resource_group" || (type === "azapi_resource" && typeof kind === "string" && /^Microsoft\.Resources\/resourceGroups@/i.test(kind));
      const name = resolve(block.name, config.variable).value;
      return isGroup && typeof name === "string" && name.toLowerCase() === group;
    }),
  );
  return groups.length === 1 ? locationOf(groups[0]) : null;
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

/** A JSON pointer token: "~" and "/" escaped. */
const token = (key: string): string => key.replaceAll("~", "~0").replaceAll("/", "~1");

/** Variables named by a whole `${var.x}` anywhere in a value: the ones `resolve` follows. */
function referencedVariables(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === "string") {
    const variable = /^var\.([\w-]+)$/.exec(INTERPOLATION.exec(value)?.[1]?.trim() ?? "")?.[1];
    if (variable) found.add(variable);
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) if (key !== "//") referencedVariables(item, found);
  }
  return found;
}

/** A default that leads back to its own variable (directly or through others) has no value: refused. */
function assertNoDefaultCycle(variables: TerraformJson["variable"], file: string): void {
  const done = new Set<string>();
  const visit = (name: string, chain: string[]): void => {
    if (done.has(name) || !variables || !Object.hasOwn(variables, name)) return;
    const start = chain.indexOf(name);
    if (start >= 0) {
      const cycle = [...chain.slice(start), name].map((v) => `var.${v}`).join(" -> ");
      throw new InputError(file, `/variable/${token(name)}/default`, `the default of variable "${name}" refers back to itself (${cycle}): a default must be a value`);
    }
    for (const next of referencedVariables(variables[name]?.default)) visit(next, [...chain, name]);
    done.add(name);
  };
  for (const name of Object.keys(variables ?? {})) visit(name, []);
}

/** The stack a cdk.tf.json belongs to: its cdktf metadata, else its cdktf.out/stacks/<name>/ folder. */
function stackOf(config: TerraformJson, file: string): string | undefined {
  const name = (config["//"] as { metadata?: { stackName?: unknown } } | null | undefined)?.metadata?.stackName;
  if (typeof name === "string" && name !== "") return name;
  return /(?:^|[\\/])stacks[\\/]([^\\/]+)[\\/]cdk\.tf\.json$/.exec(file)?.[1];
}

/**
 * Every managed resource of a Terraform JSON configuration, as canonical resources, and every module
 * call as an opaque entry the rules refuse (its resources are not in this file). In a CDKTF stack, ids
 * carry the stack, `prod/aws_s3_bucket.x`, so that an exemption for one stack never covers another.
 */
export function fromTerraformJson(config: TerraformJson, file: string): CanonicalDocument {
  checkTerraformJsonShape(config, file);
  assertNoDefaultCycle(config.variable, file);
  const stack = stackOf(config, file);
  const inStack = (r: CanonicalResource): CanonicalResource => (stack ? { ...r, id: `${stack}/${r.id}`, name: r.name ?? r.id } : r);
  const providers = providerBlocks(config);
  const resources = Object.entries(config.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, block]) => {
      const reference = typeof block.provider === "string" ? block.provider.replace(INTERPOLATION, "$1") : type.split("_")[0]!;
      const local = reference.split(".")[0]!;
      const { values, unknown } = knownValues(block, config.variable);
      const provider = sourceOf(local, config);
      return toCanonical({
        address: `${type}.${name}`,
        type,
        provider,
        providerSettings: providers.get(reference) ?? {},
        values,
        unknown: (attribute) => unknown.has(attribute),
        explicit: (attribute) => attribute in block,
        ...(provider === "azapi" ? { parentLocation: parentLocation(block.parent_id, config) } : {}),
        file,
      });
    }),
  );
  const modules = Object.keys(config.module ?? {}).map((name): CanonicalResource => ({
    id: `module.${name}`,
    type: "module",
    cloud: null,
    region: null,
    opaque: "module",
    source: { file, address: `module.${name}` },
  }));
  const judged = [...resources, ...modules].map(inStack);
  addTerraformJsonCopies(config, judged);
  return { resources: judged };
}
