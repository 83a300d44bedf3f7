import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { assetPath, readJsonAsset } from "./assets.js";
import type { Config } from "./config.js";
import { EvaluationError, InputError } from "./errors.js";
import type { CanonicalDocument, CanonicalResource } from "./model/canonical.js";
import type { Finding, Localized, ResourceSummary, RuleMetadata, Verdict } from "./model/findings.js";
import { assertValid } from "./schemas.js";
import { wasmEvaluator, type WasmEvaluator } from "./wasm.js";
import { words } from "./words.js";

/** Rule metadata read back from the Rego annotations at build time, keyed by rule id. */
export const rules: Record<string, RuleMetadata> = readJsonAsset("policies", "compiled", "rules.json");

const ENTRYPOINT = "souverain/main/result";

/**
 * Resources per wasm call. OPA's wasm heap is only reset between calls, so one call per batch of
 * 10,000 grows it past 300 MB; a few hundred keeps it near 20 MB at the same speed.
 */
const CHUNK = 250;

// The SDK's ES module entry exports only the asynchronous loader; its CommonJS entry has the synchronous one.
const { loadPolicySync } = createRequire(import.meta.url)(
  "@open-policy-agent/opa-wasm",
) as typeof import("@open-policy-agent/opa-wasm");

export interface EngineOptions {
  /** The reviewed configuration; already validated (see `validateConfig`). */
  config?: Config;
  /** The day exemptions are judged against, YYYY-MM-DD. Default: today (UTC). */
  today?: string;
  /** Baseline entries (souverain check --baseline): the rules judge them like exemptions. */
  baseline?: unknown[];
}

/** What the rules see as `data`: set once per engine. */
function policyData(config: Config, baseline: unknown[]): object {
  const catalog = readJsonAsset<object>("policies", "catalog", "catalog.json");
  return { catalog, config, rule_metadata: rules, baseline, words };
}

const compiledPolicy = (): Buffer => readFileSync(assetPath("policies", "compiled", "souverain.wasm"));

/**
 * The compiled rules, loaded once, with the catalog and configuration set once.
 * One `evaluate` call judges a whole batch of canonical resources.
 */
export class Engine {
  private constructor(
    private readonly wasm: WasmEvaluator,
    private readonly today: string,
  ) {}

  /**
   * Kept asynchronous for callers; the synchronous loader is faster for a module this size, and the
   * asynchronous one makes Node load its fetch implementation (undici).
   */
  static async create(options: EngineOptions = {}): Promise<Engine> {
    return Engine.createSync(options);
  }

  /** For callers that cannot await, such as CDKTF validations during synth. */
  static createSync(options: EngineOptions = {}): Engine {
    assertValid("config", options.config ?? {}, "configuration");
    const policy = loadPolicySync(compiledPolicy());
    policy.setData(policyData(options.config ?? {}, options.baseline ?? []));
    return new Engine(wasmEvaluator(policy), options.today ?? new Date().toISOString().slice(0, 10));
  }

  /**
   * Judges a document of canonical resources. Invalid input throws an InputError naming `origin`;
   * anything else that stops a verdict throws an EvaluationError, which callers must treat as blocking.
   *
   * Resources repeat few shapes (placement, copies, classification tags): the rules judge each distinct
   * shape once, under stand-in ids, and every resource gets its shape's verdict under its own id and
   * name, with the exemptions that cover it by id.
   */
  evaluate(document: CanonicalDocument, origin = "input"): Verdict {
    assertValid("canonical", document, origin);
    assertUniqueIds(document, origin);
    const all = document.resources.map((resource, index) => nfcTags(resource, index, origin));
    // One resource is its own shape: the rules judge it as it is, in one call rather than two (the
    // pack's Analyze judges resources one at a time).
    if (all.length === 1) return checked(this.call({ resources: all, today: this.today }, ENTRYPOINT), 1);
    const { readKeys, coverage } = this.prepare(all);
    const shapes = distinctShapes(all, readKeys);
    const judged = this.judge(shapes.map((shape) => shape.representative));
    const findings: Finding[] = [...judged.configFindings];
    const resources: ResourceSummary[] = new Array(all.length);
    shapes.forEach((shape, k) => {
      const summary = judged.summaries[k]!;
      for (const index of shape.members) {
        const resource = all[index]!;
        resources[index] = { ...summary, index, id: resource.id };
        for (const f of judged.findings[k]!) {
          // Field by field rather than spread: this runs once per finding of plans of 100,000 resources.
          const { exempt, exemptions } = covered(coverage, resource.id, f.policy, f.enforcement);
          findings.push({ enforcement: f.enforcement, exempt, exemptions, message: named(f.message, shape, resource), policy: f.policy, resource: resource.id });
        }
      }
    });
    return { findings, resources };
  }

