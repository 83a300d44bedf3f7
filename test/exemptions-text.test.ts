/**
 * Exemptions and text matching at the edges (issue 8, family 5), through the compiled wasm: calendar
 * dates, invisible justifications, Unicode dashes and spaces in tag keys, NFC normalisation.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../src/index.js";
import { engine, judge, policies, resource } from "./helpers/engine.js";

const bucket = (id: string) => resource("aws", "eu-west-3", "sensitive", { id });
const exemption = (over: Record<string, unknown>) => ({
  rule: "sensitive-requires-secnumcloud",
  resource: "b1",
  justification: "DINUM-2026-17",
  expires: "2028-12-31",
  ...over,
});
const outcome = (over: Record<string, unknown>) => {
  const { findings } = judge([bucket("b1")], { exemptions: [exemption(over)] });
  return {
    exempt: findings.find((f) => f.policy === "sensitive-requires-secnumcloud")!.exempt,
    problem: findings.find((f) => f.policy === "exemption-must-be-valid")?.message.en,
  };
};

describe("an exemption's expiry must be a date that exists", () => {
  it.each(["2027-02-30", "2027-02-29", "2100-02-29", "2027-04-31", "2027-11-31"])("%s is malformed and exempts nothing", (expires) => {
    expect(outcome({ expires })).toEqual({
      exempt: false,
      problem: `exemption #1 (rule sensitive-requires-secnumcloud, resource b1) is malformed: expires must be a date YYYY-MM-DD that exists in the calendar.`,
    });
  });

  it.each(["2028-02-29", "2400-02-29", "2027-02-28", "2027-12-31"])("%s is a real date and exempts", (expires) => {
    expect(outcome({ expires })).toEqual({ exempt: true, problem: undefined });
  });

  it("2000-02-29 is a real date: expired, not malformed", () => {
    expect(outcome({ expires: "2000-02-29" }).problem).toContain("expired on 2000-02-29");
  });
});

describe("a justification made only of invisible characters is empty", () => {
  it.each([
    ["zero-width space", "\u200b"],
    ["no-break space", "\u00a0"],
    ["word joiner and BOM", "\u2060\ufeff"],
    ["tabs and line breaks", "\t\t\n"],
    ["narrow no-break and ideographic spaces", "\u202f\u3000"],
    ["Hangul filler", "\u3164"],
    ["a mix", " \u200b\u00a0\u200d "],
  ])("%s", (_, justification) => {
    const { exempt, problem } = outcome({ justification });
    expect(exempt).toBe(false);
    expect(problem).toContain("justification must be a non-empty reference (ticket, decision), not only blank or invisible characters");
  });

  it("visible text among invisible characters is a justification", () => {
    expect(outcome({ justification: "\u200bDINUM-1\u00a0" }).exempt).toBe(true);
  });
});

describe("tag keys fold Unicode dashes and spaces as they fold ASCII ones", () => {
  it.each([
    ["en dash", "data\u2013classification"],
    ["em dash", "data\u2014classification"],
    ["non-breaking hyphen", "data\u2011classification"],
    ["no-break space", "Data\u00a0Classification"],
    ["narrow no-break space", "data\u202fclassification"],
    ["zero-width space", "data\u200bclassification"],
  ])("%s", (_, key) => {
    expect(policies(resource("aws", "eu-west-3", undefined, { tags: { [key]: "sensitive" } }))).toEqual(["sensitive-requires-secnumcloud"]);
  });

  it("values too: Données\\u00a0personnelles is personal data", () => {
    const [r] = judge([resource("aws", "us-east-1", "Données\u00a0personnelles")]).resources;
    expect(r!.classes).toEqual(["personal"]);
  });
});

describe("tag keys and values are NFC-normalised before matching", () => {
  it("a decomposed é (e + U+0301) matches é", () => {
    const decomposed = resource("aws", "eu-west-3", undefined, { tags: { "data-classification": "donne\u0301es de sante\u0301" } });
    expect(judge([decomposed]).resources[0]!.classes).toEqual(["health"]);
  });

  it("marks the rules do not fold themselves still match, once composed (the engine's NFC)", () => {
    const alias = { classAliases: { "dữ liệu cá nhân": "personal" as const } };
    const r = resource("aws", "eu-west-3", "dữ liệu cá nhân".normalize("NFD"));
    expect(judge([r], alias).resources[0]!.classes).toEqual(["personal"]);
  });

  it("keys that become one with the same value are merged; with different values, refused with the place", () => {
    const same = resource("aws", "eu-west-3", undefined, { tags: { "classé": "public", "classe\u0301": "public" } });
    expect(() => judge([same])).not.toThrow();
    const conflicting = resource("aws", "eu-west-3", undefined, { tags: { "data-classification": "public", "clé": "a", "cle\u0301": "b" } });
    expect(() => engine().evaluate({ resources: [conflicting] }, "input.json")).toThrow(InputError);
    expect(() => engine().evaluate({ resources: [conflicting] }, "input.json")).toThrow(
      'input.json: /resources/0/tags/cle\u0301: tag keys "clé" and "cle\u0301" are the same key once Unicode-normalised (NFC) but have different values',
    );
  });

  it("the caller's document is not modified", () => {
    const r = resource("aws", "eu-west-3", "donne\u0301es personnelles");
    judge([r]);
    expect(r.tags!["data-classification"]).toBe("donne\u0301es personnelles");
  });
});
