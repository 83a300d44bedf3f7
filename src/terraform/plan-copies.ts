/**
 * Copies in a plan (`terraform show -json`): what a resource's attribute holds, read from the planned
 * values (`after`, `after_unknown`) and from the configuration's references. The references name the
 * resource a value comes from even when the value is only known after apply (a new bucket's ARN);
 * they are followed through module outputs and module variables. What the copies mean is in src/copies.
 *
 * A value only known after apply counts only when the configuration sets the attribute, or the plan
 * holds the block it is in (`dynamic` blocks are missing from the configuration's JSON), or the plan
 * has no configuration for the resource: providers mark optional computed attributes they fill
 * themselves (aws_s3_bucket's deprecated `replication_configuration`) as wholly unknown on every new resource.
 * Sensitive values are never read: a sensitive attribute on a copy's path is unknown.
 */
import { resolveCopies, type CopyNode, type CopyReader, type Leaf } from "../copies/resolve.js";
import type { CanonicalResource } from "../model/canonical.js";

/** A resource change (or planned value) as the plan adapter read it. */
export interface PlannedChange {
  address: string;
  module_address?: string;
  type: string;
  name: string;
  change: { after?: unknown; after_unknown?: unknown; after_sensitive?: unknown };
}

interface PlanNode extends CopyNode {
  moduleAddress: string | undefined;
  name: string;
  change: PlannedChange["change"];
  /** Configuration path of its module ("a.b"), computed on first use. */
  path?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const flag = (flags: unknown, key: string): boolean => isObject(flags) && flags[key] !== undefined && flags[key] !== false;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);

/** "module.a[0].module.b" -> "a.b". */
const modulePath = (moduleAddress: string | undefined): string =>
  [...(moduleAddress ?? "").replace(/\[[^\]]*\]/g, "").matchAll(/(?:^|\.)module\.([^.]+)/g)].map((m) => m[1]).join(".");

/** Names that are not resources of the configuration. */
const NOT_RESOURCES = new Set(["local", "each", "count", "path", "self", "terraform"]);

/** Adds the copies a plan's resources make to the canonical resources they were read into (matched by address). */
export function addPlanCopies(changes: readonly PlannedChange[], resources: readonly CanonicalResource[], configuration: unknown): void {
  const byId = new Map(resources.map((r) => [r.source?.address ?? r.id, r]));
  const modules = new Map<string, Json>();
  const walk = (module: unknown, path: string) => {
    if (!isObject(module)) return;
    modules.set(path, module);
    if (isObject(module.module_calls)) for (const [name, call] of Object.entries(module.module_calls)) walk(isObject(call) ? call.module : undefined, path ? `${path}.${name}` : name);
  };
  walk(isObject(configuration) ? configuration.root_module : undefined, "");
  const nodes: PlanNode[] = [];
  for (const c of changes) {
    const resource = byId.get(c.address);
    if (resource) nodes.push({ type: c.type, resource, moduleAddress: c.module_address, name: c.name, change: c.change });
  }
  resolveCopies(new PlanReader(nodes, modules));
}

/** "path|type.name": a resource's place in the configuration, the same for all its instances. */
const keyOf = (node: PlanNode): string => `${(node.path ??= modulePath(node.moduleAddress))}|${node.type}.${node.name}`;

/** Most resources copy nothing: indexes are built on first use, and an attribute the plan leaves unset is read no further. */
class PlanReader implements CopyReader<PlanNode> {
  private byAddress?: Map<string, PlanNode[]>;
  /** Each resource's configured expressions by "path|type.name". */
  private configured?: Map<string, Json>;

  constructor(readonly nodes: PlanNode[], private readonly modules: Map<string, Json>) {}

  private resources(key: string): PlanNode[] | undefined {
    if (!this.byAddress) {
      this.byAddress = new Map();
      for (const node of this.nodes) this.byAddress.get(keyOf(node))?.push(node) ?? this.byAddress.set(keyOf(node), [node]);
    }
    return this.byAddress.get(key);
  }

  private expressions(node: PlanNode): Json | undefined {
    if (!this.configured) {
      this.configured = new Map();
      for (const [path, module] of this.modules) {
        for (const r of Array.isArray(module.resources) ? module.resources : []) {
          if (!isObject(r) || r.mode === "data" || typeof r.address !== "string" || !isObject(r.expressions)) continue;
          this.configured.set(`${path}|${r.address.split(".").slice(-2).join(".")}`, r.expressions);
        }
      }
    }
    return this.configured.get(keyOf(node));
  }

