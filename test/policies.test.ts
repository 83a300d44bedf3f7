import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../src/index.js";

const manifest = JSON.parse(readFileSync("policies/compiled/manifest.json", "utf8")) as {
  wasm: { sha256: string };
  sources: Record<string, string>;
};
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const regoFiles = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".rego") && !f.endsWith("_test.rego")).map((f) => join(dir, f));

describe("the committed compiled policy", () => {
  it("matches the Rego sources and the catalog (run npm run build:policies if not)", () => {
    const current = Object.fromEntries(
      [...["policies/main", "policies/lib", "policies/rules"].flatMap(regoFiles), "policies/catalog/catalog.json"].map((f) => [f, sha256(f)]),
    );
    expect(current).toEqual(manifest.sources);
  });

  it("is the wasm the manifest names", () => {
    expect(sha256("policies/compiled/souverain.wasm")).toBe(manifest.wasm.sha256);
  });
});

describe("rule metadata, read back from the Rego annotations", () => {
  const ids = Object.keys(rules).sort();

  it("has the stable rule ids", () => {
    expect(ids).toEqual([
      "archives-stay-in-france",
      "catalog-must-be-current",
      "classification-required",
      "classified-requires-homologation",
      "exemption-must-be-valid",
      "health-requires-hds",
      "location-must-be-known",
      "personal-stays-in-eu",
      "sensitive-requires-secnumcloud",
    ]);
  });

  it.each(ids)("%s carries a title, a level, a legal basis and a fix in French and English, and a reference", (id) => {
    const rule = rules[id]!;
    expect(["mandatory", "advisory"]).toContain(rule.enforcement);
    for (const lang of ["en", "fr"] as const) {
      expect(rule.title[lang].length).toBeGreaterThan(10);
      expect(rule.description[lang].length).toBeGreaterThan(100);
      expect(rule.basis[lang].length).toBeGreaterThan(20);
      expect(rule.fix[lang].length).toBeGreaterThan(20);
    }
    expect(rule.references[0]!.url).toMatch(/^https:\/\//);
  });

  it("makes classification-required and the catalog's age the only advisory rules by default", () => {
    expect(ids.filter((id) => rules[id]!.enforcement === "advisory")).toEqual(["catalog-must-be-current", "classification-required"]);
  });

  it.each(ids)("%s records when its legal basis was last reviewed", (id) => {
    expect(rules[id]!.lastReviewed).toMatch(/^20\d{2}-\d{2}-\d{2}$/);
  });
});