  /**
   * What the rules decide from the parts of resources a shape leaves out: which tag keys they read the
   * value of (the others do not make two shapes differ), and which exemptions cover which resource ids.
   */
  private prepare(resources: CanonicalResource[]): { readKeys: Set<string>; coverage: Coverage } {
    const keys = new Set<string>();
    for (const resource of resources) for (const key in resource.tags) keys.add(key);
    const answer = this.call({ tag_keys: [...keys], ids: resources.map((r) => r.id), today: this.today }, "souverain/main/prepare") as
      | { classification_keys?: unknown; coverage?: unknown }
      | undefined;
    const read = answer?.classification_keys;
    if (!Array.isArray(read) || read.some((k) => typeof k !== "string")) throw new EvaluationError("policy evaluation returned no classification keys");
    const coverage = answer?.coverage;
    if (!isCoverageMap(coverage)) throw new EvaluationError("policy evaluation returned no exemption coverage");
    return { readKeys: new Set(read as string[]), coverage };
  }

  /** The verdict on each shape's stand-in, by shape, and the findings about the configuration. */
  private judge(representatives: CanonicalResource[]): { findings: Finding[][]; summaries: ResourceSummary[]; configFindings: Finding[] } {
    const out = { findings: representatives.map((): Finding[] => []), summaries: [] as ResourceSummary[], configFindings: [] as Finding[] };
    for (let start = 0; start === 0 || start < representatives.length; start += CHUNK) {
      const chunk = representatives.slice(start, start + CHUNK);
      const part = checked(this.call({ resources: chunk, today: this.today }, ENTRYPOINT), chunk.length);
      // Findings about the configuration do not depend on the resources: keep the first chunk's.
      for (const f of part.findings) {
        if (isAboutConfig(f)) {
          if (start === 0) out.configFindings.push(f);
        } else {
          out.findings[shapeOf(f.resource)]!.push(f);
        }
      }
      out.summaries.push(...part.resources.sort((a, b) => a.index - b.index));
    }
    return out;
  }

  /**
   * The exemptions and baseline entries that name none of `ids`, every resource a run judged (several
   * inputs, a whole stack): advisory findings about the configuration. One `evaluate` cannot tell, as it
   * sees one input.
   */
  unusedExemptions(ids: string[]): Finding[] {
    const found = this.call({ ids, today: this.today }, "souverain/main/unused_exemptions");
    if (!Array.isArray(found) || !found.every((f) => isWellFormed(f as Finding) && isAboutConfig(f as Finding))) {
      throw new EvaluationError("policy evaluation returned malformed unused exemptions");
    }
    return found as Finding[];
  }

  private call(input: object, entrypoint: string): unknown {
    let result: unknown;
    try {
      result = this.wasm.evaluate(input, entrypoint);
    } catch (error) {
      throw new EvaluationError(`policy evaluation failed: ${String(error)}`, { cause: error });
    }
    return entrypoint === ENTRYPOINT ? result : (result as { result?: unknown }[] | undefined)?.[0]?.result;
  }
}

interface Shape {
  representative: CanonicalResource;
  /** Indexes of the resources of this shape, in input order. */
  members: number[];
}

/**
 * A shape is everything the rules read of a resource: all of it but its id, name and source, the
 * targets of its copies, and the values of tags that classify nothing. The stand-in id and name are
 * tokens that messages give back (policies/lib/resources.rego says what the rules may read).
 */
function distinctShapes(resources: CanonicalResource[], readKeys: Set<string>): Shape[] {
  const shapes: Shape[] = [];
  const byKey = new Map<string, Shape>();
  resources.forEach((resource, index) => {
    const { id: _id, name, source: _source, tags, tagSources, copies, ...rest } = resource;
    const shape: CanonicalResource = { id: "", ...rest };
    if (tags) shape.tags = readOnly(tags, readKeys);
    if (tagSources) shape.tagSources = readOnly(tagSources, readKeys);
    if (copies) shape.copies = copies.map(({ target: _target, ...copy }) => copy);
    const key = JSON.stringify([typeof name === "string", shape]);
    let found = byKey.get(key);
    if (!found) {
      const k = shapes.length;
      shape.id = idToken(k);
      if (typeof name === "string") shape.name = nameToken(k);
      found = { representative: shape, members: [] };
      byKey.set(key, found);
      shapes.push(found);
    }
    found.members.push(index);
  });
  return shapes;
}

function readOnly(tags: Record<string, string>, readKeys: Set<string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const key in tags) if (readKeys.has(key)) kept[key] = tags[key]!;
  return kept;
}

// NUL never occurs in what the rules print about a resource: the tokens cannot be confused with it.
const idToken = (k: number) => `\u0000id:${k}\u0000`;
const nameToken = (k: number) => `\u0000name:${k}\u0000`;
const shapeOf = (token: string): number => Number(token.slice(4, -1));

