import { describe, expect, it } from "vitest";
import { judge, resource } from "./helpers/engine.js";

const classesOf = (value: string, tagKey = "data-classification") =>
  judge([resource("ovh", "GRA7", undefined, { tags: { [tagKey]: value } })]).resources[0]!;

const spellings: Record<string, string[]> = {
  public: ["public", "Publique", "open data", "opendata", "données ouvertes"],
  internal: ["internal", "interne", "Usage interne", "diffusion_interne", "NP", "Non protégé"],
  personal: ["personal", "personnelle", "Données personnelles", "DONNÉES PERSONNELLES", "donnees-personnelles", "PII", "RGPD", "GDPR", "DCP", "données à caractère personnel",
    "donnée à caractère personnel", "données nominatives", "nominatif", "NIR"],
  health: ["health", "santé", "Sante", "données de santé", "medical", "médicale", "HDS", "PHI",
    "données de santé à caractère personnel", "DSCP", "secret médical", "dossier patient", "médico-social"],
  sensitive: ["sensitive", "sensible", "Sensibles", "données sensibles", "sensibilité particulière"],
  restricted: ["restricted", "Diffusion Restreinte", "diffusion_restreinte", "DR", "restreint", "DR-SF", "DR Spécial France", "Spécial France"],
  classified: ["classified", "Secret", "Très Secret", "Confidentiel Défense", "Secret Défense"],
  archive: ["archive", "Archives", "archives publiques", "public archives", "archival", "archives intermédiaires", "archives courantes", "archivage électronique", "SAE"],
  "definitive-archive": ["archives définitives", "archives historiques", "definitive archives"],
};

describe("class synonyms, forgiving of case, spaces and accents", () => {
  const cases = Object.entries(spellings).flatMap(([cls, names]) => names.map((name) => [name, cls]));
  it.each(cases)("%s -> %s", (name, cls) => {
    expect(classesOf(name)).toMatchObject({ classes: [cls], unrecognizedClasses: [] });
  });
});

describe("classification tags", () => {
  it.each(["data-classification", "Data-Classification", "data_classification", "DataClassification", "data classification"])(
    "the key %s is read",
    (key) => {
      expect(classesOf("sensitive", key).classes).toEqual(["sensitive"]);
    },
  );

  it.each(["classification", "Confidentialité", "sensibilite", "Mention de protection"])("the French key %s is read by default", (key) => {
    expect(classesOf("DR", key).classes).toEqual(["restricted"]);
  });

  it("ignores other keys", () => {
    expect(classesOf("sensitive", "owner").classes).toEqual([]);
  });

  it.each(["C0", "C1", "C2", "C3", "Confidentiel", "données publiques"])("%s stays unrecognised, a mandatory finding pointing to classAliases", (mark) => {
    const r = resource("ovh", "GRA7", undefined, { tags: { "data-classification": mark } });
    const verdict = judge([r]);
    expect(verdict.resources[0]).toMatchObject({ classes: [] });
    expect(verdict.resources[0]!.unrecognizedClasses).toHaveLength(1);
    const [finding] = verdict.findings.filter((f) => f.policy === "classification-required");
    expect(finding).toMatchObject({ enforcement: "mandatory" });
    expect(finding!.message.en).toContain("classAliases");
    expect(finding!.message.fr).toContain("classAliases");
  });

  it("an unrecognised value under any default key is a mandatory finding", () => {
    for (const key of ["classification", "confidentialite", "sensibilite", "mention-de-protection"]) {
      const verdict = judge([resource("ovh", "GRA7", undefined, { tags: { [key]: "sensitve" } })]);
      expect(verdict.findings.map((f) => [f.policy, f.enforcement])).toEqual([["classification-required", "mandatory"]]);
    }
  });

  it("reads several classes from one value", () => {
    expect(classesOf("personal, archive").classes).toEqual(["archive", "personal"]);
    expect(classesOf("santé;sensible").classes).toEqual(["health", "sensitive"]);
  });

  it("keeps what it cannot read as unrecognized, never drops it", () => {
    expect(classesOf("sensitve, archive")).toMatchObject({ classes: ["archive"], unrecognizedClasses: ["sensitve"] });
  });

  it("says where the classification came from", () => {
    const r = resource("ovh", "GRA7", undefined, { tags: { "data-classification": "archive" }, tagSources: { "data-classification": "provider-default" } });
    expect(judge([r]).resources[0]!.classifiedBy).toEqual(["tag data-classification (provider-default)"]);
  });

  it("falls back to the configured default classification", () => {
    const summary = judge([resource("aws", "eu-west-3", undefined)], { defaultClassification: "archive" }).resources[0]!;
    expect(summary).toMatchObject({ classes: ["archive"], classifiedBy: ["configuration defaultClassification"] });
  });

  it("prefers the resource's own tag to the default", () => {
    const summary = judge([resource("aws", "eu-west-3", "public")], { defaultClassification: "archive" }).resources[0]!;
    expect(summary.classes).toEqual(["public"]);
  });
});
