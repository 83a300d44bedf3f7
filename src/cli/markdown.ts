import type { Config } from "../config.js";
import type { Proof } from "../model/findings.js";
import type { Report } from "./report.js";
import { dateIn, fill, plural, words } from "../words.js";
import { className, unrecognizedName } from "../names.js";
import { PROOFS, residency, roleName, type Row } from "./residency.js";

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

export function formatMarkdown(report: Report, context: { config: Config; configFile?: string }): string {
  const lang = report.lang;
  const w = words[lang].report;
  const labelled = (label: string, value: string) => fill(words[lang].common.labelled, { label, value });
  const data = residency(report, context.config);
  const s = report.summary;
  const count = (n: number, forms: { one: string; other: string }) => `**${n}** ${plural(lang, forms, n)}`;
  const c = w.columns;
  const out: string[] = [
    `### ${labelled(w.title, `${s.blocked ? "⛔" : "✅"} ${s.blocked ? w.verdict.blocked : w.verdict.passed}`)}`,
    "",
    [count(s.resources, w.counts.resources), count(s.mandatory, w.counts.mandatory), count(s.advisory, w.counts.advisory), count(s.exempt, w.counts.exempt), ...(s.accepted ? [count(s.accepted, w.counts.accepted)] : [])].join(" · "),
    "",
    [
      labelled(w.inputs, report.inputs.map((i) => `${code(i.file)} (${i.empty ? w.empty : `${i.resources} ${plural(lang, w.counts.resources, i.resources)}`})`).join(", ")),
      fill(w.catalogOf, { date: dateIn(lang, data.catalogAsOf) }),
      labelled(w.configuration, context.configFile ? code(context.configFile) : w.noConfiguration),
    ].join(" · "),
    "",
  ];
  if (data.byRule.length) {
    out.push(`#### ${w.byRule}`, "", `| ${c.rule} | ${c.mandatory} | ${c.advisory} | ${c.exempt} |`, "|---|---:|---:|---:|");
    for (const r of data.byRule) out.push(`| ${code(r.policy)} ${cell(r.title)} | ${r.mandatory} | ${r.advisory} | ${r.exempt} |`);
  } else {
    out.push(w.none);
  }
  out.push("", `#### ${w.byClass}`, "", `| ${c.dataClass} | ${c.resources} | ${c.blocked} |`, "|---|---:|---:|");
  for (const k of data.byClass) out.push(`| ${cell(k.name === "—" ? w.unclassified : className(k.name, lang))} | ${k.resources} | ${k.blocked} |`);

  const order = { blocked: 0, advisory: 1, exempt: 2, compliant: 3 } as const;
  const rows = [...data.rows].sort((a, b) => order[a.decision] - order[b.decision]);
  const headers = [c.resource, c.classes, c.cloud, c.region, c.country, ...PROOFS.map((k) => w.proofs[k]), c.decision, c.exemption];
  out.push("", `#### ${w.table}`, "", `| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`);
  for (const row of rows.slice(0, MAX_ROWS)) out.push(line(row, lang));
  const more = rows.length - MAX_ROWS;
  if (more > 0) out.push("", plural(lang, w.more, more));
  if (data.other.length) {
    out.push("", `#### ${w.other}`, "");
    for (const f of data.other) out.push(`- ${fill(w.otherItem, { resource: code(f.resource), level: f.exempt ? w.decision.exempt : w.level[f.enforcement], message: cell(f.message) })}`);
  }
  out.push("", `${MARK.yes} ${w.proof.yes} · ${MARK.no} ${w.proof.no} · ${MARK.unknown} ${w.proof.unknown}`);
  return out.join("\n") + "\n";
}

function line(row: Row, lang: Report["lang"]): string {
  const w = words[lang].report;
  const each = (f: (p: Row["placements"][number]) => string) => row.placements.map(f).join("<br>");
  const role = (p: Row["placements"][number]) => (roleName(w, p.placement.role) ? `${roleName(w, p.placement.role)} ` : "");
  const cells = [
    code(row.id),
    [...row.classes.map((c) => className(c, lang)), ...row.unrecognizedClasses.map((c) => `${unrecognizedName(c, lang)} (${w.unrecognized})`)].map(cell).join(", ") || w.unclassified,
    each((p) => `${role(p)}${cell(p.placement.provider ?? p.placement.cloud ?? "?")}`),
    each((p) => cell(p.placement.region ?? w.unknownRegion)),
    each((p) => cell(p.countries || w.unknownCountry)),
    ...PROOFS.map((k) => each((p) => MARK[p.placement[k]])),
    `${{ blocked: "⛔", advisory: "⚠️", exempt: "🔖", compliant: "✅" }[row.decision]} ${w.decision[row.decision]}`,
    row.exemptions.map((e) => `${cell(e.justification)} (${fill(w.until, { date: dateIn(lang, e.expires) })})`).join("<br>"),
  ];
  return `| ${cells.join(" | ")} |`;
}
