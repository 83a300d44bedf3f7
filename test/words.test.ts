import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dateIn, fill, plural, words } from "../src/words.js";

// The catalogs of words (src/locales/<lang>.json): complete in both languages, every key the rules
// ask for present, and the French typeset as a ministry writes it.

type Tree = string | Tree[] | { [key: string]: Tree };
type Region = { name: string; coordinates?: { place: string } };

const read = (path: string) => readFileSync(path, "utf8");
const en = words.en as unknown as Record<string, Tree>;
const fr = words.fr as unknown as Record<string, Tree>;
const rules = JSON.parse(read("policies/compiled/rules.json")) as Record<string, Record<string, Tree>>;
const catalog = JSON.parse(read("policies/catalog/catalog.json")) as {
  countries: Record<string, unknown>;
  providers: Record<string, { regions?: Record<string, Region>; regionPatterns?: Region[] }>;
};
const regoSources = ["policies/lib", "policies/rules", "policies/main"].flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".rego") && !f.endsWith("_test.rego"))
    .map((f) => read(join(dir, f))),
);

/** Every string of a tree, with its path. */
function leaves(tree: Tree, path = ""): [string, string][] {
  if (typeof tree === "string") return [[path, tree]];
  return Object.entries(tree).flatMap(([k, v]) => leaves(v as Tree, path ? `${path}.${k}` : k));
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Every French text we print that is not built at run time: the catalog and the rules' metadata.
const frenchTexts: [string, string][] = [
  ...leaves(fr).filter(([path]) => path !== "$comment"),
  ...Object.values(rules).flatMap((r) => ["title", "description", "basis", "fix"].map((f): [string, string] => [`${r.id}.${f}`, (r[f] as Record<string, string>).fr!])),
];

describe("the catalogs of words", () => {
  it("have the same keys, placeholders and list lengths in English and French", () => {
    const withoutPlaces = (tree: Record<string, Tree>) => leaves({ ...tree, places: {} });
    const enLeaves = new Map(withoutPlaces(en));
    const frLeaves = new Map(withoutPlaces(fr));
    expect([...frLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    for (const [path, text] of enLeaves) {
      // A date's format picks what it shows among {iso}, {day}, {month} and {year}.
      if (path === "$comment" || path === "date.format") continue;
      expect(placeholders(frLeaves.get(path)!), path).toEqual(placeholders(text));
    }
  });

  it("name every country of the catalog, and every region of the catalog in French", () => {
    for (const code of Object.keys(catalog.countries)) {
      expect(words.en.countries, code).toHaveProperty([code]);
      expect(words.fr.countries, code).toHaveProperty([code]);
    }
    const regions = Object.values(catalog.providers).flatMap((p) => [...Object.values(p.regions ?? {}), ...(p.regionPatterns ?? [])]);
    const names = new Set(regions.flatMap((r) => [r.name, ...(r.coordinates ? [r.coordinates.place] : [])]));
    const missing = [...names].filter((name) => !Object.hasOwn(words.fr.places, name));
    expect(missing).toEqual([]);
    expect(Object.keys(words.en.places)).toEqual([]);
  });

  it("have every word the rules ask for", () => {
    const messages = new Set(Object.keys(words.en.messages));
    const asked = new Set(
      regoSources.flatMap((source) => [...source.matchAll(/(?:said|word|with_offers|with_jurisdiction|entry_words)\((?:lang, )?"([a-z-]+(?:\.[a-z-]+)?)"/g)].map((m) => m[1]!)),
    );
    expect(asked.size).toBeGreaterThan(20);
    // Keys built from a code: every code the rules can produce.
    const reasons = new Set(regoSources.flatMap((s) => [...s.matchAll(/"reason": "([a-z-]+)"/g)].map((m) => m[1]!)));
    for (const r of reasons) asked.add(`unknown.${r}`).add(`location.${r}`);
    for (const p of ["not-object", "rule", "resource", "justification", "expires", "accepted-by", "enforcement"]) asked.add(`problem.${p}`);
    for (const s of ["in-process", "unverified", "retired", "past-term", "undated"]) asked.add(`status.${s}`);
    for (const r of ["replica", "backup", "cdn"]) asked.add(`role.${r}`);
    expect([...asked].filter((key) => !messages.has(key))).toEqual([]);
  });

  it("typeset French as a ministry writes it", () => {
    const wrong: string[] = [];
    // Command lines are code, not prose.
    for (const [path, text] of frenchTexts.filter(([, t]) => !/^\s*(souverain|terraform|npm|npx|pulumi|cdktf) /.test(t))) {
      // A JSON example inside a text (the homologation fix) keeps its straight quotes and colons.
      const prose = text.replace(/\{[^{}]*"[^{}]*\}/g, "{…}");
      const check = (what: string, bad: RegExp) => bad.test(prose) && wrong.push(`${path}: ${what}: ${text}`);
      check("an ordinary space before a double punctuation mark", /[ \t][:;?!»]/);
      check("no space before a double punctuation mark", /[\p{L}\p{N})\]»}][;?!]/u);
      check("a colon glued to a word", /\p{L}:(?!\/\/)/u);
      check("an ordinary space, or none, after «", /«(?!\u00a0)/);
      check("no no-break space before »", /(?<!\u00a0)»/);
      check("straight double quotes", /"/);
      check("a plural written (s)", /\(s\)/);
      check("n° without a no-break space", /n°(?!\u00a0)/);
    }
    expect(wrong).toEqual([]);
  });
});

describe("filling words", () => {
  it("fills placeholders in one pass, leaving unknown ones", () => {
    expect(fill("{a} {b} {c}", { a: "{b}", b: 2 })).toBe("{b} 2 {c}");
  });

  it("writes dates and plurals as each language does", () => {
    expect(dateIn("fr", "2027-03-31")).toBe("31 mars 2027");
    expect(dateIn("fr", "2027-03-01")).toBe("1er mars 2027");
    expect(dateIn("en", "2027-03-31")).toBe("2027-03-31");
    expect(dateIn("fr", "not a date")).toBe("not a date");
    const forms = { one: "{n} ressource", other: "{n} ressources" };
    expect([0, 1, 2].map((n) => plural("fr", forms, n))).toEqual(["0 ressource", "1 ressource", "2 ressources"]);
  });
});
