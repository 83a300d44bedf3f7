import { readJsonAsset } from "../assets.js";
import { UsageError } from "../errors.js";
import type { Lang } from "../model/findings.js";
import { dateIn, fill, words, type Words } from "../words.js";
import { placeName } from "../names.js";

/**
 * `souverain catalog [provider]`: the built-in catalog as shipped (policies/catalog/catalog.json), with
 * every status, source and date as recorded. It shows, it does not judge: the rules alone decide what a
 * status counts for (a SecNumCloud qualification past its term counts as unverified).
 */

interface Sourced { source: string; asOf: string }
interface Region extends Sourced { country?: string; countries?: string[]; name?: string; pattern?: string }
interface Qualification extends Sourced { status: string; qualifiedOn?: string; validUntil?: string }
interface Offer {
  id: string;
  name: string;
  scope: { regions?: string[]; services?: string[] };
  location?: Region;
  secnumcloud?: Qualification;
  hds?: Qualification;
}
interface Provider extends Sourced {
  name: string;
  aliases?: string[];
  seat?: string;
  jurisdiction?: string;
  note?: string;
  regionless?: Region;
  regions: Record<string, Region>;
  regionPatterns?: Region[];
  offers: Offer[];
  retired?: { date?: string; source: string };
}
export interface Catalog { asOf: string; providers: Record<string, Provider> }

export const builtInCatalog = (): Catalog => readJsonAsset<Catalog>("policies", "catalog", "catalog.json");

type CatalogWords = Words["catalogCli"];

const countries = (r: Region): string => (r.countries ?? [r.country]).join(", ");

/** The catalog's words in one language: its sources and notes stay as recorded, the labels around them are translated. */
function labels(lang: Lang) {
  const w: CatalogWords = words[lang].catalogCli;
  const { semicolon } = words[lang].common;
  const cited = (s: Sourced): string => fill(w.source, { source: s.source, date: dateIn(lang, s.asOf) });
  // HDS is a certification, SecNumCloud a qualification: each has its own words for a status.
  const status = (value: string, kind: string) => {
    const statuses: Record<string, string> = kind === "HDS" ? w.hdsStatus : w.status;
    return Object.hasOwn(statuses, value) ? statuses[value]! : value;
  };
  return { w, semicolon, cited, status };
}

function qualification(kind: string, q: Qualification, lang: Lang): string {
  const { w, cited, status } = labels(lang);
  const dates = [q.qualifiedOn && fill(w.qualifiedOn, { date: dateIn(lang, q.qualifiedOn) }), q.validUntil && fill(w.validUntil, { date: dateIn(lang, q.validUntil) })].filter(Boolean).join(", ");
  return `      ${fill(w.qualification, { kind, status: status(q.status, kind), dates: dates ? ` (${dates})` : "", source: cited(q) })}`;
}

function scope(o: Offer, lang: Lang): string {
  const { w, semicolon } = labels(lang);
  const parts = [o.scope.regions && fill(w.regions, { regions: o.scope.regions.join(", ") }), o.scope.services && fill(w.services, { services: o.scope.services.join(", ") })].filter(Boolean);
  return parts.length ? parts.join(semicolon) : w.everywhere;
}

function provider(id: string, p: Provider, lang: Lang): string {
  const { w, semicolon, cited } = labels(lang);
  const law = [p.seat && fill(w.seat, { seat: p.seat }), p.jurisdiction && fill(w.law, { law: p.jurisdiction })].filter(Boolean).join(", ");
  const lines = [`${id}  ${p.name}${law ? ` (${law})` : ""}${p.aliases?.length ? `  ${fill(w.aliases, { aliases: p.aliases.join(", ") })}` : ""}`, `  ${cited(p)}`];
  if (p.retired) lines.push(`  ${p.retired.date ? fill(w.retiredOn, { date: dateIn(lang, p.retired.date), source: p.retired.source }) : fill(w.retired, { source: p.retired.source })}`);
  if (p.note) lines.push(`  ${fill(w.note, { note: p.note })}`);
  const regions = Object.entries(p.regions);
  if (p.regionless) lines.push(`  ${fill(w.noRegion, { countries: countries(p.regionless), name: p.regionless.name ? placeName(p.regionless.name, lang) : "", source: cited(p.regionless) })}`);
  if (regions.length || p.regionPatterns?.length) lines.push(`  ${w.regionsHeading}`);
  for (const [code, r] of regions) lines.push(`    ${code}  ${countries(r)}${r.name ? `  ${placeName(r.name, lang)}` : ""}${semicolon}${cited(r)}`);
  for (const r of p.regionPatterns ?? []) lines.push(`    /${r.pattern}/  ${countries(r)}${r.name ? `  ${placeName(r.name, lang)}` : ""}${semicolon}${cited(r)}`);
  if (p.offers.length) lines.push(`  ${w.offersHeading}`);
  for (const o of p.offers) {
    lines.push(`    ${o.id}  ${o.name}  [${scope(o, lang)}]`);
    if (o.location) lines.push(`      ${fill(w.runsIn, { where: `${countries(o.location)}${o.location.name ? `, ${placeName(o.location.name, lang)}` : ""}`, source: cited(o.location) })}`);
    if (o.secnumcloud) lines.push(qualification("SecNumCloud", o.secnumcloud, lang));
    if (o.hds) lines.push(qualification("HDS", o.hds, lang));
  }
  return lines.join("\n");
}

/** The catalog, or one provider of it (by id or alias), as text or JSON. An unknown provider is a usage error. */
export function showCatalog(catalog: Catalog, wanted: string | undefined, format: "text" | "json", lang: Lang = "en"): string {
  const ids = wanted === undefined ? Object.keys(catalog.providers) : [providerId(catalog, wanted, lang)];
  if (format === "json") return JSON.stringify({ asOf: catalog.asOf, providers: Object.fromEntries(ids.map((id) => [id, catalog.providers[id]])) }, null, 2) + "\n";
  const header = fill(words[lang].catalogCli.header, { date: dateIn(lang, catalog.asOf) });
  return [header, ...ids.map((id) => provider(id, catalog.providers[id]!, lang))].join("\n\n") + "\n";
}

function providerId(catalog: Catalog, wanted: string, lang: Lang): string {
  const name = wanted.trim().toLowerCase();
  if (Object.hasOwn(catalog.providers, name)) return name;
  const byAlias = Object.entries(catalog.providers).find(([, p]) => p.aliases?.includes(name));
  if (byAlias) return byAlias[0];
  throw new UsageError(fill(words[lang].catalogCli.unknownProvider, { provider: wanted, known: Object.keys(catalog.providers).join(", ") }));
}
