import type { Config } from "../config.js";
import type { Lang, Placement, Proof } from "../model/findings.js";
import { builtInCatalog, type Catalog } from "./catalog.js";
import type { Report, ReportedFinding } from "./report.js";

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

const regionNames = { en: new Intl.DisplayNames(["en"], { type: "region" }), fr: new Intl.DisplayNames(["fr"], { type: "region" }) };

/** A country's name in the report's language, from the ICU data Node ships (the catalog's codes are ISO 3166 alpha-2). */
export function countryName(code: string, lang: Lang): string {
  if (code === "*") return lang === "fr" ? "monde entier" : "worldwide";
  return regionNames[lang].of(code) ?? code;
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
        return { placement: p, countries: (p.countries ?? []).map((c) => countryName(c, report.lang)).join(", "), ...(point ? { point } : {}) };
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

/** The words both reports use, per language. */
export const residencyWords = {
  en: {
    title: "Data residency report",
    verdict: { blocked: "BLOCKED: do not deploy", passed: "PASSED: nothing blocks the deploy" },
    decision: { blocked: "blocked", advisory: "advisory", exempt: "exempt", compliant: "compliant" } satisfies Record<Decision, string>,
    proof: { yes: "yes", no: "no", unknown: "unknown" } satisfies Record<Proof, string>,
    proofs: { in_france: "France", in_eu: "EU", in_eea: "EEA", french_law: "French law", secnumcloud: "SecNumCloud", hds: "HDS" } satisfies Record<(typeof PROOFS)[number], string>,
    inputs: "What was judged",
    resources: "resources",
    findings: "findings",
    mandatory: "mandatory",
    advisory: "advisory",
    exempt: "exempt",
    accepted: "accepted (baseline)",
    catalog: "Catalog of",
    configuration: "Configuration",
    noConfiguration: "none (the rules' defaults)",
    generated: "Generated on",
    by: "by",
    byRule: "Findings by rule",
    byClass: "Resources by data class",
    rule: "Rule",
    dataClass: "Data class",
    blockedResources: "blocked",
    table: "Resources",
    resource: "Resource",
    classes: "Classes",
    classifiedBy: "from",
    unrecognized: "unrecognised",
    unclassified: "unclassified",
    cloud: "Legal cloud",
    region: "Region",
    country: "Country",
    decisionHeader: "Decision",
    exemption: "Exemption",
    until: "until",
    filter: "Filter",
    all: "all",
    shown: "shown",
    map: "Where the data lies",
    world: "Outside Europe",
    nowhere: "No single place on the map (global service, unknown region, several countries, no coordinates in the catalog)",
    none: "No finding.",
    other: "About the configuration",
    empty: "empty plan: nothing to create or change",
    role: { primary: "", replica: "replica", backup: "backup copy", cdn: "CDN edge copy" } as Record<string, string>,
    unknownPlace: "unknown",
    level: { mandatory: "mandatory", advisory: "advisory" },
  },
  fr: {
    title: "Rapport de localisation des données",
    verdict: { blocked: "BLOQUÉ\u00a0: ne pas déployer", passed: "CONFORME\u00a0: rien ne bloque le déploiement" },
    decision: { blocked: "bloquée", advisory: "avertissement", exempt: "dérogation", compliant: "conforme" } satisfies Record<Decision, string>,
    proof: { yes: "oui", no: "non", unknown: "inconnu" } satisfies Record<Proof, string>,
    proofs: { in_france: "France", in_eu: "UE", in_eea: "EEE", french_law: "Droit français", secnumcloud: "SecNumCloud", hds: "HDS" } satisfies Record<(typeof PROOFS)[number], string>,
    inputs: "Ce qui a été jugé",
    resources: "ressources",
    findings: "constats",
    mandatory: "bloquants",
    advisory: "avertissements",
    exempt: "sous dérogation",
    accepted: "acceptés (base de référence)",
    catalog: "Catalogue du",
    configuration: "Configuration",
    noConfiguration: "aucune (valeurs par défaut des règles)",
    generated: "Établi le",
    by: "par",
    byRule: "Constats par règle",
    byClass: "Ressources par classe de données",
    rule: "Règle",
    dataClass: "Classe de données",
    blockedResources: "bloquées",
    table: "Ressources",
    resource: "Ressource",
    classes: "Classes",
    classifiedBy: "d'après",
    unrecognized: "non reconnue",
    unclassified: "non classifiée",
    cloud: "Fournisseur",
    region: "Région",
    country: "Pays",
    decisionHeader: "Décision",
    exemption: "Dérogation",
    until: "jusqu'au",
    filter: "Filtrer",
    all: "toutes",
    shown: "affichées",
    map: "Où se trouvent les données",
    world: "Hors d'Europe",
    nowhere: "Sans lieu unique sur la carte (service global, région inconnue, plusieurs pays, pas de coordonnées au catalogue)",
    none: "Aucun constat.",
    other: "Sur la configuration",
    empty: "plan vide\u00a0: rien à créer ni à modifier",
    role: { primary: "", replica: "réplique", backup: "copie de sauvegarde", cdn: "copie CDN" } as Record<string, string>,
    unknownPlace: "inconnue",
    level: { mandatory: "bloquant", advisory: "avertissement" },
  },
} as const;

export type ResidencyWords = (typeof residencyWords)[Lang];

const MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** A YYYY-MM-DD date as a reader writes it: "31 mars 2027", "1er mars 2027"; in English, as it is. */
export function dateIn(lang: Lang, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (lang === "en" || !m) return iso;
  const day = Number(m[3]);
  return `${day === 1 ? "1er" : day} ${MONTHS_FR[Number(m[2]) - 1]} ${m[1]}`;
}
