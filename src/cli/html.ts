import type { Config } from "../config.js";
import { drawMap, COLOURS } from "./map.js";
import type { Report } from "./report.js";
import { dateIn, PROOFS, residency, residencyWords, type Residency, type ResidencyWords, type Row } from "./residency.js";

/**
 * `souverain check --format html`: the page a security officer signs. One file that opens offline: the
 * styles, the map (inline SVG) and the small sorting and filtering script are in it, and its Content
 * Security Policy forbids the browser any request, so nothing in it can reach the network.
 */

export interface HtmlContext {
  config: Config;
  /** The configuration file used, if any. */
  configFile?: string;
}

/** Today, unless SOURCE_DATE_EPOCH (reproducible-builds.org) fixes the date, as for a report kept in a repository. */
function today(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return new Date(process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? epoch * 1000 : Date.now()).toISOString().slice(0, 10);
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const STYLE = `
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: #1f2328; }
body { margin: 0 auto; max-width: 1400px; padding: 16px 24px; font-size: 14px; line-height: 1.4; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 24px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
.verdict { display: inline-block; padding: 6px 12px; border-radius: 4px; font-weight: 700; color: #fff; margin: 8px 0; }
.verdict.blocked { background: ${COLOURS.blocked}; } .verdict.passed { background: ${COLOURS.compliant}; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; } dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; }
.counts span { margin-right: 16px; } .counts b { font-size: 16px; }
.summaries { display: flex; flex-wrap: wrap; gap: 24px; } .summaries section { flex: 1 1 380px; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #d0d7de; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
#resources th { cursor: pointer; user-select: none; white-space: nowrap; } #resources th[aria-sort="ascending"]::after { content: " ▲"; } #resources th[aria-sort="descending"]::after { content: " ▼"; }
#resources td { font-size: 12.5px; } .id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; } .muted { color: #59636e; font-size: 11.5px; }
.proof-yes { background: #e6f4ea; } .proof-no { background: #fdecea; } .proof-unknown { background: #fff4d6; }
.decision { font-weight: 700; white-space: nowrap; } .verdict-cell { min-width: 220px; } .scroll { overflow-x: auto; } ${Object.entries(COLOURS).map(([d, c]) => `.decision-${d} { color: ${c}; }`).join(" ")}
.controls { display: flex; gap: 12px; align-items: center; margin: 8px 0; } .controls input { padding: 4px 6px; min-width: 280px; }
.map { width: 100%; max-width: 900px; height: auto; display: block; border: 1px solid #d0d7de; }
.map .sea { fill: #dcebf5; } .map .land { fill: #efece4; stroke: none; } .map .borders { fill: none; stroke: #b9b4a8; stroke-width: 0.6; }
.map .graticule { fill: none; stroke: #c7dbe9; stroke-width: 0.5; } .map .inset-frame { fill: #fff; stroke: #8c959f; } .map .europe-frame { fill: none; stroke: #1f2328; stroke-width: 1; }
.map .marker { stroke: #fff; stroke-width: 1; } .map .caption { font-size: 12px; font-weight: 600; fill: #1f2328; } .map .label { font-size: 11px; fill: #1f2328; } .map .strip { fill: #f6f8fa; }
ul.findings { margin: 4px 0 0 16px; padding: 0; }
footer { margin-top: 24px; color: #59636e; font-size: 12px; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { max-width: none; padding: 0; font-size: 10.5px; }
  .controls { display: none; } .scroll { overflow: visible; } #resources th { cursor: auto; } #resources th::after { content: "" !important; }
  tr, .map, section { break-inside: avoid; } h2 { break-after: avoid; }
  .verdict, .proof-yes, .proof-no, .proof-unknown, .map { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

// Sorting by a column's text (numbers as numbers), filtering by free text and by decision. No library.
const SCRIPT = `
(() => {
  const table = document.getElementById("resources");
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const text = document.getElementById("filter-text");
  const decision = document.getElementById("filter-decision");
  const count = document.getElementById("shown");
  const collator = new Intl.Collator(document.documentElement.lang, { numeric: true, sensitivity: "base" });
  const filter = () => {
    const words = text.value.toLowerCase().split(/\\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const visible = (!decision.value || row.dataset.decision === decision.value) && words.every((w) => row.textContent.toLowerCase().includes(w));
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    count.textContent = String(shown);
  };
  text.addEventListener("input", filter);
  decision.addEventListener("change", filter);
  Array.from(table.tHead.rows[0].cells).forEach((th, column) => {
    th.tabIndex = 0;
    const sort = () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      for (const other of th.parentElement.cells) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const key = (row) => row.cells[column].dataset.sort ?? row.cells[column].textContent.trim();
      rows.sort((a, b) => (ascending ? 1 : -1) * collator.compare(key(a), key(b)));
      body.append(...rows);
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); } });
  });
})();`;

const DECISION_ORDER = { blocked: 0, advisory: 1, exempt: 2, compliant: 3 } as const;

function header(report: Report, data: Residency, context: HtmlContext, w: ResidencyWords): string {
  const s = report.summary;
  const lang = report.lang;
  const inputs = report.inputs
    .map((i) => `<li><span class="id">${escape(i.file)}</span>: ${escape(i.description)}, ${i.empty ? escape(w.empty) : `${i.resources} ${w.resources}`}</li>`)
    .join("");
  const colon = lang === "fr" ? "\u00a0:" : ":";
  return `<header>
