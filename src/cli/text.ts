import { styleText } from "node:util";
import type { Lang } from "../model/findings.js";
import type { Report, ReportedFinding } from "./report.js";
import { forTerminal as safe } from "./terminal.js";
import { dateIn, fill, plural, words, type Words } from "../words.js";

type Style = Parameters<typeof styleText>[0];

type Paint = (style: Style, text: string) => string;

/**
 * A terminal report: what was read, the findings grouped by rule (the rule's basis and fix once per
 * group), then one summary line; `quiet`, the summary line alone. Colour only when asked. What comes
 * from the input (files, descriptions, ids, messages that echo tag values) goes through `safe`.
 * Findings the baseline accepts are only counted.
 */
export function formatText(report: Report, colour: boolean, quiet = false): string {
  const paint: Paint = (style, text) => (colour ? styleText(style, text) : text);
  const lang = report.lang;
  const w = words[lang].text;
  const s = report.summary;
  // Nothing judged can only mean empty plans (any other input without a resource is refused): say so.
  const verdict = s.blocked ? paint(["bold", "red"], w.blocked) : `${paint(["bold", "green"], w.passed)}${s.resources === 0 ? ` (${w.empty})` : ""}`;
  const counts = [
    plural(lang, w.resources, s.resources),
    plural(lang, w.mandatory, s.mandatory),
    plural(lang, w.advisory, s.advisory),
    plural(lang, w.exempt, s.exempt),
    ...(s.accepted ? [plural(lang, w.accepted, s.accepted)] : []),
  ];
  const summary = `${counts.join(" · ")} → ${verdict}`;
  if (quiet) return summary + "\n";
  const lines: string[] = report.inputs.map((i) =>
    paint("dim", fill(w.read, { file: safe(i.file), description: safe(i.description), what: i.empty ? w.empty : plural(lang, w.resources, i.resources) })));
  const several = report.inputs.length > 1;
  const groups = byRule(report.findings.filter((f) => !f.accepted));
  for (const group of groups) {
    const first = group[0]!;
    lines.push("", `${paint("bold", first.policy)} · ${first.title} (${group.length})`, paint("dim", `  ${fill(w.basis, { basis: first.basis })}`), `  ${fill(w.fix, { fix: first.fix })}`);
    for (const f of group) lines.push(...finding(f, several, lang, paint));
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

function finding(f: ReportedFinding, several: boolean, lang: Lang, paint: Paint): string[] {
  const w: Words["text"] = words[lang].text;
  const [mark, style]: [string, Style] = f.exempt ? ["○", "dim"] : f.enforcement === "mandatory" ? ["✖", "red"] : ["▲", "yellow"];
  const exemption = f.exemptions[0]!;
  const level = f.exempt ? fill(w.exemptUntil, { expires: dateIn(lang, exemption.expires), justification: safe(exemption.justification) }) : w.level[f.enforcement];
  return [
    `  ${paint(style, `${mark} ${safe(f.resource)}`)}  ${paint("dim", `[${level}]${several ? `  ${safe(f.file)}` : ""}`)}`,
    `    ${safe(f.message)}`,
  ];
}
