import type { Config } from "../config.js";
import { drawMap, COLOURS } from "./map.js";
import type { Report } from "./report.js";
import { className, originName, unrecognizedName } from "../names.js";
import { PROOFS, residency, roleName, type Residency, type ResidencyWords, type Row } from "./residency.js";
import { dateIn, fill, plural, words } from "../words.js";

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
  const resources = (n: number) => `${n} ${plural(lang, w.counts.resources, n)}`;
  const inputs = report.inputs
    .map((i) => `<li>${fill(w.input, { file: `<span class="id">${escape(i.file)}</span>`, description: escape(i.description), what: escape(i.empty ? w.empty : resources(i.resources)) })}</li>`)
    .join("");
  const count = (n: number, forms: { one: string; other: string }) => `<span><b>${n}</b> ${escape(plural(lang, forms, n))}</span>`;
  const dt = (label: string) => `<dt>${escape(fill(words[lang].common.label, { label }))}</dt>`;
  return `<header>
<h1>${escape(w.title)}</h1>
<div class="verdict ${s.blocked ? "blocked" : "passed"}" id="verdict">${escape(s.blocked ? w.verdict.blocked : w.verdict.passed)}</div>
<p class="counts">${count(s.resources, w.counts.resources)}${count(s.mandatory, w.counts.mandatory)}${count(s.advisory, w.counts.advisory)}${count(s.exempt, w.counts.exempt)}${s.accepted ? count(s.accepted, w.counts.accepted) : ""}</p>
<dl class="meta">
${dt(w.inputs)}<dd><ul>${inputs}</ul></dd>
${dt(w.catalog)}<dd>${escape(dateIn(lang, data.catalogAsOf))} (policies/catalog/catalog.json)</dd>
${dt(w.configuration)}<dd>${context.configFile ? `<span class="id">${escape(context.configFile)}</span>` : escape(w.noConfiguration)}</dd>
${dt(w.generated)}<dd>${escape(fill(w.generatedOn, { date: dateIn(lang, today()), tool: `${report.tool.name} ${report.tool.version}` }))}</dd>
</dl>
</header>`;
}

function summaries(data: Residency, lang: Report["lang"], w: ResidencyWords): string {
  const c = w.columns;
  const rules = data.byRule.length
    ? `<table id="by-rule"><thead><tr><th>${escape(c.rule)}</th><th>${escape(c.mandatory)}</th><th>${escape(c.advisory)}</th><th>${escape(c.exempt)}</th></tr></thead><tbody>${data.byRule
        .map((r) => `<tr><td><span class="id">${escape(r.policy)}</span><br><span class="muted">${escape(r.title)}</span></td><td class="n">${r.mandatory}</td><td class="n">${r.advisory}</td><td class="n">${r.exempt}</td></tr>`)
        .join("")}</tbody></table>`
    : `<p>${escape(w.none)}</p>`;
  const classes = `<table id="by-class"><thead><tr><th>${escape(c.dataClass)}</th><th>${escape(c.resources)}</th><th>${escape(c.blocked)}</th></tr></thead><tbody>${data.byClass
    .map((k) => `<tr><td>${escape(k.name === "—" ? w.unclassified : className(k.name, lang))}</td><td class="n">${k.resources}</td><td class="n">${k.blocked}</td></tr>`)
    .join("")}</tbody></table>`;
  return `<div class="summaries"><section><h2>${escape(w.byRule)}</h2>${rules}</section><section><h2>${escape(w.byClass)}</h2>${classes}</section></div>`;
}

/** One line per placement in a cell: the resource's own, then its copies. */
const lines = (row: Row, cell: (p: Row["placements"][number]) => string): string => row.placements.map(cell).join("<br>");

