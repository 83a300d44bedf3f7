import { styleText } from "node:util";
import type { Lang } from "../model/findings.js";
import type { Report, ReportedFinding } from "./report.js";
import { forTerminal as safe } from "./terminal.js";

type Style = Parameters<typeof styleText>[0];

const words = {
  en: { basis: "Basis: ", fix: "Fix: ", exemptUntil: "exempt until", blocked: "BLOCKED", passed: "PASSED",
    resources: "resources", read: "read", mandatory: "mandatory", advisory: "advisory", exempt: "exempt", none: "No finding.",
    accepted: "accepted (baseline, not listed)", level: { mandatory: "mandatory", advisory: "advisory" }, colon: ": ",
    empty: "empty plan: nothing to create or change" },
  fr: { basis: "Fondement\u00a0: ", fix: "Correction\u00a0: ", exemptUntil: "dérogation jusqu'au", blocked: "BLOQUÉ", passed: "CONFORME",
    resources: "ressources", read: "lu", mandatory: "bloquant(s)", advisory: "avertissement(s)", exempt: "dérogation(s)", none: "Aucun constat.",
    accepted: "accepté(s) (base de référence, non listés)", level: { mandatory: "bloquant", advisory: "avertissement" }, colon: "\u00a0: ",
    empty: "plan vide : rien à créer ni à modifier" },
} satisfies Record<Lang, Record<string, string | Record<string, string>>>;

type Paint = (style: Style, text: string) => string;

/**
 * A terminal report: what was read, the findings grouped by rule (the rule's basis and fix once per
 * group), then one summary line; `quiet`, the summary line alone. Colour only when asked. What comes
 * from the input (files, descriptions, ids, messages that echo tag values) goes through `safe`.
 * Findings the baseline accepts are only counted.
 */
export function formatText(report: Report, colour: boolean, quiet = false): string {
  const paint: Paint = (style, text) => (colour ? styleText(style, text) : text);
  const w = words[report.lang];
  const s = report.summary;
  // Nothing judged can only mean empty plans (any other input without a resource is refused): say so.
  const verdict = s.blocked ? paint(["bold", "red"], w.blocked) : `${paint(["bold", "green"], w.passed)}${s.resources === 0 ? ` (${w.empty})` : ""}`;
  const summary = `${s.resources} ${w.resources} · ${s.mandatory} ${w.mandatory} · ${s.advisory} ${w.advisory} · ${s.exempt} ${w.exempt}${s.accepted ? ` · ${s.accepted} ${w.accepted}` : ""} → ${verdict}`;
  if (quiet) return summary + "\n";
  const lines: string[] = report.inputs.map((i) => paint("dim", `${w.read} ${safe(i.file)}: ${safe(i.description)}, ${i.empty ? w.empty : `${i.resources} ${w.resources}`}`));
  const several = report.inputs.length > 1;
  const groups = byRule(report.findings.filter((f) => !f.accepted));
  for (const group of groups) {
    const first = group[0]!;
    lines.push("", `${paint("bold", first.policy)} · ${first.title} (${group.length})`, paint("dim", `  ${w.basis}${first.basis}`), `  ${w.fix}${first.fix}`);
    for (const f of group) lines.push(...finding(f, several, w, paint));
  }
  if (groups.length === 0) lines.push("", w.none);
  lines.push("", summary);
  return lines.join("\n") + "\n";
}

/** Findings of one rule together, the groups in the order of their first finding (mandatory first). */
function byRule(findings: ReportedFinding[]): ReportedFinding[][] {
  const groups = new Map<string, ReportedFinding[]>();
  for (const f of findings) {
    const group = groups.get(f.policy);
    if (group) group.push(f);
    else groups.set(f.policy, [f]);
  }
  return [...groups.values()];
}

function finding(f: ReportedFinding, several: boolean, w: (typeof words)[Lang], paint: Paint): string[] {
  const [mark, style]: [string, Style] = f.exempt ? ["○", "dim"] : f.enforcement === "mandatory" ? ["✖", "red"] : ["▲", "yellow"];
  const level = f.exempt ? `${w.exemptUntil} ${f.exemptions[0]!.expires}${w.colon}${safe(f.exemptions[0]!.justification)}` : w.level[f.enforcement];
  return [
    `  ${paint(style, `${mark} ${safe(f.resource)}`)}  ${paint("dim", `[${level}]${several ? `  ${safe(f.file)}` : ""}`)}`,
    `    ${safe(f.message)}`,
  ];
}
