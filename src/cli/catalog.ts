import { readJsonAsset } from "../assets.js";
import { UsageError } from "../errors.js";

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

const countries = (r: Region): string => (r.countries ?? [r.country]).join(", ");
const cited = (s: Sourced): string => `source: ${s.source} (${s.asOf})`;

function qualification(kind: string, q: Qualification): string {
  const dates = [q.qualifiedOn && `qualified on ${q.qualifiedOn}`, q.validUntil && `valid until ${q.validUntil}`].filter(Boolean).join(", ");
  return `      ${kind}: ${q.status}${dates ? ` (${dates})` : ""}; ${cited(q)}`;
}

function scope(o: Offer): string {
  const parts = [o.scope.regions && `regions ${o.scope.regions.join(", ")}`, o.scope.services && `services ${o.scope.services.join(", ")}`].filter(Boolean);
  return parts.length ? parts.join("; ") : "every region and service";
}

function provider(id: string, p: Provider): string {
  const law = [p.seat && `seat ${p.seat}`, p.jurisdiction && `law ${p.jurisdiction}`].filter(Boolean).join(", ");
  const lines = [`${id}  ${p.name}${law ? ` (${law})` : ""}${p.aliases?.length ? `  aliases: ${p.aliases.join(", ")}` : ""}`, `  ${cited(p)}`];
  if (p.retired) lines.push(`  retired${p.retired.date ? ` on ${p.retired.date}` : ""}: ${p.retired.source}`);
  if (p.note) lines.push(`  note: ${p.note}`);
  const regions = Object.entries(p.regions);
  if (p.regionless) lines.push(`  no region: ${countries(p.regionless)}, ${p.regionless.name ?? ""}; ${cited(p.regionless)}`);
  if (regions.length || p.regionPatterns?.length) lines.push("  regions:");
  for (const [code, r] of regions) lines.push(`    ${code}  ${countries(r)}${r.name ? `  ${r.name}` : ""}; ${cited(r)}`);
  for (const r of p.regionPatterns ?? []) lines.push(`    /${r.pattern}/  ${countries(r)}${r.name ? `  ${r.name}` : ""}; ${cited(r)}`);
  if (p.offers.length) lines.push("  offers:");
  for (const o of p.offers) {
    lines.push(`    ${o.id}  ${o.name}  [${scope(o)}]`);
    if (o.location) lines.push(`      runs in: ${countries(o.location)}${o.location.name ? `, ${o.location.name}` : ""}; ${cited(o.location)}`);
    if (o.secnumcloud) lines.push(qualification("SecNumCloud", o.secnumcloud));
    if (o.hds) lines.push(qualification("HDS", o.hds));
  }
  return lines.join("\n");
}

/** The catalog, or one provider of it (by id or alias), as text or JSON. An unknown provider is a usage error. */
export function showCatalog(catalog: Catalog, wanted: string | undefined, format: "text" | "json"): string {
  const ids = wanted === undefined ? Object.keys(catalog.providers) : [providerId(catalog, wanted)];
  if (format === "json") return JSON.stringify({ asOf: catalog.asOf, providers: Object.fromEntries(ids.map((id) => [id, catalog.providers[id]])) }, null, 2) + "\n";
  const header = `Souverain catalog of ${catalog.asOf} (policies/catalog/catalog.json). Statuses as recorded; the rules count a SecNumCloud qualification only within its term. Re-check ANSSI's and ANS's lists.`;
  return [header, ...ids.map((id) => provider(id, catalog.providers[id]!))].join("\n\n") + "\n";
}

function providerId(catalog: Catalog, wanted: string): string {
  const name = wanted.trim().toLowerCase();
  if (Object.hasOwn(catalog.providers, name)) return name;
  const byAlias = Object.entries(catalog.providers).find(([, p]) => p.aliases?.includes(name));
  if (byAlias) return byAlias[0];
  throw new UsageError(`no provider "${wanted}" in the catalog (known: ${Object.keys(catalog.providers).join(", ")})`);
}