function resourceRow(row: Row, lang: Report["lang"], w: ResidencyWords): string {
  const classes = [
    ...row.classes.map((c) => escape(className(c, lang))),
    ...row.unrecognizedClasses.map((c) => `${escape(unrecognizedName(c, lang))} <span class="muted">(${escape(w.unrecognized)})</span>`),
  ];
  const origin = row.classifiedBy.length ? `<br><span class="muted">${escape(fill(w.classifiedBy, { origins: row.classifiedBy.map((o) => originName(o, lang)).join(words[lang].common.semicolon) }))}</span>` : "";
  const role = (p: Row["placements"][number]) => (roleName(w, p.placement.role) ? `<span class="muted">${escape(roleName(w, p.placement.role))}</span> ` : "");
  const proofs = PROOFS.map((k) => `<td class="proof-${row.placements[0]?.placement[k] ?? "unknown"}" data-sort="${escape(row.placements.map((p) => p.placement[k]).join(" "))}">${lines(row, (p) => w.proof[p.placement[k]])}</td>`).join("");
  const exemptions = row.exemptions
    .map((e) => `${escape(e.justification)} <span class="muted">(${escape(e.rule)}${e.acceptedBy ? `, ${escape(e.acceptedBy)}` : ""})</span>, ${escape(fill(w.until, { date: dateIn(lang, e.expires) }))}`)
    .join("<br>");
  const findings = row.findings.length ? `<ul class="findings">${row.findings.map((f) => `<li class="muted">${escape(f.message)}</li>`).join("")}</ul>` : "";
  return `<tr data-resource="${escape(row.id)}" data-decision="${row.decision}">
<td><span class="id">${escape(row.id)}</span><br><span class="muted">${escape(row.type)} · ${escape(row.file)}</span></td>
<td>${classes.length ? classes.join(", ") : `<span class="muted">${escape(w.unclassified)}</span>`}${origin}</td>
<td>${lines(row, (p) => `${role(p)}${escape(p.placement.provider ?? p.placement.cloud ?? "?")}`)}</td>
<td>${lines(row, (p) => escape(p.placement.region ?? w.unknownRegion))}</td>
<td>${lines(row, (p) => escape(p.countries || w.unknownCountry))}</td>
${proofs}
<td class="verdict-cell" data-sort="${DECISION_ORDER[row.decision]}"><span class="decision decision-${row.decision}">${escape(w.decision[row.decision])}</span>${findings}</td>
<td>${exemptions}</td>
</tr>`;
}

function table(data: Residency, lang: Report["lang"], w: ResidencyWords): string {
  const options = (Object.keys(DECISION_ORDER) as (keyof typeof DECISION_ORDER)[]).map((d) => `<option value="${d}">${escape(w.decision[d])}</option>`).join("");
  const c = w.columns;
  const headers = [c.resource, c.classes, c.cloud, c.region, c.country, ...PROOFS.map((k) => w.proofs[k]), c.decision, c.exemption];
  const rows = [...data.rows].sort((a, b) => DECISION_ORDER[a.decision] - DECISION_ORDER[b.decision]);
  return `<h2>${escape(w.table)}</h2>
<div class="controls"><label>${escape(w.filter)} <input id="filter-text" type="search"></label><select id="filter-decision" aria-label="${escape(c.decision)}"><option value="">${escape(w.all)}</option>${options}</select><span><span id="shown">${rows.length}</span> / ${rows.length} ${escape(w.shown)}</span></div>
<div class="scroll"><table id="resources"><thead><tr>${headers.map((h) => `<th scope="col">${escape(h)}</th>`).join("")}</tr></thead>
<tbody>${rows.map((row) => resourceRow(row, lang, w)).join("\n")}</tbody></table></div>`;
}

export function formatHtml(report: Report, context: HtmlContext): string {
  const lang = report.lang;
  const w = words[lang].report;
  const data = residency(report, context.config);
  const other = data.other.length
    ? `<h2>${escape(w.other)}</h2><ul>${data.other.map((f) => `<li>${fill(w.otherItem, { resource: `<span class="id">${escape(f.resource)}</span>`, level: escape(f.exempt ? w.decision.exempt : w.level[f.enforcement]), message: escape(f.message) })}</li>`).join("")}</ul>`
    : "";
  return `<!DOCTYPE html>
<html lang="${report.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${report.tool.name} ${escape(report.tool.version)}">
<title>${escape(fill(words[lang].common.labelled, { label: w.title, value: report.summary.blocked ? w.verdict.blocked : w.verdict.passed }))}</title>
<style>${STYLE}</style>
</head>
<body>
${header(report, data, context, w)}
<main>
${summaries(data, lang, w)}
<h2>${escape(w.map)}</h2>
${drawMap(data.rows, w)}
${table(data, report.lang, w)}
${other}
</main>
<footer>${report.tool.name} ${escape(report.tool.version)} · ${escape(fill(w.catalogOf, { date: dateIn(lang, data.catalogAsOf) }))}</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
