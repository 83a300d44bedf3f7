import {
  PolicyPack,
  type PolicyConfigSchema,
  type ReportViolation,
  type ResourceValidationArgs,
  type StackValidationArgs,
  type StackValidationPolicy,
} from "@pulumi/policy";
import { readJsonAsset } from "../assets.js";
import { validateConfig, type Config } from "../config.js";
import { Engine, isAboutConfig, rules } from "../engine.js";
import type { CanonicalResource } from "../model/canonical.js";
import type { Finding, Lang, RuleMetadata, Verdict } from "../model/findings.js";
import type { PulumiResource } from "./resolve.js";
import { RunMemory } from "./run.js";
import { originName } from "../names.js";
import { dateIn, fill, words } from "../words.js";
import { resolveStack, type StackResource } from "./stack.js";

/**
 * The pack's settings: souverain.json's shape (schemas/config.schema.json), `enforcement`, `lang` and
 * `packageClouds` included, under the `souverain` policy of --policy-pack-config.
 */
export type PackSettings = Config;

const SETTINGS_POLICY = "souverain";

/**
 * What Pulumi checks the `souverain` policy's settings against before the run: the configuration
 * schema's own properties, written once. Pulumi's validator cannot follow the schema's reference to
 * catalog.schema.json: catalog entries are checked by the engine (a malformed one blocks the run).
 */
function settingsSchema(): PolicyConfigSchema {
  const { properties } = readJsonAsset<{ properties: Record<string, object> }>("schemas", "config.schema.json");
  return {
    properties: {
      ...properties,
      catalog: { type: "object", description: "Additions to and overrides of the catalog: {providers: {...}} (schemas/catalog.schema.json)." },
    } as PolicyConfigSchema["properties"],
  };
}

/** The rules' verdict on what one Analyze or AnalyzeStack call asked about, shared by every policy. */
interface Judgement {
  verdict: Verdict;
  error?: string;
  /** Names of the resources whose data the analyzed resource copies, by id: their findings say whose data it is. */
  copiedSources: Map<string, string>;
}

/** What the pack remembers of one Pulumi run. */
interface RunState {
  memory: RunMemory;
  /** Keys of the findings already reported in this run: each is reported once, not once per phase. */
  reported: Set<string>;
  /** Each Analyze call's judgement by URN. */
  analyzed: Map<string, Promise<Judgement>>;
  /** The canonical form each resource was judged in by Analyze (JSON), by URN. */
  judgedAs: Map<string, string>;
  stack?: { key: string; judgement: Promise<Judgement> };
  /** Whether the settings policy ran in this run: Pulumi runs the policies in order, it first. */
  settingsRead: boolean;
}

const engines = new Map<string, Promise<Engine>>();
let settings: PackSettings = {};
/**
 * @pulumi/policy makes a new stack-tags map at each ConfigureStack, which the engine sends at the start
 * of every run: keyed on it, what the pack remembers never crosses from one run to the next.
 */
const runs = new WeakMap<object, RunState>();

function runOf(stackTags: object): RunState {
  let state = runs.get(stackTags);
  if (!state) runs.set(stackTags, (state = { memory: new RunMemory(), reported: new Set(), analyzed: new Map(), judgedAs: new Map(), settingsRead: false }));
  return state;
}

const NOTHING: Verdict = { findings: [], resources: [] };

/** `stackIds`, at the stack: every resource of the stack, against which exemptions naming none are stale. */
async function evaluate(resources: CanonicalResource[], copiedSources = new Map<string, string>(), stackIds?: string[]): Promise<Judgement> {
  const config = settings;
  try {
    const configKey = JSON.stringify(config);
    if (!engines.has(configKey)) engines.set(configKey, Engine.create({ config: validateConfig(config, `policy-pack-config "${SETTINGS_POLICY}"`) }));
    const engine = await engines.get(configKey)!;
    const verdict = engine.evaluate({ resources }, "stack");
    if (stackIds) verdict.findings.push(...engine.unusedExemptions(stackIds));
    return { verdict, copiedSources };
  } catch (error) {
    return { verdict: NOTHING, error: (error as Error).message, copiedSources };
  }
}

