import { describe, expect, it } from "vitest";
import { judge, resource } from "./helpers/engine.js";

const classesOf = (value: string, tagKey = "data-classification") =>
  judge([resource("ovh", "GRA7", undefined, { tags: { [tagKey]: value } })]).resources[0]!;

const spellings: Record<string, string[]> = {
  public: ["public", "Publique", "open data", "données publiques"],
  internal: ["internal", "interne", "Usage interne", "diffusion_interne"],
  personal: ["personal", "personnelle", "Données personnelles", "DONNÉES PERSONNELLES", "donnees-personnelles", "PII", "RGPD", "GDPR", "DCP", "données à caractère personnel"],
  health: ["health", "santé", "Sante", "données de santé", "medical", "médicale", "HDS", "PHI"],
  sensitive: ["sensitive", "sensible", "Sensibles", "données sensibles", "sensibilité particulière"],
  restricted: ["restricted", "Diffusion Restreinte", "diffusion_restreinte", "DR", "restreint"],
  archive: ["archive", "Archives", "archives publiques", "public archives", "archival"],
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

  it("ignores other keys", () => {
    expect(classesOf("sensitive", "classification").classes).toEqual([]);
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
