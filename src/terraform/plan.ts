import { InputError } from "../errors.js";
import type { CanonicalDocument } from "../model/canonical.js";
import { addPlanCopies } from "./plan-copies.js";
import { SENSITIVE_VALUE, UNKNOWN_VALUE, isPlaceholder, providerType, type ProviderSettings } from "./providers.js";
import { toCanonical } from "./resource.js";
import { checkPlanShape } from "./shapes.js";

/** `terraform show -json` output, as far as Souverain reads it. */
interface Plan {
  format_version: string;
  terraform_version?: string;
  variables?: Record<string, { value?: unknown }>;
  resource_changes?: ResourceChange[];
  planned_values?: { root_module?: PlannedModule };
  /** A state (`terraform show -json` without a plan): what is deployed now. */
  values?: { root_module?: PlannedModule };
  deferred_changes?: { reason?: string; resource_change?: { address?: string } }[];
  complete?: boolean;
  errored?: boolean;
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
  /** JSON pointer of the entry in the input, for errors; absent for a plan's own resource_changes. */
  pointer?: string;
}

interface PlannedModule {
  resources?: { address: string; mode?: string; type: string; name: string; provider_name: string; deposed_key?: string; values?: Record<string, unknown>; sensitive_values?: unknown }[];
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
  /** OpenTofu writes provider_config_keys when a resource's provider is chosen per instance (for_each). */
  resources?: { address: string; mode?: string; provider_config_key?: string; provider_config_keys?: string[]; expressions?: Record<string, unknown> }[];
  module_calls?: Record<string, ModuleCall>;
  variables?: Record<string, { default?: unknown; sensitive?: boolean }>;
}

/** A module call: its arguments (the module's variables) as expressions in the calling module. */
interface ModuleCall { module?: ConfigModule; expressions?: Record<string, unknown> }

/** What resolving an expression needs: the plan's root variables and the configuration's modules by path ("a.b"). */
interface Scope {
  variables: Plan["variables"];
  modules: Map<string, { call?: ModuleCall; module?: ConfigModule }>;
}

/** Plan formats this version reads: 0.x (Terraform 0.12 to 1.0) and 1.x. */
const SUPPORTED_FORMAT = /^[01]\.\d+$/;

export const isPlan = (value: object): boolean =>
  "format_version" in value && ("resource_changes" in value || "planned_values" in value || "configuration" in value || "terraform_version" in value || "values" in value);

/** `terraform show -json` prints a plan (what will exist after apply) or a state (what exists now). */
export const isState = (plan: object): boolean => !("resource_changes" in plan) && !("planned_values" in plan) && "values" in plan;

/** Changes after which the resource exists: judged. Deletions, forgets and data reads are not. */
const kept = (c: ResourceChange): boolean =>
  (c.mode ?? "managed") === "managed" && c.change.actions.some((a) => a === "create" || a === "update" || a === "no-op");

/** "module.a[0].module.b" -> "a.b": the configuration path, without instance keys. */
const modulePaths = new Map<string, string>();

const modulePath = (moduleAddress: string | undefined): string => {
  const address = moduleAddress ?? "";
  let path = modulePaths.get(address);
  if (path === undefined) {
    path = [...address.replace(/\[[^\]]*\]/g, "").matchAll(/(?:^|\.)module\.([^.]+)/g)].map((m) => m[1]).join(".");
    modulePaths.set(address, path);
  }
  return path;
};

/** A resource whose provider block is chosen per instance among several (OpenTofu's provider for_each). */
const SEVERAL_KEYS = "(several provider configurations)";

/** The configuration of each resource, keyed "modulePath|type.name". */
function configuredResources(root: ConfigModule | undefined): Map<string, { key?: string; expressions: Record<string, unknown> }> {
  const found = new Map<string, { key?: string; expressions: Record<string, unknown> }>();
  const walk = (module: ConfigModule | undefined, path: string[]) => {
    for (const r of module?.resources ?? []) {
      if (r.mode === "data") continue;
      const local = r.address.split(".").slice(-2).join(".");
      const keys = Array.isArray(r.provider_config_keys) ? r.provider_config_keys : [];
      const key = r.provider_config_key ?? (keys.length > 1 ? SEVERAL_KEYS : keys[0]);
      found.set(`${path.join(".")}|${local}`, { key, expressions: r.expressions ?? {} });
    }
    for (const [name, call] of Object.entries(module?.module_calls ?? {})) walk(call.module, [...path, name]);
  };
  walk(root, []);
  return found;
}