/** Before the create: the resource, and the data it copies when the copy's ends were seen earlier in the run. */
function judgeResource(args: ResourceValidationArgs): Promise<Judgement> {
  const state = runOf(args.stackTags);
  let judgement = state.analyzed.get(args.urn);
  if (!judgement) {
    const subjects = state.memory.subjects(args as PulumiResource, { stackTags: args.stackTags, packageClouds: settings.packageClouds });
    if (subjects) state.judgedAs.set(args.urn, JSON.stringify(subjects.resource));
    judgement = subjects
      ? evaluate([subjects.resource, ...subjects.copiedSources], new Map(subjects.copiedSources.map((s) => [s.id, s.name ?? s.id])))
      : Promise.resolve({ verdict: NOTHING, copiedSources: new Map() });
    state.analyzed.set(args.urn, judgement);
  }
  return judgement;
}

/**
 * Once every resource is registered: inherited locations and copies the stack alone can resolve. A
 * resource Analyze already judged in the same canonical form has the same verdict (the same rules on
 * the same input): only the others are evaluated again.
 */
function judgeStack(args: StackValidationArgs): Promise<Judgement> {
  const state = runOf(args.stackTags);
  const key = JSON.stringify([args.resources.map((r) => r.urn), settings]);
  if (state.stack?.key !== key) {
    const judgement = Promise.resolve()
      .then(() => resolveStack(args.resources as unknown as StackResource[], { stackTags: args.stackTags, packageClouds: settings.packageClouds }))
      .then(
        (resources) => evaluate(resources.filter((r) => state.judgedAs.get(r.id) !== JSON.stringify(r)), new Map(), resources.map((r) => r.id)),
        (error: Error) => ({ verdict: NOTHING, error: error.message, copiedSources: new Map() }),
      );
    state.stack = { key, judgement };
  }
  return state.stack.judgement;
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** The language of the violations: the settings', English until they are read or when they name none. */
const langOf = (config: PackSettings): Lang => (config.lang === "fr" ? "fr" : "en");

/**
 * @pulumi/policy's reportViolation also takes {message, urn, enforcementLevel} (its server reads the
 * level per violation), though its type only declares (message, urn): hence the casts below.
 */
function report(finding: Finding, rule: RuleMetadata, judgement: Judgement, reportViolation: ReportViolation, urn?: string): void {
  const lang = langOf(settings);
  const w = words[lang].pack;
  const origin = judgement.verdict.resources.find((r) => r.id === finding.resource)?.classifiedBy.map((o) => originName(o, lang)).join(", ");
  const source = judgement.copiedSources.get(finding.resource);
  const exemption = finding.exemptions[0];
  const message = [
    source && fill(w.dataOf, { name: source }),
    finding.message[lang],
    origin && fill(w.classifiedBy, { origin }),
    exemption ? fill(w.exempt, { date: dateIn(lang, exemption.expires), justification: exemption.justification }) : sentence(rule.basis[lang]),
    !exemption && sentence(rule.fix[lang]),
  ].filter(Boolean).join(" ");
  // One level per rule. A rule named in `enforcement` (souverain.json's map, applied by the rules) is
  // reported at the level the rules gave; a rule it does not name follows Pulumi's per-policy level when
  // the finding is at the rule's own level, and keeps a level the rule fixes (an advisory warning, an
  // unknown class). An exempt finding only warns.
  const named = settings.enforcement?.[rule.id] !== undefined;
  const enforcementLevel = finding.exempt ? "advisory" : named || finding.enforcement !== rule.enforcement ? finding.enforcement : undefined;
  reportViolation({ message, urn, ...(enforcementLevel ? { enforcementLevel } : {}) } as never);
}

const findingKey = (f: Finding) => JSON.stringify([f.policy, f.resource, f.message.en, f.enforcement, f.exempt]);

/** Never a silent pass, even when the settings policy that reports errors is disabled. */
const blocked = (error: string, reportViolation: ReportViolation, urn?: string) =>
  reportViolation({ message: fill(words[langOf(settings)].pack.notJudged, { error }), urn, enforcementLevel: "mandatory" } as never);

/**
 * With the settings policy disabled, its settings (levels, exemptions, default classification) would
 * be silently ignored: the run is blocked instead, once. True when the rule policy may go on.
 */
function settingsWereRead(state: RunState, reportViolation: ReportViolation, urn?: string): boolean {
  if (state.settingsRead) return true;
  if (!state.reported.has(SETTINGS_POLICY)) {
    state.reported.add(SETTINGS_POLICY);
    blocked(fill(words[langOf(settings)].pack.settingsDisabled, { policy: SETTINGS_POLICY }), reportViolation, urn);
  }
  return false;
}

/**
 * A rule's policy judges each resource before it is created (Analyze: a mandatory finding there stops
 * the create, in `pulumi up --skip-preview` too) and the whole stack once every resource is
 * registered (AnalyzeStack), reporting there only what Analyze could not see.
 */
function rulePolicy(rule: RuleMetadata): StackValidationPolicy {
  return {
    name: rule.id,
    // Pulumi reads the policies' descriptions when the pack loads, before any setting (`lang` included): English.
    description: rule.title.en,
    enforcementLevel: rule.enforcement,
    remediationSteps: rule.fix.en,
    url: rule.references[0]?.url,
    tags: ["sovereignty", ...rule.frameworks],
    framework: { name: rule.frameworks[0] ?? "Souverain", version: "", reference: rule.basis.en, specification: rule.description.en },
    // Judged once per resource whatever the number of policies (judgeResource is memoised per URN);
    // findings about the configuration wait for the stack, where they are reported once.
    validateResource: async (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
      if (!settingsWereRead(runOf(args.stackTags), reportViolation, args.urn)) return;
      const judgement = await judgeResource(args);
      if (judgement.error) return blocked(judgement.error, reportViolation, args.urn);
      const { reported } = runOf(args.stackTags);
      for (const finding of judgement.verdict.findings) {
        if (finding.policy !== rule.id || isAboutConfig(finding) || reported.has(findingKey(finding))) continue;
        reported.add(findingKey(finding));
        report(finding, rule, judgement, reportViolation, args.urn);
      }
    },
    validateStack: async (args, reportViolation) => {
      if (!settingsWereRead(runOf(args.stackTags), reportViolation)) return;
      const judgement = await judgeStack(args);
      if (judgement.error) return blocked(judgement.error, reportViolation);
      const { reported } = runOf(args.stackTags);
      for (const finding of judgement.verdict.findings) {
        if (finding.policy !== rule.id || reported.has(findingKey(finding))) continue;
        report(finding, rule, judgement, reportViolation, finding.resource.startsWith("urn:") ? finding.resource : undefined);
      }
    },
  } as StackValidationPolicy;
}

/** Holds the pack's settings and blocks when the rules cannot judge a resource or the stack: failure is never a pass. */
const settingsPolicy: StackValidationPolicy = {
  name: SETTINGS_POLICY,
  description: words.en.pack.settings,
  enforcementLevel: "mandatory",
  configSchema: settingsSchema(),
  validateResource: async (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    settings = args.getConfig<PackSettings>();
    runOf(args.stackTags).settingsRead = true;
    const judgement = await judgeResource(args);
    if (judgement.error) reportViolation(fill(words[langOf(settings)].pack.resourceNotJudged, { error: judgement.error }), args.urn);
  },
  validateStack: async (args, reportViolation) => {
    settings = args.getConfig<PackSettings>();
    runOf(args.stackTags).settingsRead = true;
    const judgement = await judgeStack(args);
    if (judgement.error) reportViolation(fill(words[langOf(settings)].pack.stackNotJudged, { error: judgement.error }));
  },
} as StackValidationPolicy;

/** The CrossGuard pack: the settings policy first (it runs first), then one policy per rule. */
export function souverainPolicyPack(name = "souverain"): PolicyPack {
  return new PolicyPack(name, {
    description: words.en.pack.description,
    policies: [settingsPolicy, ...Object.values(rules).map(rulePolicy)],
  });
}
