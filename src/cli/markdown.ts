import type { Config } from "../config.js";
import type { Proof } from "../model/findings.js";
import type { Report } from "./report.js";
import { dateIn, PROOFS, residency, residencyWords, type Row } from "./residency.js";

/**
 * `souverain check --format markdown`: the summary and the table, for a merge-request comment.
 * Comments have a size limit (GitHub's is 65,536 characters), so the table stops after MAX_ROWS
 * resources, those with findings first, and says how many it left out.
 */

const MAX_ROWS = 200;
const MARK: Record<Proof, string> = { yes: "✅", no: "❌", unknown: "❔" };

/** A value in a table cell: no line break, no pipe, no Markdown or HTML that the input could slip in. */
const cell = (text: string): string =>
  text.replace(/[\r\n]+/g, " ").replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);

/** Code in a table cell: GFM splits cells on a pipe even inside a code span, unless it is escaped. */
const code = (text: string): string => `\`${text.replace(/[\r\n]+/g, " ").replace(/`/g, "'").replace(/\|/g, "\\|")}\``;

const colonOf = (lang: Report["lang"]) => (lang === "fr" ? "\u00a0:" : ":");

export function formatMarkdown(report: Report, context: { config: Config; configFile?: string }): string {
  const w = residencyWords[report.lang];
  const data = residency(report, context.config);
  const s = report.summary;
  const colon = colonOf(report.lang);
  const out: string[] = [
    `### ${w.title}${colon} ${s.blocked ? "⛔" : "✅"} ${s.blocked ? w.verdict.blocked : w.verdict.passed}`,
    "",
    `**${s.resources}** ${w.resources} · **${s.mandatory}** ${w.mandatory} · **${s.advisory}** ${w.advisory} · **${s.exempt}** ${w.exempt}${s.accepted ? ` · **${s.accepted}** ${w.accepted}` : ""}`,
    "",
    `${w.inputs}${colon} ${report.inputs.map((i) => `${code(i.file)} (${i.empty ? w.empty : `${i.resources} ${w.resources}`})`).join(", ")} · ${w.catalog} ${dateIn(report.lang, data.catalogAsOf)} · ${w.configuration}${colon} ${context.configFile ? code(context.configFile) : w.noConfiguration}`,
    "",
  ];
  if (data.byRule.length) {
    out.push(`#### ${w.byRule}`, "", `| ${w.rule} | ${w.mandatory} | ${w.advisory} | ${w.exempt} |`, "|---|---:|---:|---:|");
    for (const r of data.byRule) out.push(`| ${code(r.policy)} ${cell(r.title)} | ${r.mandatory} | ${r.advisory} | ${r.exempt} |`);
  } else {
    out.push(w.none);
  }
  out.push("", `#### ${w.byClass}`, "", `| ${w.dataClass} | ${w.resources} | ${w.blockedResources} |`, "|---|---:|---:|");
  for (const c of data.byClass) out.push(`| ${cell(c.name === "—" ? w.unclassified : c.name)} | ${c.resources} | ${c.blocked} |`);

  const order = { blocked: 0, advisory: 1, exempt: 2, compliant: 3 } as const;
  const rows = [...data.rows].sort((a, b) => order[a.decision] - order[b.decision]);
  const headers = [w.resource, w.classes, w.cloud, w.region, w.country, ...PROOFS.map((k) => w.proofs[k]), w.decisionHeader, w.exemption];
  out.push("", `#### ${w.table}`, "", `| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`);
  for (const row of rows.slice(0, MAX_ROWS)) out.push(line(row, report.lang));
  const more = rows.length - MAX_ROWS;
  if (more > 0) out.push("", report.lang === "fr" ? `… et ${more} autres ressources, non affichées\u00a0: voir \`--format html\` ou \`--format json\`.` : `… and ${more} more resources, not shown: see \`--format html\` or \`--format json\`.`);
  if (data.other.length) {
    out.push("", `#### ${w.other}`, "");
    for (const f of data.other) out.push(`- ${code(f.resource)} (${f.exempt ? w.exempt : w.level[f.enforcement]})${colon} ${cell(f.message)}`);
  }
  out.push("", `${MARK.yes} ${w.proof.yes} · ${MARK.no} ${w.proof.no} · ${MARK.unknown} ${w.proof.unknown}`);
  return out.join("\n") + "\n";
}

function line(row: Row, lang: Report["lang"]): string {
  const w = residencyWords[lang];
  const each = (f: (p: Row["placements"][number]) => string) => row.placements.map(f).join("<br>");
  const role = (p: Row["placements"][number]) => (w.role[p.placement.role] ? `${w.role[p.placement.role]} ` : "");
  const cells = [
    code(row.id),
    [...row.classes, ...row.unrecognizedClasses.map((c) => `${c} (${w.unrecognized})`)].map(cell).join(", ") || w.unclassified,
    each((p) => `${role(p)}${cell(p.placement.provider ?? p.placement.cloud ?? "?")}`),
    each((p) => cell(p.placement.region ?? w.unknownPlace)),
    each((p) => cell(p.countries || w.unknownPlace)),
    ...PROOFS.map((k) => each((p) => MARK[p.placement[k]])),
    `${{ blocked: "⛔", advisory: "⚠️", exempt: "🔖", compliant: "✅" }[row.decision]} ${w.decision[row.decision]}`,
    row.exemptions.map((e) => `${cell(e.justification)} (${w.until} ${dateIn(lang, e.expires)})`).join("<br>"),
  ];
  return `| ${cells.join(" | ")} |`;
}
