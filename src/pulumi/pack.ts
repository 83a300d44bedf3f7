import { PolicyPack, type PolicyConfigSchema, type ReportViolation, type StackValidationArgs, type StackValidationPolicy } from "@pulumi/policy";
import { validateConfig, type Config } from "../config.js";
import { Engine, rules } from "../engine.js";
import type { Finding, Lang, RuleMetadata, Verdict } from "../model/findings.js";
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
    defaultClassification: { type: "string", description: "Classification of resources that carry none, when stack tags are not available (self-managed backends)." },
    archivesRequireSecnumcloud: { type: "boolean", default: false, description: "Also require a SecNumCloud-qualified offer for archives." },
    exemptions: { type: "array", items: { type: "object" }, default: [], description: "Derogations reviewed by the security team: {rule, resource (URN), justification, expires (YYYY-MM-DD)}." },
    catalog: { type: "object", description: "Additions to and overrides of the catalog: {providers: {...}} (schemas/catalog.schema.json)." },
    packageClouds: { type: "object", additionalProperties: { type: "string" }, description: "Catalog cloud ids for Pulumi packages whose cloud is yours, e.g. {\"openstack\": \"cloud-pi\"}." },
  },
};

/** One judgement per stack analysis, shared by every policy of the pack. */
interface Judgement {
  key: string;
  verdict?: Verdict;
  error?: string;
  classifiedBy: Map<string, string[]>;
}

const engines = new Map<string, Promise<Engine>>();
let settings: PackSettings = {};
let latest: Judgement | undefined;

const keyOf = (args: StackValidationArgs) => JSON.stringify([args.resources.map((r) => r.urn), [...args.stackTags], settings]);

async function judge(args: StackValidationArgs): Promise<Judgement> {
  const key = keyOf(args);
  if (latest?.key === key) return latest;
  const { packageClouds } = settings;
  const config: Config = { ...settings };
  delete (config as PackSettings).lang;
  delete (config as PackSettings).packageClouds;
  try {
    const resources = resolveStack(args.resources as unknown as StackResource[], { stackTags: args.stackTags, packageClouds });
    const configKey = JSON.stringify(config);
    if (!engines.has(configKey)) engines.set(configKey, Engine.create({ config: validateConfig(config, `policy-pack-config "${SETTINGS_POLICY}"`) }));
    const verdict = (await engines.get(configKey)!).evaluate({ resources }, "stack");
    latest = { key, verdict, classifiedBy: new Map(verdict.resources.map((r) => [r.id, r.classifiedBy])) };
  } catch (error) {
    latest = { key, error: (error as Error).message, classifiedBy: new Map() };
  }
  return latest;
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * @pulumi/policy's reportViolation also takes {message, urn, enforcementLevel} (its server reads the
 * level per violation), though its type only declares (message, urn): hence the casts below.
 */
function report(finding: Finding, rule: RuleMetadata, judgement: Judgement, reportViolation: ReportViolation): void {
  const lang = settings.lang ?? "en";
  const origin = judgement.classifiedBy.get(finding.resource)?.join(", ");
  const exemption = finding.exemptions[0];
  const message = [
    finding.message[lang],
    origin && `Classified by: ${origin}.`,
    exemption ? `Exempt until ${exemption.expires}: ${exemption.justification}.` : sentence(rule.basis[lang]),
    !exemption && sentence(rule.fix[lang]),
  ].filter(Boolean).join(" ");
  // A finding at the rule's own level follows the level the user configured for the policy; a finding
  // whose level the rule fixes (an advisory warning, an unknown class) keeps it; an exempt one only warns.
  const enforcementLevel = finding.exempt ? "advisory" : finding.enforcement === rule.enforcement ? undefined : finding.enforcement;
  const urn = finding.resource.startsWith("urn:") ? finding.resource : undefined;
  reportViolation({ message, urn, ...(enforcementLevel ? { enforcementLevel } : {}) } as never);
}

function rulePolicy(rule: RuleMetadata): StackValidationPolicy {
  return {
    name: rule.id,
    description: rule.title,
    enforcementLevel: rule.enforcement,
    remediationSteps: rule.fix.en,
    url: rule.references[0]?.url,
    tags: ["sovereignty", ...rule.frameworks],
    framework: { name: rule.frameworks[0] ?? "Souverain", version: "", reference: rule.basis.en, specification: rule.description },
    validateStack: async (args, reportViolation) => {
      const judgement = await judge(args);
      // Never a silent pass, even when the settings policy that reports errors is disabled.
      if (judgement.error) reportViolation({ message: `Not judged, so blocked: ${judgement.error}`, enforcementLevel: "mandatory" } as never);
      for (const finding of judgement.verdict?.findings ?? []) {
        if (finding.policy === rule.id) report(finding, rule, judgement, reportViolation);
      }
    },
  };
}

/** Holds the pack's settings and blocks when the rules cannot judge the stack: failure is never a pass. */
const settingsPolicy: StackValidationPolicy = {
  name: SETTINGS_POLICY,
  description: "Souverain's settings (classification tags, class names, default classification, catalog additions, exemptions); blocks when the stack cannot be judged.",
  enforcementLevel: "mandatory",
  configSchema: settingsSchema,
  validateStack: async (args, reportViolation) => {
    settings = args.getConfig<PackSettings>();
    const judgement = await judge(args);
    if (judgement.error) reportViolation(`The sovereignty rules could not judge this stack, so it is blocked: ${judgement.error}`);
  },
};

/** The CrossGuard pack: the settings policy first (it runs first), then one policy per rule. */
export function souverainPolicyPack(name = "souverain"): PolicyPack {
  return new PolicyPack(name, {
    description: "Blocks deploys that put sensitive, archival, health or personal data where French law does not allow it.",
    policies: [settingsPolicy, ...Object.values(rules).map(rulePolicy)],
  });
}
