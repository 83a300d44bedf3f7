import { InputError } from "../errors.js";
import type { CanonicalDocument } from "../model/canonical.js";
import { providerType, type ProviderSettings } from "./providers.js";
import { toCanonical } from "./resource.js";

/** `terraform show -json` output, as far as Souverain reads it. */
interface Plan {
  format_version: string;
  terraform_version?: string;
  variables?: Record<string, { value?: unknown }>;
  resource_changes?: ResourceChange[];
  planned_values?: { root_module?: PlannedModule };
  configuration?: { provider_config?: Record<string, ProviderConfig>; root_module?: ConfigModule };
}

interface ResourceChange {
  address: string;
  module_address?: string;
  mode?: string;
  type: string;
  name: string;
  provider_name: string;
  change: { actions: string[]; after?: Record<string, unknown> | null; after_unknown?: unknown; after_sensitive?: unknown };
}

interface PlannedModule {
  resources?: { address: string; mode?: string; type: string; name: string; provider_name: string; values?: Record<string, unknown>; sensitive_values?: unknown }[];
  child_modules?: PlannedModule[];
}

interface Expression { constant_value?: unknown; references?: string[] }

interface ProviderConfig {
  name: string;
  full_name?: string;
  alias?: string;
  module_address?: string;
  expressions?: Record<string, unknown>;
}

interface ConfigModule {
  resources?: { address: string; mode?: string; provider_config_key?: string; expressions?: Record<string, unknown> }[];
  module_calls?: Record<string, { module?: ConfigModule }>;
}

/** Plan formats this version reads: 0.x (Terraform 0.12 to 1.0) and 1.x. */
const SUPPORTED_FORMAT = /^[01]\.\d+$/;

export const isPlan = (value: object): boolean => "format_version" in value && ("resource_changes" in value || "planned_values" in value || "configuration" in value || "terraform_version" in value);

/** "module.a[0].module.b" -> "a.b": the configuration path, without instance keys. */
const modulePath = (moduleAddress: string | undefined): string =>
  [...(moduleAddress ?? "").replace(/\[[^\]]*\]/g, "").matchAll(/(?:^|\.)module\.([^.]+)/g)].map((m) => m[1]).join(".");

/** The configuration of each resource, keyed "modulePath|type.name". */
function configuredResources(root: ConfigModule | undefined): Map<string, { key?: string; expressions: Record<string, unknown> }> {
  const found = new Map<string, { key?: string; expressions: Record<string, unknown> }>();
  const walk = (module: ConfigModule | undefined, path: string[]) => {
    for (const r of module?.resources ?? []) {
      if (r.mode === "data") continue;
      const local = r.address.split(".").slice(-2).join(".");
      found.set(`${path.join(".")}|${local}`, { key: r.provider_config_key, expressions: r.expressions ?? {} });
    }
    for (const [name, call] of Object.entries(module?.module_calls ?? {})) walk(call.module, [...path, name]);
  };
  walk(root, []);
  return found;
}

/** A provider block's settings: constants, and references to root variables resolved from the plan. */
function providerSettings(config: ProviderConfig | undefined, variables: Plan["variables"]): ProviderSettings {
  const settings: ProviderSettings = {};
  for (const [name, expression] of Object.entries(config?.expressions ?? {})) {
    const value = expressionValue(expression, variables);
    if (value !== undefined) settings[name] = value;
  }
  return settings;
}

function expressionValue(expression: unknown, variables: Plan["variables"]): unknown {
  if (Array.isArray(expression)) return expression.map((e) => nestedBlock(e, variables));
  const { constant_value, references } = (expression ?? {}) as Expression;
  if (constant_value !== undefined) return constant_value;
  const variable = references?.find((r) => r.startsWith("var."))?.slice(4);
  if (variable && references!.length <= 2) return variables?.[variable]?.value ?? undefined;
  return undefined;
}

const nestedBlock = (block: unknown, variables: Plan["variables"]): unknown =>
  Object.fromEntries(Object.entries((block ?? {}) as Record<string, unknown>).map(([k, e]) => [k, expressionValue(e, variables)]));

/**
 * The provider block that serves a resource: its provider_config_key, else the same provider one
 * module up, and so on to the root (Terraform's passing-down of default providers).
 */
function providerConfigFor(key: string | undefined, provider: string, path: string, configs: Record<string, ProviderConfig>): ProviderConfig | undefined {
  if (key && configs[key]) return configs[key];
  const local = key ? key.split(":").pop()! : provider;
  const parts = path ? path.split(".") : [];
  for (let depth = parts.length; depth >= 0; depth--) {
    const prefix = parts.slice(0, depth).join(".");
    const candidates = prefix ? [`${prefix}:${local}`, `module.${prefix.replaceAll(".", ".module.")}:${local}`] : [local];
    const found = candidates.map((c) => configs[c]).find(Boolean);
    if (found) return found;
  }
  return undefined;
}

/** True where a value (or any part of it) is flagged in after_unknown / after_sensitive. */
const flagged = (flags: unknown, attribute: string): boolean => {
  const flag = (flags as Record<string, unknown> | undefined)?.[attribute];
  return flag === true || (typeof flag === "object" && flag !== null && JSON.stringify(flag).includes("true"));
};

function withoutSensitive(values: Record<string, unknown>, sensitive: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !flagged(sensitive, k)));
}

/** The resources that will exist after apply, as canonical resources. */
export function fromPlan(plan: Plan, file: string): CanonicalDocument {
  if (typeof plan.format_version !== "string" || !SUPPORTED_FORMAT.test(plan.format_version)) {
    throw new InputError(file, "/format_version", `unsupported plan format_version ${JSON.stringify(plan.format_version)} (this version reads 0.x and 1.x)`);
  }
  const configs = plan.configuration?.provider_config ?? {};
  const configured = configuredResources(plan.configuration?.root_module);
  const changes = plan.resource_changes ?? plannedAsChanges(plan.planned_values?.root_module);

  const resources = changes
    .filter((c) => (c.mode ?? "managed") === "managed" && c.change.actions.some((a) => a === "create" || a === "update" || a === "no-op"))
    .map((c) => {
      const path = modulePath(c.module_address);
      const config = configured.get(`${path}|${c.type}.${c.name}`);
      const provider = providerType(c.provider_name);
      const after = c.change.after ?? {};
      return toCanonical({
        address: c.address,
        type: c.type,
        provider,
        providerSettings: providerSettings(providerConfigFor(config?.key, provider, path, configs), plan.variables),
        values: withoutSensitive(after, c.change.after_sensitive),
        unknown: (attribute) => flagged(c.change.after_unknown, attribute),
        explicit: (attribute) => config?.expressions[attribute] !== undefined,
        file,
      });
    });
  return { resources };
}

function plannedAsChanges(module: PlannedModule | undefined): ResourceChange[] {
  if (!module) return [];
  const own = (module.resources ?? []).map((r) => ({
    address: r.address,
    module_address: r.address.includes("module.") ? r.address.slice(0, r.address.lastIndexOf(`.${r.type}.`)) : undefined,
    mode: r.mode,
    type: r.type,
    name: r.name,
    provider_name: r.provider_name,
    change: { actions: ["no-op"], after: r.values ?? {}, after_sensitive: r.sensitive_values },
  }));
  return [...own, ...(module.child_modules ?? []).flatMap(plannedAsChanges)];
}
