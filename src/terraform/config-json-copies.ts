/**
 * Copies in Terraform JSON (cdk.tf.json): what a resource's attribute holds, read from the block as
 * written. An interpolation naming resources of the file (`${aws_s3_bucket.copie.arn}`) designates
 * them; one naming only data sources designates nothing this file manages; `${var.x}` takes the
 * variable's constant default; any other interpolation, and a `dynamic` block, is unknown until apply.
 * What the copies mean is in src/copies.
 */
import { resolveCopies, type CopyNode, type CopyReader, type Leaf } from "../copies/resolve.js";
import type { CanonicalResource } from "../model/canonical.js";

interface JsonNode extends CopyNode {
  name: string;
  block: Record<string, unknown>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Words that start a reference to something other than a managed resource. */
const NOT_RESOURCES = new Set(["var", "local", "module", "data", "each", "count", "path", "self", "terraform"]);
const REFERENCE = /(?<![\w.-])([a-z][a-z0-9_-]*)\.([A-Za-z_][\w-]*)/g;

/**
 * Adds the copies a cdk.tf.json's resources make to the canonical resources read from it, matched by
 * their Terraform address (the id may carry the stack's name).
 */
export function addTerraformJsonCopies(config: { resource?: unknown; variable?: unknown }, resources: readonly CanonicalResource[]): void {
  const byId = new Map(resources.map((r) => [r.source?.address ?? r.id, r]));
  const nodes: JsonNode[] = [];
  for (const [type, byName] of Object.entries(isObject(config.resource) ? config.resource : {})) {
    for (const [name, block] of Object.entries(isObject(byName) ? byName : {})) {
      const resource = byId.get(`${type}.${name}`);
      if (resource && isObject(block)) nodes.push({ type, name, resource, block });
    }
  }
  resolveCopies(new JsonReader(nodes, isObject(config.variable) ? config.variable : {}));
}

class JsonReader implements CopyReader<JsonNode> {
  private readonly byAddress: Map<string, JsonNode>;

  constructor(readonly nodes: JsonNode[], private readonly variables: Json) {
    this.byAddress = new Map(nodes.map((n) => [`${n.type}.${n.name}`, n]));
  }

  leaves(node: JsonNode, path: readonly string[]): Leaf<JsonNode>[] {
    return this.walk(node.block, path);
  }

  private walk(container: unknown, path: readonly string[]): Leaf<JsonNode>[] {
    if (!isObject(container)) return [];
    const [key, ...rest] = path;
    const value = container[key!];
    if (value === undefined || value === null) return isObject(container.dynamic) && key! in container.dynamic ? [{ unknown: true }] : [];
    if (typeof value === "string") return rest.length && !value.includes("${") ? [] : [this.leaf(value)];
    if (Array.isArray(value)) return value.flatMap((item) => (rest.length ? this.walk(item, rest) : typeof item === "string" ? [this.leaf(item)] : []));
    return rest.length ? this.walk(value, rest) : [];
  }

  private leaf(text: string): Leaf<JsonNode> {
    if (!text.includes("${")) return { value: text };
    const variable = /^\$\{\s*var\.([\w-]+)\s*\}$/.exec(text)?.[1];
    const fallback = variable ? (this.variables[variable] as { default?: unknown } | undefined)?.default : undefined;
    if (typeof fallback === "string") return fallback.includes("${") ? { unknown: true } : { value: fallback };
    const to = new Set<JsonNode>();
    let outside = false;
    for (const [, head, name] of text.matchAll(REFERENCE)) {
      if (head === "data") outside = true;
      else if (!NOT_RESOURCES.has(head!)) {
        const node = this.byAddress.get(`${head}.${name}`);
        if (node) to.add(node);
      }
    }
    return to.size ? { to: [...to] } : outside ? { to: [] } : { unknown: true };
  }
}
