/** souverain check --format html and --format markdown, run as a user runs them. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dateIn } from "../src/words.js";
import { repoRoot } from "./helpers/root.js";
import { scratch, souverain } from "./helpers/souverain.js";

const { write } = scratch("souverain-html-");
const examples = ["check", "examples/canonical", "--config", "examples/souverain.config.json"];
const inputIds = readdirSync(join(repoRoot, "examples", "canonical"))
  .flatMap((f) => (JSON.parse(readFileSync(join(repoRoot, "examples", "canonical", f), "utf8")) as { resources: { id: string }[] }).resources.map((r) => r.id))
  .sort();
const catalogAsOf = (JSON.parse(readFileSync(join(repoRoot, "policies", "catalog", "catalog.json"), "utf8")) as { asOf: string }).asOf;

function html(args: string[], env: Record<string, string> = {}): string {
  const file = join(scratch("souverain-html-out-").dir, "report.html");
  const run = souverain([...args, "--format", "html", "--output", file], { env });
  expect(run.stderr).toBe("");
  expect(run.stdout).toContain(args.includes("fr") ? `Rapport (html) écrit dans ${file}` : `Report (html) written to ${file}`);
  return readFileSync(file, "utf8");
}

const ids = (page: string, element: RegExp) => [...page.matchAll(new RegExp(`${element.source} data-resource="([^"]*)"`, "g"))].map((m) => m[1]!);

describe("souverain check --format html", () => {
  const page = html(examples);

  it("is one self-contained page: no URL to load, no external style, font or script, and a policy that forbids any request", () => {
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(page).not.toMatch(/\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?[^"'\s>]*:/i);
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<link\b|@import|url\(|<iframe\b|<object\b|<embed\b|<img\b/i);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`);
  });

  it("has the header: what was judged, the counts, the catalog date, the configuration and the verdict", () => {
    expect(page).toContain('<div class="verdict blocked" id="verdict">BLOCKED: do not deploy</div>');
    expect(page).toContain("examples/canonical/ministere-compliant.json</span>: canonical resources, 7 resources");
    expect(page).toContain("examples/canonical/ministere-violations.json</span>: canonical resources, 12 resources");
    expect(page).toContain("<b>19</b> resources</span><span><b>11</b> mandatory</span><span><b>2</b> advisory</span><span><b>1</b> exempt</span>");
    expect(page).toContain(`<dt>Catalog:</dt><dd>${catalogAsOf} (policies/catalog/catalog.json)</dd>`);
    expect(page).toContain('<dt>Configuration:</dt><dd><span class="id">examples/souverain.config.json</span></dd>');
  });

  it("summarises by rule and by data class", () => {
    expect(page).toMatch(/<table id="by-rule">.*archives-stay-in-france.*<td class="n">3<\/td><td class="n">0<\/td><td class="n">0<\/td>/s);
    expect(page).toMatch(/<table id="by-rule">.*personal-stays-in-eu.*<td class="n">0<\/td><td class="n">1<\/td><td class="n">1<\/td>/s);
    expect(page).toMatch(/<table id="by-class">.*<td>public archives<\/td><td class="n">5<\/td><td class="n">4<\/td>/s);
  });

  it("has a row and a map marker for every resource of the input", () => {
    expect(ids(page, /<tr/).sort()).toEqual(inputIds);
    expect([...new Set(ids(page, /<circle class="marker"/))].sort()).toEqual(inputIds);
  });

  it("gives each row the proofs, the decision, where the classes came from, and the exemption with its expiry", () => {
    const row = (id: string) => page.slice(page.indexOf(`<tr data-resource="${id}"`), page.indexOf("</tr>", page.indexOf(`<tr data-resource="${id}"`)));
    expect(row("crm-usagers-virginie")).toContain('data-decision="exempt"');
    expect(row("crm-usagers-virginie")).toContain("DINUM-DEROG-2026-042 (migration vers une région de l&#39;UE prévue) <span class=\"muted\">(personal-stays-in-eu)</span>, until 2027-06-30");
    expect(row("bucket-sensible-aws-paris")).toMatch(/<td class="proof-yes"[^>]*>yes<\/td>.*<td class="proof-no"[^>]*>no<\/td>/s);
    expect(row("bucket-sensible-aws-paris")).toContain("from tag data-classification (resource)");
    expect(row("base-rh-region-inconnue")).toContain('<td class="proof-unknown" data-sort="unknown">unknown</td>');
    // A replica is a second line in the same row.
    expect(row("registre-replique-hors-france")).toContain('OVHcloud<br><span class="muted">replica</span> OVHcloud');
    expect(row("registre-replique-hors-france")).toContain("<td>France<br>Canada</td>");
  });

  it("draws Europe and the world from Natural Earth, with each placement where its region is", () => {
    expect(page).toMatch(/<path class="land" d="M[-\d.,LMZ]{20000,}"\/>/);
    expect(page).toContain('<g class="site" data-place="Falkenstein"><circle class="marker" data-resource="imagerie-medicale-hetzner" data-decision="blocked"');
    // Outside Europe (the world inset): the replica in Canada; no single place: a global service.
    expect(page).toMatch(/<g class="site" data-place="Beauharnois"><circle class="marker" data-resource="registre-replique-hors-france"[^>]* r="3.2"/);
    expect(page).toMatch(/<g class="nowhere">.*data-resource="cdn-archives".*<\/g>/s);
  });

  it("prints: a print style sheet, landscape A4, without the controls", () => {
    expect(page).toMatch(/@media print \{\s*@page \{ size: A4 landscape;[^}]*\}[^@]*\.controls \{ display: none; \}/);
  });

  it("in French: labels, typography and dates as a French reader writes them", () => {
    const fr = html([...examples, "--lang", "fr"], { SOURCE_DATE_EPOCH: String(Date.UTC(2027, 2, 31) / 1000) });
    expect(fr).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(fr).toContain('id="verdict">BLOQUÉ\u00a0: ne pas déployer</div>');
    expect(fr).toContain("<dt>Établi\u00a0:</dt><dd>le 31 mars 2027, par souverain");
    expect(fr).toContain(`<dt>Catalogue\u00a0:</dt><dd>${dateIn("fr", catalogAsOf)} (policies`);
    expect(fr).toContain("examples/canonical/ministere-compliant.json</span>\u00a0: ressources canoniques, 7 ressources");
    expect(fr).toContain("<b>19</b> ressources</span><span><b>11</b> constats bloquants</span><span><b>2</b> avertissements</span><span><b>1</b> constat sous dérogation</span>");
    expect(fr).toMatch(/<table id="by-class">.*<td>archives publiques<\/td><td class="n">5<\/td>/s);
    expect(fr).toContain(`<footer>souverain`);
    expect(fr).toContain(`· Catalogue du ${dateIn("fr", catalogAsOf)}</footer>`);
    expect(fr).toContain("jusqu&#39;au 30 juin 2027");
    expect(fr).toContain("<td>États-Unis</td>");
    expect(fr).toContain(">oui</td>");
    expect(fr).not.toMatch(/>(yes|no|unknown|blocked|compliant)</);
  });

  it("escapes what comes from the input", () => {
    const hostile = write("hostile.json", {
      resources: [{ id: `<script>alert(1)</script>"'&`, type: "x<y", cloud: "aws", region: "eu-west-3", tags: { "data-classification": "<b>sensitive</b>" } }],
    });
    const out = html(["check", hostile]);
    expect(out).not.toContain("<script>alert");
    expect(out).not.toContain("<b>sensitive");
    expect(out).toContain('data-resource="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"');
    expect(out.match(/<script>/g)).toHaveLength(1);
  });
});

describe("findings about the configuration rather than a resource", () => {
  it("are listed after the table, with their level, in both formats", () => {
    const one = write("one.json", { resources: [{ id: "b1", type: "x", cloud: "s3ns", region: "u-france-east1", tags: { "data-classification": "public" } }] });
    const config = write("stale.config.json", { exemptions: [{ rule: "sensitive-requires-secnumcloud", resource: "gone", justification: "OLD-1", expires: "2999-01-01" }] });
    expect(html(["check", one, "--config", config])).toMatch(/<h2>About the configuration<\/h2><ul><li><span class="id">config:exemptions\[0\]<\/span> \(advisory\): exemption #1 \(rule sensitive-requires-secnumcloud, resource gone, OLD-1\) names no resource/);
    expect(souverain(["check", one, "--config", config, "--format", "markdown"]).stdout).toContain("#### About the configuration\n\n- `config:exemptions[0]` (advisory): exemption \\#1");
  });
});

describe("dates in French", () => {
  it("writes the day, the month's name and the year; the first of the month as 1er", () => {
    expect(dateIn("fr", "2027-03-31")).toBe("31 mars 2027");
    expect(dateIn("fr", "2027-08-01")).toBe("1er août 2027");
    expect(dateIn("en", "2027-03-31")).toBe("2027-03-31");
  });
});

describe("souverain check --format markdown", () => {
  it("gives the verdict, the counts, the summaries and one table row per resource", () => {
    const run = souverain([...examples, "--format", "markdown"]);
    expect(run.code).toBe(1);
    const md = run.stdout;
    expect(md).toMatch(/^### Data residency report: ⛔ BLOCKED: do not deploy\n\n\*\*19\*\* resources · \*\*11\*\* mandatory · \*\*2\*\* advisory · \*\*1\*\* exempt\n/);
    expect(md).toContain(`Catalog of ${catalogAsOf} · Configuration: \`examples/souverain.config.json\``);
    expect(md).toContain("| `archives-stay-in-france` Public archives stay in France, with a provider under French law | 3 | 0 | 0 |");
    expect(md).toContain("| public archives | 5 | 4 |");
    const rows = md.split("\n").filter((l) => /^\| `[^`]+` \| /.test(l) && !l.includes(" Public ") && l.split(" | ").length === 13);
    expect(rows.map((l) => /^\| `([^`]+)`/.exec(l)![1]).sort()).toEqual(inputIds);
    expect(md).toContain("| `crm-usagers-virginie` | personal data | Amazon Web Services | us-east-1 | United States | ❌ | ❌ | ❌ | ❌ | ❌ | ❌ | 🔖 exempt | DINUM-DEROG-2026-042 (migration vers une région de l'UE prévue) (until 2027-06-30) |");
    expect(md).toContain("| OVHcloud<br>replica OVHcloud | gra11<br>bhs5 | France<br>Canada | ✅<br>❌ |");
  });

  it("keeps every row one table row: pipes, line breaks and markup from the input are escaped", () => {
    const hostile = write("pipes.json", { resources: [{ id: "a|b", type: "x", cloud: "aws", region: "eu-west-3", tags: { "data-classification": "sensitive|<img src=x>" } }] });
    const md = souverain(["check", hostile, "--format", "markdown"]).stdout;
    const row = md.split("\n").find((l) => l.startsWith("| `a\\|b`"))!;
    // The engine reads the tag's value as two classes, sensitive and an unknown one.
    expect(row).toContain("| sensitive data, \\<img-src=x\\> (unrecognised) |");
    expect(row.split(/(?<!\\)\|/).length).toBe(15);
  });

  it("stops after 200 resources, those with findings first, and says how many it left out", () => {
    const many = write("many.json", {
      resources: Array.from({ length: 205 }, (_, i) => ({ id: `r${i}`, type: "x", cloud: "s3ns", region: "u-france-east1", tags: { "data-classification": i === 204 ? "health" : "public" } })),
    });
    const md = souverain(["check", many, "--format", "markdown", "--lang", "fr"]).stdout;
    expect(md.split("\n").filter((l) => l.startsWith("| `r")).length).toBe(200);
    expect(md).toContain("| `r204` |");
    expect(md).toContain("… et 5 autres ressources, non affichées\u00a0: voir `--format html` ou `--format json`.");
    expect(md).toMatch(/^### Rapport de localisation des données\u00a0: ⛔ BLOQUÉ\u00a0: ne pas déployer/);
  });
});