function named(message: Localized, shape: Shape, resource: CanonicalResource): Localized {
  const k = shapeOf(shape.representative.id);
  const fill = (text: string) => {
    let filled = text.replaceAll(idToken(k), resource.id);
    if (shape.representative.name !== undefined) filled = filled.replaceAll(nameToken(k), resource.name!);
    return filled;
  };
  return { en: fill(message.en), fr: fill(message.fr) };
}

/** By resource id, rule id and level: whether exemptions cover the findings. Absent: not covered. */
type Coverage = Record<string, Record<string, Record<string, Pick<Finding, "exempt" | "exemptions">>>>;

const NOT_COVERED: Pick<Finding, "exempt" | "exemptions"> = { exempt: false, exemptions: [] };

// Own properties only: an id such as "constructor" must not reach Object.prototype.
const covered = (coverage: Coverage, id: string, policy: string, level: string) => {
  const byRule = Object.hasOwn(coverage, id) ? coverage[id]! : {};
  const byLevel = Object.hasOwn(byRule, policy) ? byRule[policy]! : {};
  return (Object.hasOwn(byLevel, level) ? byLevel[level] : undefined) ?? NOT_COVERED;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const isCoverageMap = (value: unknown): value is Coverage =>
  isObject(value) &&
  Object.values(value).every((byRule) =>
    isObject(byRule) &&
    Object.values(byRule).every((byLevel) =>
      isObject(byLevel) && Object.values(byLevel).every((c) => isObject(c) && typeof c.exempt === "boolean" && Array.isArray(c.exemptions))));

const isWellFormed = (f: Finding): boolean =>
  Boolean(rules[f.policy]) &&
  typeof f.resource === "string" &&
  (f.enforcement === "mandatory" || f.enforcement === "advisory") &&
  typeof f.message?.en === "string" &&
  typeof f.message?.fr === "string" &&
  typeof f.exempt === "boolean";

/** A finding about the configuration (an exemption, the baseline, the catalog), not about a resource. */
export const isAboutConfig = (finding: Finding): boolean => finding.resource.startsWith("config:");

const nfc = (text: string): string => (/[^\x00-\x7f]/.test(text) ? text.normalize("NFC") : text);

/**
 * Tag keys and values in Unicode NFC, so that a decomposed "e" + U+0301 is the "é" the rules know:
 * format translation, done here because every front door (CLI, CDKTF, Pulumi) goes through the
 * engine. Two keys that become one with different values are refused, never one silently dropped.
 */
function nfcTags(resource: CanonicalResource, index: number, origin: string): CanonicalResource {
  const entries = Object.entries(resource.tags ?? {});
  if (entries.every(([key, value]) => nfc(key) === key && nfc(value) === value)) return resource;
  const tags = new Map<string, { key: string; value: string }>();
  for (const [key, value] of entries) {
    const seen = tags.get(nfc(key));
    if (seen && seen.value !== nfc(value)) {
      const place = `/resources/${index}/tags/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      throw new InputError(origin, place, `tag keys ${JSON.stringify(seen.key)} and ${JSON.stringify(key)} are the same key once Unicode-normalised (NFC) but have different values`);
    }
    tags.set(nfc(key), { key, value: nfc(value) });
  }
  const sources = resource.tagSources && Object.fromEntries(Object.entries(resource.tagSources).map(([key, from]) => [nfc(key), from]));
  return { ...resource, tags: Object.fromEntries([...tags].map(([key, { value }]) => [key, value])), ...(sources ? { tagSources: sources } : {}) };
}

function assertUniqueIds(document: CanonicalDocument, origin: string): void {
  const seen = new Set<string>();
  document.resources.forEach((resource, index) => {
    if (seen.has(resource.id)) throw new InputError(origin, `/resources/${index}/id`, `duplicate resource id "${resource.id}"`);
    seen.add(resource.id);
  });
}

/** A verdict only counts if every resource was judged: anything else fails closed. */
function checked(result: unknown, expected: number): Verdict {
  const verdict = (result as { result?: Verdict }[] | undefined)?.[0]?.result;
  if (!verdict || !Array.isArray(verdict.findings) || !Array.isArray(verdict.resources)) {
    throw new EvaluationError("policy evaluation returned no verdict");
  }
  if (verdict.resources.length !== expected) {
    throw new EvaluationError(`policy evaluation judged ${verdict.resources.length} of ${expected} resources`);
  }
  const malformed = verdict.findings.find((f) => !isWellFormed(f));
  if (malformed) throw new EvaluationError(`policy evaluation returned a malformed finding: ${JSON.stringify(malformed).slice(0, 200)}`);
  return verdict;
}
