import {
  PolicyPack,
  type PolicyConfigSchema,
  type ReportViolation,
  type ResourceValidationArgs,
  type StackValidationArgs,
  type StackValidationPolicy,
} from "@pulumi/policy";
import { validateConfig, type Config } from "../config.js";
import { Engine, rules } from "../engine.js";
import type { CanonicalResource } from "../model/canonical.js";
import type { Finding, Lang, RuleMetadata, Verdict } from "../model/findings.js";
import type { PulumiResource } from "./resolve.js";
import { RunMemory } from "./run.js";
import { resolveStack, type StackResource } from "./stack.js";

/** The pack's own settings, under the `souverain` policy of --policy-pack-config. */
export interface PackSettings extends Omit<Config, "enforcement"> {
  /** Language of the messages. */
  lang?: Lang;
  /** Catalog clouds for Pulumi packages whose cloud is yours, e.g. {"openstack": "cloud-pi"}. */
  packageClouds?: Record<string, string>;
}

const SETTINGS_POLICY = "souverain";

const settingsSchema: PolicyConfigSchema = {
  properties: {
    lang: { type: "string", enum: ["en", "fr"], default: "en", description: "Language of the messages." },
    classificationTags: { type: "array", items: { type: "string" }, default: ["data-classification"], description: "Tag keys that carry the data classification." },
    classAliases: { type: "object", additionalProperties: { type: "string", enum: ["public", "internal", "personal", "health", "sensitive", "restricted", "archive"] }, description: "Your own class names, mapped to Souverain's." },
    defaultClassification: { type: "string", description: "Classification of resources that carry none (after their tags, their provider's default tags and the stack's tags)." },
    archivesRequireSecnumcloud: { type: "boolean", default: false, description: "Also require a SecNumCloud-qualified offer for archives." },
    exemptions: { type: "array", items: { type: "object" }, default: [], description: "Derogations reviewed by the security team: {rule, resource (URN), justification, expires (YYYY-MM-DD)}." },
    catalog: { type: "object", description: "Additions to and overrides of the catalog: {providers: {...}} (schemas/catalog.schema.json)." },
    packageClouds: { type: "object", additionalProperties: { type: "string" }, description: "Catalog cloud ids for Pulumi packages whose cloud is yours, e.g. {\"openstack\": \"cloud-pi\"}." },
  },
};

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
  if (!state) runs.set(stackTags, (state = { memory: new RunMemory(), reported: new Set(), analyzed: new Map(), judgedAs: new Map() }));
  return state;
}

const NOTHING: Verdict = { findings: [], resources: [] };

async function evaluate(resources: CanonicalResource[], copiedSources = new Map<string, string>()): Promise<Judgement> {
  const config: Config & PackSettings = { ...settings };
  delete config.lang;
  delete config.packageClouds;
  try {
    const configKey = JSON.stringify(config);
    if (!engines.has(configKey)) engines.set(configKey, Engine.create({ config: validateConfig(config, `policy-pack-config "${SETTINGS_POLICY}"`) }));
    return { verdict: (await engines.get(configKey)!).evaluate({ resources }, "stack"), copiedSources };
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
        (resources) => evaluate(resources.filter((r) => state.judgedAs.get(r.id) !== JSON.stringify(r))),
        (error: Error) => ({ verdict: NOTHING, error: error.message, copiedSources: new Map() }),
      );
    state.stack = { key, judgement };
  }
  return state.stack.judgement;
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
const DATA_OF: Record<Lang, (name: string) => string> = {
  en: (name) => `Data of ${name}, copied by this resource:`,
  fr: (name) => `Données de ${name}, copiées par cette ressource :`,
};

/**
 * @pulumi/policy's reportViolation also takes {message, urn, enforcementLevel} (its server reads the
 * level per violation), though its type only declares (message, urn): hence the casts below.
 */
function report(finding: Finding, rule: RuleMetadata, judgement: Judgement, reportViolation: ReportViolation, urn?: string): void {
  const lang = settings.lang ?? "en";
  const origin = judgement.verdict.resources.find((r) => r.id === finding.resource)?.classifiedBy.join(", ");
  const source = judgement.copiedSources.get(finding.resource);
  const exemption = finding.exemptions[0];
  const message = [
    source && DATA_OF[lang](source),
    finding.message[lang],
    origin && `Classified by: ${origin}.`,
    exemption ? `Exempt until ${exemption.expires}: ${exemption.justification}.` : sentence(rule.basis[lang]),
    !exemption && sentence(rule.fix[lang]),
  ].filter(Boolean).join(" ");
  // A finding at the rule's own level follows the level the user configured for the policy; a finding
  // whose level the rule fixes (an advisory warning, an unknown class) keeps it; an exempt one only warns.
  const enforcementLevel = finding.exempt ? "advisory" : finding.enforcement === rule.enforcement ? undefined : finding.enforcement;
  reportViolation({ message, urn, ...(enforcementLevel ? { enforcementLevel } : {}) } as never);
}

const findingKey = (f: Finding) => JSON.stringify([f.policy, f.resource, f.message.en, f.enforcement, f.exempt]);
const isAboutConfig = (f: Finding) => f.resource.startsWith("config:");

/** Never a silent pass, even when the settings policy that reports errors is disabled. */
const blocked = (error: string, reportViolation: ReportViolation, urn?: string) =>
  reportViolation({ message: `Not judged, so blocked: ${error}`, urn, enforcementLevel: "mandatory" } as never);

/**
 * A rule's policy judges each resource before it is created (Analyze: a mandatory finding there stops
 * the create, in `pulumi up --skip-preview` too) and the whole stack once every resource is
 * registered (AnalyzeStack), reporting there only what Analyze could not see.
 */
function rulePolicy(rule: RuleMetadata): StackValidationPolicy {
  return {
    name: rule.id,
    description: rule.title,
    enforcementLevel: rule.enforcement,
    remediationSteps: rule.fix.en,
    url: rule.references[0]?.url,
    tags: ["sovereignty", ...rule.frameworks],
    framework: { name: rule.frameworks[0] ?? "Souverain", version: "", reference: rule.basis.en, specification: rule.description },
    // Judged once per resource whatever the number of policies (judgeResource is memoised per URN);
    // findings about the configuration wait for the stack, where they are reported once.
    validateResource: async (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
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
  description: "Souverain's settings (classification tags, class names, default classification, catalog additions, exemptions); blocks when the stack cannot be judged.",
  enforcementLevel: "mandatory",
  configSchema: settingsSchema,
  validateResource: async (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    settings = args.getConfig<PackSettings>();
    const judgement = await judgeResource(args);
    if (judgement.error) reportViolation(`The sovereignty rules could not judge this resource, so it is blocked: ${judgement.error}`, args.urn);
  },
  validateStack: async (args, reportViolation) => {
    settings = args.getConfig<PackSettings>();
    const judgement = await judgeStack(args);
    if (judgement.error) reportViolation(`The sovereignty rules could not judge this stack, so it is blocked: ${judgement.error}`);
  },
} as StackValidationPolicy;

/** The CrossGuard pack: the settings policy first (it runs first), then one policy per rule. */
export function souverainPolicyPack(name = "souverain"): PolicyPack {
  return new PolicyPack(name, {
    description: "Blocks deploys that put sensitive, archival, health or personal data where French law does not allow it.",
    policies: [settingsPolicy, ...Object.values(rules).map(rulePolicy)],
  });
}
