import { describe, expect, it } from "vitest";
import { Engine, EvaluationError, InputError, validateConfig } from "../src/index.js";
import { judge, policies, resource, TODAY } from "./helpers/engine.js";

const bucket = (id: string, classes = "sensitive") => resource("aws", "eu-west-3", classes, { id });
const exemption = (over: Record<string, unknown> = {}) => ({
  rule: "sensitive-requires-secnumcloud",
  resource: "b1",
  justification: "DINUM-2026-17",
  expires: "2027-03-31",
  ...over,
});

describe("exemptions", () => {
  it("a valid one marks the finding exempt and keeps it listed", () => {
    const { findings } = judge([bucket("b1")], { exemptions: [exemption()] });
    expect(findings).toEqual([
      expect.objectContaining({
        policy: "sensitive-requires-secnumcloud",
        resource: "b1",
        exempt: true,
        exemptions: [{ justification: "DINUM-2026-17", expires: "2027-03-31" }],
      }),
    ]);
  });

  it("covers only the rule and resource it names", () => {
    const { findings } = judge([bucket("b1", "sensitive,archive"), bucket("b2")], { exemptions: [exemption()] });
    expect(findings.map((f) => [f.resource, f.policy, f.exempt]).sort()).toEqual([
      ["b1", "archives-stay-in-france", false],
      ["b1", "sensitive-requires-secnumcloud", true],
      ["b2", "sensitive-requires-secnumcloud", false],
    ]);
  });

  it("an expired one exempts nothing and is a mandatory finding", () => {
    const { findings } = judge([bucket("b1")], { exemptions: [exemption({ expires: "2026-11-22" })] });
    expect(findings.map((f) => [f.policy, f.resource, f.enforcement, f.exempt])).toEqual([
      ["exemption-must-be-valid", "config:exemptions[0]", "mandatory", false],
      ["sensitive-requires-secnumcloud", "b1", "mandatory", false],
    ]);
    expect(findings[0]!.message.en).toContain("expired on 2026-11-22");
  });

  it("holds on its last day", () => {
    expect(judge([bucket("b1")], { exemptions: [exemption({ expires: TODAY })] }).findings[0]!.exempt).toBe(true);
  });

  it.each([
    [{ justification: "" }, "justification must be a non-empty reference"],
    [{ expires: "31/03/2027" }, "expires must be a date YYYY-MM-DD"],
    [{ rule: "sensitive-requires-secnumcloud-typo" }, "rule must be one of the rule ids"],
    [{ resource: 42 }, "resource must be a non-empty string"],
  ])("a malformed one (%j) is a finding and exempts nothing", (over, problem) => {
    const { findings } = judge([bucket("b1")], { exemptions: [exemption(over)] });
    const invalid = findings.find((f) => f.policy === "exemption-must-be-valid");
    expect(invalid!.message.en).toContain(problem);
    expect(findings.find((f) => f.policy === "sensitive-requires-secnumcloud")!.exempt).toBe(false);
  });

  it("is reported once for a batch judged in several chunks", () => {
    const many = Array.from({ length: 600 }, (_, i) => resource("ovh", "GRA7", "archive", { id: `ok${i}` }));
    const { findings, resources } = judge(many, { exemptions: [exemption({ expires: "2020-01-01" })] });
    expect(findings.map((f) => f.resource)).toEqual(["config:exemptions[0]"]);
    expect(resources.map((r) => r.index)).toEqual(many.map((_, i) => i));
  });

  it("cannot come from a tag on the resource", () => {
    const tagged = bucket("b1");
    tagged.tags = { ...tagged.tags, "souverain-exempt": "sensitive-requires-secnumcloud", exemption: "DINUM-1" };
    expect(policies(tagged)).toEqual(["sensitive-requires-secnumcloud"]);
  });
});