/** Every module of the configuration by path ("" for the root, "a.b"), with the call that creates it. */
function modulesOf(root: ConfigModule | undefined): Scope["modules"] {
  const modules: Scope["modules"] = new Map([["", { module: root }]]);
  const walk = (module: ConfigModule | undefined, path: string[]) => {
    for (const [name, call] of Object.entries(module?.module_calls ?? {})) {
      modules.set([...path, name].join("."), { call, module: call?.module });
      walk(call?.module, [...path, name]);
    }
  };
  walk(root, []);
  return modules;
}

/** The module a provider block is written in: its module_address ("module.a.module.b", "a.b" before 0.13), else its key's prefix. */
function configPath(key: string, config: ProviderConfig): string {
  const address = typeof config.module_address === "string" ? config.module_address : key.includes(":") ? key.slice(0, key.lastIndexOf(":")) : "";
  return address.includes("module.") ? modulePath(address) : address;
}

/** A provider block's settings: constants, and plain variables followed through module calls to the plan's values. */
function providerSettings(found: FoundConfig, scope: Scope): ProviderSettings {
  if (found === "ambiguous") return AMBIGUOUS_SETTINGS;
  if (!found) return {};
  const path = configPath(found.key, found.config);
  const settings: ProviderSettings = {};
  for (const [name, expression] of Object.entries(found.config.expressions ?? {})) settings[name] = expressionValue(expression, path ? path.split(".") : [], scope);
  return settings;
}

/** A provider block that cannot be told among several: nothing it would set is known. */
const AMBIGUOUS_SETTINGS: ProviderSettings = {
  region: UNKNOWN_VALUE, zone: UNKNOWN_VALUE, default_location: UNKNOWN_VALUE, default_tags: UNKNOWN_VALUE, default_labels: UNKNOWN_VALUE,
};

/**
 * An expression's value in the module at `path`: a constant, or a plain variable (`var.x`), which takes
 * what the module call passes (or its default), up to the plan's root variables. Anything else is
 * unknown. The plan keeps an expression's references, not its text: `var.a` and `var.a == "x" ? "y" : "z"`
 * both say ["var.a"], so only a single plain variable is followed; an index (`var.m["k"]` says
 * ["var.m[\"k\"]", "var.m"]), a second variable, a local or a function of several is unknown.
 */
function expressionValue(expression: unknown, path: string[], scope: Scope): unknown {
  if (Array.isArray(expression)) return expression.map((e) => nestedBlock(e, path, scope));
  if (typeof expression !== "object" || expression === null) return UNKNOWN_VALUE;
  // A single nested block (not a list of them) is an object of expressions.
  if (!("constant_value" in expression) && !("references" in expression) && Object.keys(expression).length > 0) return nestedBlock(expression, path, scope);
  const { constant_value, references } = expression as Expression;
  if (constant_value !== undefined) return constant_value;
  const only = Array.isArray(references) && references.length === 1 ? references[0] : undefined;
  const variable = typeof only === "string" ? /^var\.([A-Za-z_][\w-]*)$/.exec(only)?.[1] : undefined;
  return variable ? variableValue(variable, path, scope) : UNKNOWN_VALUE;
}

function variableValue(name: string, path: string[], scope: Scope): unknown {
  const here = scope.modules.get(path.join("."));
  const declared = here?.module?.variables && Object.hasOwn(here.module.variables, name) ? here.module.variables[name] : undefined;
  if (declared?.sensitive === true) return SENSITIVE_VALUE;
  if (path.length === 0) return (scope.variables && Object.hasOwn(scope.variables, name) ? scope.variables[name]?.value : undefined) ?? UNKNOWN_VALUE;
  const passed = here?.call?.expressions && Object.hasOwn(here.call.expressions, name) ? here.call.expressions[name] : undefined;
  if (passed !== undefined) return expressionValue(passed, path.slice(0, -1), scope);
  return declared?.default ?? UNKNOWN_VALUE;
}

const nestedBlock = (block: unknown, path: string[], scope: Scope): unknown =>
  Object.fromEntries(Object.entries((block ?? {}) as Record<string, unknown>).map(([k, e]) => [k, expressionValue(e, path, scope)]));

type FoundConfig = { key: string; config: ProviderConfig } | "ambiguous" | undefined;