<h1>${escape(w.title)}</h1>
<div class="verdict ${s.blocked ? "blocked" : "passed"}" id="verdict">${escape(s.blocked ? w.verdict.blocked : w.verdict.passed)}</div>
<p class="counts"><span><b>${s.resources}</b> ${w.resources}</span><span><b>${s.mandatory}</b> ${w.mandatory}</span><span><b>${s.advisory}</b> ${w.advisory}</span><span><b>${s.exempt}</b> ${w.exempt}</span>${s.accepted ? `<span><b>${s.accepted}</b> ${w.accepted}</span>` : ""}</p>
<dl class="meta">
<dt>${escape(w.inputs)}${colon}</dt><dd><ul>${inputs}</ul></dd>
<dt>${escape(w.catalog)}${colon}</dt><dd>${escape(dateIn(lang, data.catalogAsOf))} (policies/catalog/catalog.json)</dd>
<dt>${escape(w.configuration)}${colon}</dt><dd>${context.configFile ? `<span class="id">${escape(context.configFile)}</span>` : escape(w.noConfiguration)}</dd>
<dt>${escape(w.generated)}${colon}</dt><dd>${escape(dateIn(lang, today()))}, ${w.by} ${report.tool.name} ${escape(report.tool.version)}</dd>
</dl>
</header>`;
}

function summaries(data: Residency, w: ResidencyWords): string {
  const rules = data.byRule.length
    ? `<table id="by-rule"><thead><tr><th>${w.rule}</th><th>${w.mandatory}</th><th>${w.advisory}</th><th>${w.exempt}</th></tr></thead><tbody>${data.byRule
        .map((r) => `<tr><td><span class="id">${escape(r.policy)}</span><br><span class="muted">${escape(r.title)}</span></td><td class="n">${r.mandatory}</td><td class="n">${r.advisory}</td><td class="n">${r.exempt}</td></tr>`)
        .join("")}</tbody></table>`
    : `<p>${escape(w.none)}</p>`;
  const classes = `<table id="by-class"><thead><tr><th>${w.dataClass}</th><th>${w.resources}</th><th>${w.blockedResources}</th></tr></thead><tbody>${data.byClass
    .map((c) => `<tr><td>${escape(c.name === "—" ? w.unclassified : c.name)}</td><td class="n">${c.resources}</td><td class="n">${c.blocked}</td></tr>`)
    .join("")}</tbody></table>`;
  return `<div class="summaries"><section><h2>${w.byRule}</h2>${rules}</section><section><h2>${w.byClass}</h2>${classes}</section></div>`;
}

/** One line per placement in a cell: the resource's own, then its copies. */
const lines = (row: Row, cell: (p: Row["placements"][number]) => string): string => row.placements.map(cell).join("<br>");

function resourceRow(row: Row, lang: Report["lang"], w: ResidencyWords): string {
  const classes = [
    ...row.classes.map(escape),
    ...row.unrecognizedClasses.map((c) => `${escape(c)} <span class="muted">(${w.unrecognized})</span>`),
  ];
  const origin = row.classifiedBy.length ? `<br><span class="muted">${w.classifiedBy} ${row.classifiedBy.map(escape).join("; ")}</span>` : "";
  const role = (p: Row["placements"][number]) => (w.role[p.placement.role] ? `<span class="muted">${escape(w.role[p.placement.role]!)}</span> ` : "");
  const proofs = PROOFS.map((k) => `<td class="proof-${row.placements[0]?.placement[k] ?? "unknown"}" data-sort="${escape(row.placements.map((p) => p.placement[k]).join(" "))}">${lines(row, (p) => w.proof[p.placement[k]])}</td>`).join("");
  const exemptions = row.exemptions
    .map((e) => `${escape(e.justification)} <span class="muted">(${escape(e.rule)}${e.acceptedBy ? `, ${escape(e.acceptedBy)}` : ""})</span>, ${w.until} ${escape(dateIn(lang, e.expires))}`)
    .join("<br>");
  const findings = row.findings.length ? `<ul class="findings">${row.findings.map((f) => `<li class="muted">${escape(f.message)}</li>`).join("")}</ul>` : "";
  return `<tr data-resource="${escape(row.id)}" data-decision="${row.decision}">
