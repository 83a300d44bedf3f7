import { styleText } from "node:util";
import type { Lang } from "../model/findings.js";
import type { Report, ReportedFinding } from "./report.js";
import { forTerminal as safe } from "./terminal.js";

type Style = Parameters<typeof styleText>[0];

const words = {
  en: { basis: "Basis", fix: "Fix", exemptUntil: "exempt until", blocked: "BLOCKED", passed: "PASSED",
    resources: "resources", read: "read", mandatory: "mandatory", advisory: "advisory", exempt: "exempt", none: "No finding.",
    accepted: "accepted (baseline, not listed)",
    empty: "empty plan: nothing to create or change" },
  fr: { basis: "Fondement", fix: "Correction", exemptUntil: "dérogation jusqu'au", blocked: "BLOQUÉ", passed: "CONFORME",
    resources: "ressources", read: "lu", mandatory: "bloquant(s)", advisory: "avertissement(s)", exempt: "dérogation(s)", none: "Aucun constat.",
    accepted: "accepté(s) (base de référence, non listés)",
    empty: "plan vide : rien à créer ni à modifier" },
} satisfies Record<Lang, Record<string, string>>;

/**
 * A terminal report: findings grouped by file, then one summary line. Colour only when asked. What
 * comes from the input (files, descriptions, ids, messages that echo tag values) goes through `safe`.
 * Findings the baseline accepts are only counted.
 */
export function formatText(report: Report, colour: boolean): string {
  const paint = (style: Style, text: string) => (colour ? styleText(style, text) : text);
  const w = words[report.lang];
  const lines: string[] = report.inputs.map((i) => paint("dim", `${w.read} ${safe(i.file)}: ${safe(i.description)}, ${i.empty ? w.empty : `${i.resources} ${w.resources}`}`));
  let file: string | undefined;
  const listed = report.findings.filter((f) => !f.accepted);
  for (const f of listed) {
    if (f.file !== file) {
      file = f.file;
      lines.push("", paint("bold", safe(file)));
    }
    lines.push(...finding(f, w, paint));
  }
  if (listed.length === 0) lines.push("", w.none);
  const s = report.summary;
  // Nothing judged can only mean empty plans (any other input without a resource is refused): say so.
  const verdict = s.blocked ? paint(["bold", "red"], w.blocked) : `${paint(["bold", "green"], w.passed)}${s.resources === 0 ? ` (${w.empty})` : ""}`;
  lines.push("", `${s.resources} ${w.resources} · ${s.mandatory} ${w.mandatory} · ${s.advisory} ${w.advisory} · ${s.exempt} ${w.exempt}${s.accepted ? ` · ${s.accepted} ${w.accepted}` : ""} → ${verdict}`);
  return lines.join("\n") + "\n";
}

function finding(f: ReportedFinding, w: (typeof words)[Lang], paint: (s: Style, t: string) => string): string[] {
  const [mark, style]: [string, Style] = f.exempt ? ["○", "dim"] : f.enforcement === "mandatory" ? ["✖", "red"] : ["▲", "yellow"];
  const level = f.exempt ? `${w.exemptUntil} ${f.exemptions[0]!.expires}: ${safe(f.exemptions[0]!.justification)}` : f.enforcement;
  return [
    `  ${paint(style, `${mark} ${f.policy}`)}  ${safe(f.resource)}  ${paint("dim", `[${level}]`)}`,
    `    ${safe(f.message)}`,
    paint("dim", `    ${w.basis}: ${f.basis}`),
    paint("dim", `    ${w.fix}: ${f.fix}`),
  ];
}
