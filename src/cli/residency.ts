import type { Config } from "../config.js";
import type { Lang, Placement, Proof } from "../model/findings.js";
import { builtInCatalog, type Catalog } from "./catalog.js";
import type { Report, ReportedFinding } from "./report.js";
import type { Words } from "../words.js";
import { countryName, placeName } from "../names.js";

/**
 * What the HTML and Markdown reports show: one row per resource with the decision its findings make,
 * the summaries by rule and by data class, and where each placement lies on a map. It only reads the
 * report: every decision was made by the rules.
 */

export type Decision = "blocked" | "advisory" | "exempt" | "compliant";
export const PROOFS = ["in_france", "in_eu", "in_eea", "french_law", "secnumcloud", "hds"] as const;

export interface Point { lat: number; lon: number; place: string }

export interface PlacedRow {
  placement: Placement;
  /** The countries, named in the report's language. */
  countries: string;
  /** Where the map draws it; absent for a global service, an unknown region, a region of several countries. */
  point?: Point;
}

export interface Row {
  id: string;
  type: string;
  file: string;
  classes: string[];
  unrecognizedClasses: string[];
  classifiedBy: string[];
  placements: PlacedRow[];
  decision: Decision;
  findings: ReportedFinding[];
  /** Exemptions and baseline entries that cover a finding of the resource. */
  exemptions: { rule: string; justification: string; expires: string; acceptedBy?: string }[];
}

export interface RuleSummary { policy: string; title: string; mandatory: number; advisory: number; exempt: number }
export interface ClassSummary { name: string; resources: number; blocked: number }

export interface Residency {
  rows: Row[];
  byRule: RuleSummary[];
  byClass: ClassSummary[];
  /** Findings about the run rather than a resource (configuration, baseline entries). */
  other: ReportedFinding[];
  catalogAsOf: string;
}

interface Located { country?: string; coordinates?: Point; pattern?: string }
interface Provider { aliases?: string[]; regions?: Record<string, Located>; regionPatterns?: Located[] }

/** The decision for a resource: its worst finding that is not exempt, else exempt, else compliant. */
function decisionOf(findings: ReportedFinding[]): Decision {
  const active = findings.filter((f) => !f.exempt);
  if (active.some((f) => f.enforcement === "mandatory")) return "blocked";
  if (active.length) return "advisory";
  return findings.length ? "exempt" : "compliant";
}

/** Coordinates of a catalog region: the configuration's catalog first (it overrides), then the built-in one. */
function locator(config: Config, catalog: Catalog): (cloud: string | null, region: string | null | undefined) => Point | undefined {
  const catalogs = [(config.catalog?.providers ?? {}) as Record<string, Provider>, catalog.providers as Record<string, Provider>];
  // A large estate repeats a few regions: each is looked up once.
  const found = new Map<string, Point | undefined>();
  const lookUp = (name: string, code: string): Point | undefined => {
    for (const providers of catalogs) {
      const provider = providers[name] ?? Object.values(providers).find((p) => p.aliases?.includes(name));
      const entry = provider?.regions?.[code] ?? provider?.regionPatterns?.find((r) => r.pattern && new RegExp(r.pattern).test(code));
      if (entry?.coordinates) return entry.coordinates;
    }
    return undefined;
  };
  return (cloud, region) => {
    if (!cloud || !region) return undefined;
    const key = `${cloud.toLowerCase()}\u0000${region.toLowerCase()}`;
    if (!found.has(key)) found.set(key, lookUp(cloud.toLowerCase(), region.toLowerCase()));
    return found.get(key);
  };
}

export function residency(report: Report, config: Config): Residency {
  const catalog = builtInCatalog();
  const locate = locator(config, catalog);
  const byResource = new Map<string, ReportedFinding[]>();
  const key = (file: string, id: string) => `${file}\u0000${id}`;
  for (const f of report.findings) {
    const k = key(f.file, f.resource);
    const list = byResource.get(k);
    if (list) list.push(f);
    else byResource.set(k, [f]);
  }
  const rows = report.resources.map((r): Row => {
    const findings = byResource.get(key(r.file, r.id)) ?? [];
    byResource.delete(key(r.file, r.id));
    return {
      id: r.id,
      type: r.type,
      file: r.file,
      classes: r.classes,
      unrecognizedClasses: r.unrecognizedClasses,
      classifiedBy: r.classifiedBy,
      placements: r.placements.map((p) => {
        const point = p.known && p.countries?.length === 1 && p.countries[0] !== "*" ? locate(p.cloud, p.region) : undefined;
        return {
          placement: p,
          countries: (p.countries ?? []).map((c) => countryName(c, report.lang)).join(", "),
          ...(point ? { point: { ...point, place: placeName(point.place, report.lang) } } : {}),
        };
      }),
      decision: decisionOf(findings),
      findings,
      exemptions: findings.filter((f) => f.exempt).flatMap((f) => f.exemptions.map((e) => ({ rule: f.policy, ...e }))),
    };
  });
  const rules = new Map<string, RuleSummary>();
  for (const f of report.findings) {
    const s = rules.get(f.policy) ?? { policy: f.policy, title: f.title, mandatory: 0, advisory: 0, exempt: 0 };
    s[f.exempt ? "exempt" : f.enforcement] += 1;
    rules.set(f.policy, s);
  }
  const classes = new Map<string, ClassSummary>();
  for (const row of rows) {
    for (const name of row.classes.length ? row.classes : ["—"]) {
      const s = classes.get(name) ?? { name, resources: 0, blocked: 0 };
      s.resources += 1;
      if (row.decision === "blocked") s.blocked += 1;
      classes.set(name, s);
    }
  }
  return {
    rows,
    byRule: [...rules.values()].sort((a, b) => b.mandatory - a.mandatory || b.advisory - a.advisory || a.policy.localeCompare(b.policy)),
    byClass: [...classes.values()].sort((a, b) => b.resources - a.resources || a.name.localeCompare(b.name)),
    other: [...byResource.values()].flat(),
    catalogAsOf: catalog.asOf,
  };
}

/** The words both reports use, in the report's language (src/locales/<lang>.json, section `report`). */
export type ResidencyWords = Words["report"];

/** A role's name (replica, backup copy…), empty for the resource's own placement, the role itself when unnamed. */
export const roleName = (w: ResidencyWords, role: string): string => (Object.hasOwn(w.role, role) ? w.role[role as keyof ResidencyWords["role"]] : role);