<td><span class="id">${escape(row.id)}</span><br><span class="muted">${escape(row.type)} · ${escape(row.file)}</span></td>
<td>${classes.length ? classes.join(", ") : `<span class="muted">${w.unclassified}</span>`}${origin}</td>
<td>${lines(row, (p) => `${role(p)}${escape(p.placement.provider ?? p.placement.cloud ?? "?")}`)}</td>
<td>${lines(row, (p) => escape(p.placement.region ?? w.unknownPlace))}</td>
<td>${lines(row, (p) => escape(p.countries || w.unknownPlace))}</td>
${proofs}
<td class="verdict-cell" data-sort="${DECISION_ORDER[row.decision]}"><span class="decision decision-${row.decision}">${escape(w.decision[row.decision])}</span>${findings}</td>
<td>${exemptions}</td>
</tr>`;
}

function table(data: Residency, lang: Report["lang"], w: ResidencyWords): string {
  const options = (Object.keys(DECISION_ORDER) as (keyof typeof DECISION_ORDER)[]).map((d) => `<option value="${d}">${escape(w.decision[d])}</option>`).join("");
  const headers = [w.resource, w.classes, w.cloud, w.region, w.country, ...PROOFS.map((k) => w.proofs[k]), w.decisionHeader, w.exemption];
  const rows = [...data.rows].sort((a, b) => DECISION_ORDER[a.decision] - DECISION_ORDER[b.decision]);
  return `<h2>${w.table}</h2>
<div class="controls"><label>${w.filter} <input id="filter-text" type="search"></label><select id="filter-decision" aria-label="${escape(w.decisionHeader)}"><option value="">${w.all}</option>${options}</select><span><span id="shown">${rows.length}</span> / ${rows.length} ${w.shown}</span></div>
<div class="scroll"><table id="resources"><thead><tr>${headers.map((h) => `<th scope="col">${escape(h)}</th>`).join("")}</tr></thead>
<tbody>${rows.map((row) => resourceRow(row, lang, w)).join("\n")}</tbody></table></div>`;
}

export function formatHtml(report: Report, context: HtmlContext): string {
  const w = residencyWords[report.lang];
  const data = residency(report, context.config);
  const other = data.other.length
    ? `<h2>${w.other}</h2><ul>${data.other.map((f) => `<li><span class="id">${escape(f.resource)}</span> (${escape(f.exempt ? w.exempt : w.level[f.enforcement])}): ${escape(f.message)}</li>`).join("")}</ul>`
    : "";
  return `<!DOCTYPE html>
<html lang="${report.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${report.tool.name} ${escape(report.tool.version)}">
<title>${escape(w.title)}: ${escape(report.summary.blocked ? w.verdict.blocked : w.verdict.passed)}</title>
<style>${STYLE}</style>
</head>
<body>
${header(report, data, context, w)}
<main>
${summaries(data, w)}
<h2>${w.map}</h2>
${drawMap(data.rows, w)}
${table(data, report.lang, w)}
${other}
</main>
<footer>${report.tool.name} ${escape(report.tool.version)} · ${escape(w.catalog)} ${escape(dateIn(report.lang, data.catalogAsOf))}</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