/** How many provider blocks each module has per provider name, keyed "modulePath|name". */
function blocksPerModule(configs: Record<string, ProviderConfig>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [key, config] of Object.entries(configs)) {
    const id = `${configPath(key, config)}|${config.name ?? key.split(":").pop()!.split(".")[0]}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

const within = (configModule: string, path: string): boolean => configModule === "" || path === configModule || path.startsWith(`${configModule}.`);

/**
 * The provider block that serves a resource: its provider_config_key when it names a block of its module
 * or above (Terraform 1.x names the block a module call passed), else the same provider one module up,
 * and so on to the root (Terraform's passing-down of default providers). Plans of Terraform 0.12 to 0.15
 * do not say which block a module call passed (`providers = { aws = aws.useast1 }`): up a module
 * boundary, only a default block alone of its provider in its module is certain; otherwise "ambiguous".
 */
function providerConfigFor(key: string | undefined, provider: string, path: string, configs: Record<string, ProviderConfig>, blocks: Map<string, number>): FoundConfig {
  if (key === SEVERAL_KEYS) return "ambiguous";
  if (key && Object.hasOwn(configs, key) && within(configPath(key, configs[key]!), path)) return { key, config: configs[key]! };
  const local = key ? key.split(":").pop()! : provider;
  const [name, alias] = local.split(".");
  const parts = path ? path.split(".") : [];
  for (let depth = parts.length; depth >= 0; depth--) {
    const prefix = parts.slice(0, depth).join(".");
    const candidates = prefix ? [`${prefix}:${local}`, `module.${prefix.replaceAll(".", ".module.")}:${local}`] : [local];
    const found = candidates.find((c) => Object.hasOwn(configs, c));
    if (!found) continue;
    if (depth < parts.length && (alias !== undefined || (blocks.get(`${prefix}|${name}`) ?? 0) > 1)) return "ambiguous";
    return { key: found, config: configs[found]! };
  }
  return undefined;
}

/** True where a value (or any part of it) is flagged in after_unknown / after_sensitive. */
const flagged = (flags: unknown, attribute: string): boolean => {
  const flag = (flags as Record<string, unknown> | undefined)?.[attribute];
  return flag === true || (typeof flag === "object" && flag !== null && JSON.stringify(flag).includes("true"));
};

type Flags = Record<string, unknown> | unknown[];
const flags = (flag: unknown): Flags | undefined => (typeof flag === "object" && flag !== null ? (flag as Flags) : undefined);
const at = (f: Flags | undefined, key: string | number): unknown => (f ? (f as Record<string | number, unknown>)[key] : undefined);

/**
 * The planned values with what cannot be read replaced where it was, at any depth: a value only known
 * after apply by UNKNOWN_VALUE, a sensitive one by SENSITIVE_VALUE (never the value). Nothing is dropped;
 * what no flag marks is returned as it is (not copied).
 */
function readable(value: unknown, unknown: unknown, sensitive: unknown): unknown {
  if (sensitive === true) return SENSITIVE_VALUE;
  if (unknown === true) return UNKNOWN_VALUE;
  const u = flags(unknown);
  const s = flags(sensitive);
  if (!u && !s) return value;
  if (Array.isArray(value) || Array.isArray(u) || Array.isArray(s)) {
    const items = Array.isArray(value) ? value : [];
    const length = Math.max(items.length, Array.isArray(u) ? u.length : 0, Array.isArray(s) ? s.length : 0);
    let changed = !Array.isArray(value) && length > 0;
    const read = Array.from({ length }, (_, i) => {
      const item = readable(items[i], at(u, i), at(s, i));
      changed ||= item !== items[i] || i >= items.length;
      return item;
    });
    return changed ? read : value;
  }
  const object = value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  const keys = u && s ? new Set([...Object.keys(u), ...Object.keys(s)]) : Object.keys((u ?? s)!);
  let result: Record<string, unknown> | undefined;
  for (const key of keys) {
    const before = object && Object.hasOwn(object, key) ? object[key] : undefined;
    const after = readable(before, at(u, key), at(s, key));
    if (after === before) continue;
    result ??= { ...object };
    if (key === "__proto__") Object.defineProperty(result, key, { value: after, enumerable: true, writable: true, configurable: true });
    else result[key] = after;
  }
  return result ?? value;
}

/** An Azure resource group id, "/subscriptions/<id>/resourceGroups/<name>": its name. */
const resourceGroupName = (id: string): string | undefined => /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)$/i.exec(id)?.[1]?.toLowerCase();

/**
 * Where AzAPI resources' parents are: the `location` of every resource by configuration address
 * ("modulePath|type.name") and of every resource group by name; null where instances disagree or it is unknown.
 */
function parentLocations(changes: ResourceChange[]): { byAddress: Map<string, string | null>; byGroup: Map<string, string | null> } {
  const byAddress = new Map<string, string | null>();
  const byGroup = new Map<string, string | null>();
  const note = (map: Map<string, string | null>, key: string, location: unknown) => {
    const value = typeof location === "string" && location !== "" && !isPlaceholder(location) ? location.replace(/\s+/g, "").toLowerCase() : null;
    map.set(key, map.has(key) && map.get(key) !== value ? null : value);
  };
  for (const c of changes) {
    const after = c.change.after;
    if (!(c.type.startsWith("azurerm_") || c.type.startsWith("azapi_")) || !after || !kept(c)) continue;
    note(byAddress, `${modulePath(c.module_address)}|${c.type}.${c.name}`, after.location);
    const group = c.type === "azurerm_resource_group" || (c.type === "azapi_resource" && typeof after.type === "string" && /^Microsoft\.Resources\/resourceGroups@/i.test(after.type));
    if (group && typeof after.name === "string") note(byGroup, after.name.toLowerCase(), after.location);
  }
  return { byAddress, byGroup };
}

/**
 * An AzAPI resource's parent location: the resource group its parent_id names, else the resource its
 * configuration references there (azurerm_resource_group.x.id); null when it cannot be followed.
 */
function parentLocation(parentId: unknown, expression: unknown, path: string, places: ReturnType<typeof parentLocations>): string | null | undefined {
  if (parentId === undefined || parentId === null) return undefined;
  if (typeof parentId === "string" && !isPlaceholder(parentId)) {
    const group = resourceGroupName(parentId);
    return group !== undefined ? places.byGroup.get(group) ?? null : null;
  }
  const references = (expression as Expression | undefined)?.references ?? [];
  const target = references.find((r) => typeof r === "string" && /^(azurerm|azapi)_\w+\.[\w-]+$/.test(r));
  return target ? places.byAddress.get(`${path}|${target}`) ?? null : null;
}

/** A plan Terraform did not finish proves nothing about what it left out: refused, saying what to do. */
function assertComplete(plan: Plan, file: string): void {
  if (plan.errored === true) {
    throw new InputError(file, "/errored", "the plan errored (errored: true): it holds only what Terraform planned before the error; fix the error, plan again and judge the new plan");
  }
  const deferred = plan.deferred_changes ?? [];
  if (deferred.length > 0) {
    const reasons = [...new Set(deferred.map((d) => d?.reason).filter((r): r is string => typeof r === "string"))];
    throw new InputError(file, "/deferred_changes", `Terraform deferred ${deferred.length} change(s) to a later plan${reasons.length ? ` (${reasons.join(", ")})` : ""}: what they will create is not in this plan, so it cannot be judged; apply what they depend on first (or plan without -allow-deferral) until nothing is deferred, then judge that plan`);
  }
  if (plan.complete === false) {
    throw new InputError(file, "/complete", "the plan is incomplete (complete: false): applying it will not reach the configuration, and what remains is not planned yet, so it cannot be judged; apply what it depends on first (or plan without -allow-deferral) until the plan is complete, then judge that plan");
  }
}

/** Every resource change: a plan's resource_changes, else its planned values, else a state's values (with their JSON pointers). */
function changesOf(plan: Plan, file: string): ResourceChange[] {
  if (plan.resource_changes) return plan.resource_changes;
  if (plan.planned_values) return plannedAsChanges(plan.planned_values.root_module, "/planned_values/root_module");
  if (plan.values) return plannedAsChanges(plan.values.root_module, "/values/root_module");
  throw new InputError(file, "/", "neither resource_changes nor planned_values (a plan) nor values (a state): nothing to judge");
}

/**
 * A state has no provider configuration: an AWS resource's region is its own `region` attribute, else
 * the one its ARN names (arn:partition:service:region:account:...); else it stays unknown, never guessed.
 */
function withArnRegion(provider: string, values: Record<string, unknown>): Record<string, unknown> {
  if (provider !== "aws" || typeof values.region === "string" || typeof values.arn !== "string") return values;
  const region = /^arn:[^:]+:[^:]*:([a-z0-9-]+):/.exec(values.arn)?.[1];
  return region ? { ...values, region } : values;
}

/** The resources that will exist after apply (a plan) or exist now (a state), as canonical resources. */
export function fromPlan(plan: Plan, file: string): CanonicalDocument {
  if (typeof plan.format_version !== "string" || !SUPPORTED_FORMAT.test(plan.format_version)) {
    throw new InputError(file, "/format_version", `unsupported ${isState(plan) ? "state" : "plan"} format_version ${JSON.stringify(plan.format_version)} (this version reads 0.x and 1.x)`);
  }
  checkPlanShape(plan, file);
  assertComplete(plan, file);
  const state = isState(plan);
  const configs = plan.configuration?.provider_config ?? {};
  const configured = configuredResources(plan.configuration?.root_module);
  const scope: Scope = { variables: plan.variables, modules: modulesOf(plan.configuration?.root_module) };
  const blocks = blocksPerModule(configs);
  const changes = changesOf(plan, file);
  let places: ReturnType<typeof parentLocations> | undefined;
  const seen = new Set<string>();
  // Resources share few provider blocks: each block's settings are resolved once.
  const settingsOf = new Map<string, ProviderSettings>();
  const settingsFor = (key: string | undefined, provider: string, path: string): ProviderSettings => {
    const id = `${key ?? ""}|${provider}|${path}`;
    let settings = settingsOf.get(id);
    if (!settings) settingsOf.set(id, (settings = providerSettings(providerConfigFor(key, provider, path, configs, blocks), scope)));
    return settings;
  };

  const resources = changes
    .filter(kept)
    .map((c) => {
      if (!c.change.after) {
        const missing = c.change.after === undefined;
        throw new InputError(file, `${pointerOf(plan, c)}/change${missing ? "" : "/after"}`, `${c.address} is planned (${c.change.actions.join(", ")}) without its values after apply (after is ${missing ? "missing" : "null"}): nothing to judge it by; plan again and export the plan with terraform show -json`);
      }
      if (seen.has(c.address)) throw new InputError(file, `${pointerOf(plan, c)}/address`, `duplicate resource address "${c.address}"`);
      seen.add(c.address);
      const path = modulePath(c.module_address);
      const config = configured.get(`${path}|${c.type}.${c.name}`);
      const provider = providerType(c.provider_name);
      const after = state ? withArnRegion(provider, c.change.after) : c.change.after;
      const read = readable(after, c.change.after_unknown, c.change.after_sensitive);
      const values = read && typeof read === "object" && !Array.isArray(read) ? (read as Record<string, unknown>) : {};
      return toCanonical({
        address: c.address,
        type: c.type,
        provider,
        providerSettings: settingsFor(config?.key, provider, path),
        values,
        unknown: (attribute) => flagged(c.change.after_unknown, attribute),
        explicit: (attribute) => config?.expressions[attribute] !== undefined,
        ...(provider === "azapi" ? { parentLocation: parentLocation(values.parent_id, config?.expressions.parent_id, path, (places ??= parentLocations(changes))) } : {}),
        file,
      });
    });
  addPlanCopies(changes, resources, plan.configuration);
  return { resources };
}

// Found only when an error names it: copying every change to attach it would cost more than the judgement.
const pointerOf = (plan: Plan, c: ResourceChange): string => c.pointer ?? `/resource_changes/${plan.resource_changes!.indexOf(c)}`;

function plannedAsChanges(module: PlannedModule | undefined, pointer: string): ResourceChange[] {
  if (!module) return [];
  const own = (module.resources ?? []).map((r, i) => ({
    // A state keeps a deposed object (replaced, not yet destroyed) under its resource's address.
    address: r.deposed_key ? `${r.address} (deposed ${r.deposed_key})` : r.address,
    module_address: r.address.includes("module.") ? r.address.slice(0, r.address.lastIndexOf(`.${r.type}.`)) : undefined,
    mode: r.mode,
    type: r.type,
    name: r.name,
    provider_name: r.provider_name,
    change: { actions: ["no-op"], after: r.values ?? {}, after_sensitive: r.sensitive_values },
    pointer: `${pointer}/resources/${i}`,
  }));
  return [...own, ...(module.child_modules ?? []).flatMap((m, i) => plannedAsChanges(m, `${pointer}/child_modules/${i}`))];
}
