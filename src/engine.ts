import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { LoadedPolicy } from "@open-policy-agent/opa-wasm";
import { assetPath, readJsonAsset } from "./assets.js";
import type { Config } from "./config.js";
import { EvaluationError, InputError } from "./errors.js";
import type { CanonicalDocument, CanonicalResource } from "./model/canonical.js";
import type { Finding, RuleMetadata, Verdict } from "./model/findings.js";
import { assertValid } from "./schemas.js";

/** Rule metadata read back from the Rego annotations at build time, keyed by rule id. */
export const rules: Record<string, RuleMetadata> = readJsonAsset("policies", "compiled", "rules.json");

const ENTRYPOINT = "souverain/main/result";

/**
 * Resources per wasm call. OPA's wasm heap is only reset between calls, so one call per batch of
 * 10,000 grows it past 300 MB; a few hundred keeps it near 20 MB at the same speed.
 */
const CHUNK = 250;

// The SDK's ES module entry exports only the asynchronous loader; its CommonJS entry has both.
const { loadPolicy, loadPolicySync } = createRequire(import.meta.url)(
  "@open-policy-agent/opa-wasm",
) as typeof import("@open-policy-agent/opa-wasm");

export interface EngineOptions {
  /** The reviewed configuration; already validated (see `validateConfig`). */
  config?: Config;
  /** The day exemptions are judged against, YYYY-MM-DD. Default: today (UTC). */
  today?: string;
}

/** What the rules see as `data`: set once per engine. */
function policyData(config: Config): object {
  const catalog = readJsonAsset<object>("policies", "catalog", "catalog.json");
  return { catalog, config, rule_metadata: rules };
}

const wasm = (): Buffer => readFileSync(assetPath("policies", "compiled", "souverain.wasm"));

/**
 * The compiled rules, loaded once, with the catalog and configuration set once.
 * One `evaluate` call judges a whole batch of canonical resources.
 */
export class Engine {
  private constructor(
    private readonly policy: LoadedPolicy,
    private readonly today: string,
  ) {}

  static async create(options: EngineOptions = {}): Promise<Engine> {
    return Engine.ready(await loadPolicy(wasm()), options);
  }

  /** For callers that cannot await, such as CDKTF validations during synth. */
  static createSync(options: EngineOptions = {}): Engine {
    return Engine.ready(loadPolicySync(wasm()), options);
  }

  private static ready(policy: LoadedPolicy, options: EngineOptions): Engine {
    assertValid("config", options.config ?? {}, "configuration");
    policy.setData(policyData(options.config ?? {}));
    return new Engine(policy, options.today ?? new Date().toISOString().slice(0, 10));
  }

  /**
   * Judges a document of canonical resources. Invalid input throws an InputError naming `origin`;
   * anything else that stops a verdict throws an EvaluationError, which callers must treat as blocking.
   */
  evaluate(document: CanonicalDocument, origin = "input"): Verdict {
    assertValid("canonical", document, origin);
    assertUniqueIds(document, origin);
    const verdict: Verdict = { findings: [], resources: [] };
    const all = document.resources.map((resource, index) => nfcTags(resource, index, origin));
    for (let start = 0; start === 0 || start < all.length; start += CHUNK) {
      const chunk = all.slice(start, start + CHUNK);
      const part = this.evaluateChunk(chunk);
      // Findings about the configuration do not depend on the resources: keep the first chunk's.
      verdict.findings.push(...part.findings.filter((f) => start === 0 || !isAboutConfig(f)));
      const judged = part.resources.map((r) => ({ ...r, index: r.index + start }));
      verdict.resources.push(...judged.sort((a, b) => a.index - b.index));
    }
    return verdict;
  }

  private evaluateChunk(resources: CanonicalDocument["resources"]): Verdict {
    let result: unknown;
    try {
      result = this.policy.evaluate({ resources, today: this.today }, ENTRYPOINT);
    } catch (error) {
      throw new EvaluationError(`policy evaluation failed: ${String(error)}`, { cause: error });
    }
    return checked(result, resources.length);
  }
}

const isWellFormed = (f: Finding): boolean =>
  Boolean(rules[f.policy]) &&
  typeof f.resource === "string" &&
  (f.enforcement === "mandatory" || f.enforcement === "advisory") &&
  typeof f.message?.en === "string" &&
  typeof f.message?.fr === "string" &&
  typeof f.exempt === "boolean";

const isAboutConfig = (finding: Finding): boolean => finding.resource.startsWith("config:");

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