describe("configuration overrides", () => {
  it("changes a rule's level", () => {
    const { findings } = judge([bucket("b1")], { enforcement: { "sensitive-requires-secnumcloud": "advisory" } });
    expect(findings.map((f) => f.enforcement)).toEqual(["advisory"]);
  });

  it("makes classification-required mandatory", () => {
    const { findings } = judge([resource("aws", "eu-west-3", undefined)], { enforcement: { "classification-required": "mandatory" } });
    expect(findings.map((f) => [f.policy, f.enforcement])).toEqual([["classification-required", "mandatory"]]);
  });

  it("disables a rule", () => {
    expect(policies(bucket("b1"), { enforcement: { "sensitive-requires-secnumcloud": "disabled" } })).toEqual([]);
  });

  it("maps the user's own class names", () => {
    expect(policies(resource("aws", "eu-west-3", "Confidentiel Médical"), { classAliases: { "confidentiel-medical": "health" } })).toEqual([
      "health-requires-hds",
    ]);
  });

  it("declares an internal State cloud that satisfies the SecNumCloud rule", () => {
    const config = {
      catalog: {
        providers: {
          "cloud-pi": {
            name: "Cloud Pi",
            jurisdiction: "FR",
            stateInternal: true,
            regions: { "pi-1": { country: "FR", source: "ARCH-2026-17 record", asOf: "2026-10-01" } },
            source: "Declared by the platform team",
          },
        },
      },
    };
    expect(policies(resource("cloud-pi", "pi-1", "sensitive,archive"), config)).toEqual([]);
  });

  it("records an offer qualified after this release without forking the catalog", () => {
    const r = resource("bleu", "bleufrancecentral", "sensitive");
    expect(policies(r)).toEqual(["sensitive-requires-secnumcloud"]);
    const config = {
      catalog: {
        providers: {
          bleu: {
            source: "ANSSI decision (hypothetical, for the test)",
            offers: [{
              id: "bleu-cloud-de-confiance",
              name: "Bleu",
              scope: { regions: ["bleufrancecentral"] },
              secnumcloud: { status: "qualified" as const, qualifiedOn: "2027-01-01", source: "ANSSI decision of the test", asOf: "2027-01-01" },
            }],
          },
        },
      },
    };
    expect(policies(r, config)).toEqual([]);
  });

  it("an unverified user entry does not satisfy a mandatory rule", () => {
    const config = {
      catalog: {
        providers: {
          scaleway: {
            source: "vendor announcement",
            offers: [{ id: "scaleway-snc", name: "Scaleway SNC", scope: {}, secnumcloud: { status: "unverified" as const, source: "vendor announcement", asOf: "2026-11-01" } }],
          },
        },
      },
    };
    expect(policies(resource("scaleway", "fr-par", "sensitive"), config)).toEqual(["sensitive-requires-secnumcloud"]);
  });

  it.each([
    [{ enforcement: { "sensitive-requires-secnumcloud": "warn" } }, "/enforcement/sensitive-requires-secnumcloud"],
    [{ enforcement: { "no-such-rule": "advisory" } }, "/enforcement"],
    [{ classificationTags: "data-classification" }, "/classificationTags"],
    [{ classAliases: { secret: "top-secret" } }, "/classAliases/secret"],
    [{ catalog: { providers: { mine: { name: "no source" } } } }, "/catalog/providers/mine"],
    [{ unknownSetting: true }, "/"],
  ])("rejects an invalid configuration %j naming the place", (config, place) => {
    expect(() => validateConfig(config, "souverain.json")).toThrow(InputError);
    expect(() => validateConfig(config, "souverain.json")).toThrow(`souverain.json: ${place}: `);
  });
});

describe("the engine fails closed", () => {
  it("rejects resources that break the schema with the place", () => {
    const engine = Engine.createSync({ today: TODAY });
    expect(() => engine.evaluate({ resources: [{ id: "a", type: "t", region: 3 }] } as never, "plan.json")).toThrow(
      "plan.json: /resources/0/region: must be string,null",
    );
    expect(() => engine.evaluate({ resources: [{ id: "a", type: "t" }, { id: "a", type: "t" }] }, "plan.json")).toThrow(
      'plan.json: /resources/1/id: duplicate resource id "a"',
    );
  });

  it("turns a failure inside the wasm into an EvaluationError", async () => {
    const engine = await Engine.create({ today: TODAY });
    (engine as unknown as { wasm: { evaluate: () => never } }).wasm.evaluate = () => {
      throw new Error("out of memory");
    };
    expect(() => engine.evaluate({ resources: [resource("aws", "eu-west-3", "public")] })).toThrow(EvaluationError);
  });

  /** An engine whose wasm answers `answer` at one entry point and the truth at the others. */
  async function tampered(entrypoint: string, answer: unknown): Promise<Engine> {
    const engine = await Engine.create({ today: TODAY });
    const policy = (engine as unknown as { wasm: { evaluate: (input: unknown, at: string) => unknown } }).wasm;
    const truth = policy.evaluate.bind(policy);
    policy.evaluate = (input, at) => (at === entrypoint ? answer : truth(input, at));
    return engine;
  }

  it("refuses a verdict that misses resources, for one resource or the shapes of several", async () => {
    const engine = await tampered("souverain/main/result", [{ result: { findings: [], resources: [] } }]);
    expect(() => engine.evaluate({ resources: [resource("aws", "eu-west-3", "sensitive")] })).toThrow("judged 0 of 1 resources");
    expect(() => engine.evaluate({ resources: [resource("aws", "eu-west-3", "sensitive"), resource("ovh", "GRA7", "archive")] })).toThrow("judged 0 of 2 resources");
  });

  it("refuses an answer on classification keys that is not a list of keys", async () => {
    const engine = await tampered("souverain/main/prepare", [{ result: { classification_keys: { "data-classification": true }, coverage: {} } }]);
    expect(() => engine.evaluate({ resources: [resource("aws", "eu-west-3", "sensitive"), resource("aws", "eu-west-3", "public")] })).toThrow("no classification keys");
  });

  it("refuses an answer without exemption coverage", async () => {
    const engine = await tampered("souverain/main/prepare", [{ result: { classification_keys: [], coverage: { r1: { "sensitive-requires-secnumcloud": true } } } }]);
    expect(() => engine.evaluate({ resources: [resource("aws", "eu-west-3", "sensitive"), resource("aws", "eu-west-3", "public")] })).toThrow("no exemption coverage");
  });

});
