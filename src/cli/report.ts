import { rules } from "../engine.js";
import type { Enforcement, Finding, Lang, Localized, ResourceSummary, Verdict } from "../model/findings.js";

/** A finding as reports show it: in one language, with the rule's title, basis and fix. */
export interface ReportedFinding {
  policy: string;
  title: string;
  resource: string;
  file: string;
  enforcement: Enforcement;
  message: string;
  basis: string;
  fix: string;
  url: string | null;
  exempt: boolean;
  /** Covered only by baseline entries (souverain check --baseline): a finding accepted earlier, not new. */
  accepted: boolean;
  exemptions: Finding["exemptions"];
}

export interface Report {
  tool: { name: "souverain"; version: string };
  lang: Lang;
  /** `empty`: an empty plan (nothing to create or change), the only input judged with no resource. */
  inputs: { file: string; format: string; description: string; resources: number; empty?: true }[];
  findings: ReportedFinding[];
  resources: (ResourceSummary & { file: string })[];
  summary: {
    resources: number;
    findings: number;
    mandatory: number;
    advisory: number;
    exempt: number;
    /** Findings the baseline accepts; not counted in `exempt`. */
    accepted: number;
    byPolicy: Record<string, number>;
    /** True when a mandatory finding is not exempt: the deploy must not go ahead. */
    blocked: boolean;
  };
}

export interface JudgedInput {
  file: string;
  format: string;
  description: Localized;
  empty?: true;
  verdict: Verdict;
}

const order: Record<Enforcement, number> = { mandatory: 0, advisory: 1 };

// One collator for every comparison: localeCompare would build one per call. Ties end on the message,
// so that the order never depends on the order the rules returned findings in.
const collator = new Intl.Collator();

/** Findings about the whole run rather than one input (an exemption naming no resource judged), with the file they are about. */
export interface RunFindings {
  file: string;
  findings: Finding[];
}

export function buildReport(judged: JudgedInput[], lang: Lang, version: string, run: RunFindings[] = []): Report {
  const findings = [...judged, ...run.map(({ file, findings }) => ({ file, verdict: { findings } }))]
    .flatMap(({ file, verdict }) => verdict.findings.map((f) => localize(f, file, lang)))
    .sort((a, b) =>
      Number(a.exempt) - Number(b.exempt) ||
      order[a.enforcement] - order[b.enforcement] ||
      collator.compare(a.file, b.file) ||
      collator.compare(a.resource, b.resource) ||
      collator.compare(a.policy, b.policy) ||
      collator.compare(a.message, b.message));
  const active = findings.filter((f) => !f.exempt);
  const byPolicy: Record<string, number> = {};
  for (const f of active) byPolicy[f.policy] = (byPolicy[f.policy] ?? 0) + 1;
  const mandatory = active.filter((f) => f.enforcement === "mandatory").length;
  const accepted = findings.filter((f) => f.accepted).length;
  return {
    tool: { name: "souverain", version },
    lang,
    inputs: judged.map(({ file, format, description, empty, verdict }) => ({ file, format, description: description[lang], resources: verdict.resources.length, ...(empty ? { empty } : {}) })),
    findings,
    resources: judged.flatMap(({ file, verdict }) => verdict.resources.map((r) => ({ ...r, file }))),
    summary: {
      resources: judged.reduce((n, j) => n + j.verdict.resources.length, 0),
      findings: active.length,
      mandatory,
      advisory: active.length - mandatory,
      exempt: findings.length - active.length - accepted,
      accepted,
      byPolicy,
      blocked: mandatory > 0,
    },
  };
}

function localize(finding: Finding, file: string, lang: Lang): ReportedFinding {
  const rule = rules[finding.policy]!;
  return {
    policy: finding.policy,
    title: rule.title[lang] ?? rule.title.en,
    resource: finding.resource,
    file,
    enforcement: finding.enforcement,
    message: finding.message[lang],
    basis: rule.basis[lang],
    fix: rule.fix[lang],
    url: rule.references[0]?.url ?? null,
    exempt: finding.exempt,
    accepted: finding.exempt && finding.exemptions.every((e) => e.source === "baseline"),
    exemptions: finding.exemptions,
  };
}