  leaves(node: PlanNode, path: readonly string[]): Leaf<PlanNode>[] {
    const { after, after_unknown: unknown, after_sensitive: sensitive } = node.change;
    const first = path[0]!;
    // Set in the configuration means present in the plan: a value, null, or flagged unknown or sensitive.
    if (!isObject(after) || (after[first] == null && !flag(unknown, first) && !flag(sensitive, first))) return [];
    const expressions = this.expressions(node);
    // Without its configuration (a trimmed plan), an unknown value may be the user's: it counts. So it
    // does inside a block the plan holds: `dynamic` blocks are absent from the configuration's JSON.
    const block = after[first];
    const explicit = expressions === undefined || expressions[first] !== undefined || (path.length > 1 && Array.isArray(block) && block.length > 0);
    const config = expressions && explicit ? configLeaves(expressions, path) : [];
    const resolved = config.map((refs) => (refs ? this.follow(refs, (node.path ??= modulePath(node.moduleAddress)), 0) : undefined));
    if (config.length && resolved.every((r) => r !== undefined)) return resolved.map((to) => ({ to: to! }));
    // Otherwise the planned values, an unknown one standing for each reference resolved above.
    const fromReferences = resolved.filter((r): r is PlanNode[] => !!r?.length).map((to) => ({ to }));
    let standsFor = fromReferences.length;
    const planned = afterLeaves(after, unknown, sensitive, path)
      .filter((leaf) => !("unknown" in leaf) || (explicit && standsFor-- <= 0));
    return [...fromReferences, ...planned];
  }

  /**
   * The resources references lead to, from a module's point of view: [] when they lead only outside
   * the plan's managed resources (data sources), undefined when they cannot be followed (locals,
   * root variables, for_each values: the planned value says more).
   */
  private follow(references: string[], path: string, depth: number): PlanNode[] | undefined {
    const found = new Set<PlanNode>();
    let unresolved = false;
    let outside = false;
    const add = (nodes: PlanNode[] | undefined) => {
      if (nodes === undefined) unresolved = true;
      else if (!nodes.length) outside = true;
      else for (const n of nodes) found.add(n);
    };
    for (const reference of references) {
      const [head, second, third] = reference.replace(/\[[^\]]*\]/g, "").split(".");
      if (head === "data") outside = true;
      else if (head === "module") {
        if (third) add(depth < 8 ? this.output(path, second!, third, depth) : undefined);
      } else if (head === "var") add(path && depth < 8 ? this.moduleInput(path, second!, depth) : undefined);
      else if (!head || !second || NOT_RESOURCES.has(head)) unresolved = true;
      else add(this.resources(`${path}|${head}.${second}`));
    }
    return found.size ? [...found] : unresolved ? undefined : outside ? [] : undefined;
  }

  private output(path: string, child: string, name: string, depth: number): PlanNode[] | undefined {
    const childPath = path ? `${path}.${child}` : child;
    const outputs = this.modules.get(childPath)?.outputs;
    const output = isObject(outputs) ? outputs[name] : undefined;
    const expression = isObject(output) ? output.expression : undefined;
    return isObject(expression) ? this.follow(strings(expression.references), childPath, depth + 1) : undefined;
  }

  private moduleInput(path: string, variable: string, depth: number): PlanNode[] | undefined {
    const parent = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "";
    const calls = this.modules.get(parent)?.module_calls;
    const call = isObject(calls) ? calls[path.slice(path.lastIndexOf(".") + 1)] : undefined;
    const expressions = isObject(call) ? call.expressions : undefined;
    const expression = isObject(expressions) ? expressions[variable] : undefined;
    return isObject(expression) ? this.follow(strings(expression.references), parent, depth + 1) : undefined;
  }
}

/** The configuration's expressions at a path: each one's references (undefined for a constant). */
function configLeaves(container: unknown, path: readonly string[]): (string[] | undefined)[] {
  if (!isObject(container)) return [];
  const [key, ...rest] = path;
  const value = container[key!];
  if (isObject(value) && ("references" in value || "constant_value" in value)) return "references" in value ? [strings(value.references)] : [undefined];
  if (!rest.length) return [];
  if (Array.isArray(value)) return value.flatMap((block) => configLeaves(block, rest));
  return configLeaves(value, rest);
}

/** The planned values at a path, with after_unknown and after_sensitive walked alongside. */
function afterLeaves(value: unknown, unknown: unknown, sensitive: unknown, path: readonly string[]): Leaf<PlanNode>[] {
  if (unknown === true || sensitive === true) return [{ unknown: true }];
  const list = Array.isArray(value) ? value : value == null && Array.isArray(unknown) ? unknown : undefined;
  if (list) {
    return list.flatMap((_, i) =>
      afterLeaves(Array.isArray(value) ? value[i] : undefined, Array.isArray(unknown) ? unknown[i] : undefined, Array.isArray(sensitive) ? sensitive[i] : undefined, path),
    );
  }
  if (!path.length) return typeof value === "string" && value !== "" ? [{ value }] : [];
  const [key, ...rest] = path;
  const at = (v: unknown) => (isObject(v) ? v[key!] : undefined);
  return afterLeaves(at(value), at(unknown), at(sensitive), rest);
}
