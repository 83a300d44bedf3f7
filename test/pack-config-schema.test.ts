/**
 * schemas/pack-config.schema.json, the file given to `pulumi preview --policy-pack-config`, against the
 * README's examples and examples/: one configuration, souverain.json's shape under "souverain".
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/root.js";

const schema = (file: string) => JSON.parse(readFileSync(join(repoRoot, "schemas", file), "utf8")) as object;
const ajv = new Ajv2020({ strict: true, strictRequired: false, strictTypes: false, allErrors: true });
for (const file of ["catalog.schema.json", "config.schema.json"]) ajv.addSchema(schema(file), file);
const validatePack = ajv.compile(schema("pack-config.schema.json"));
const validateConfig = ajv.getSchema("config.schema.json")!;

const valid = (validate: typeof validatePack, value: unknown) => {
  const ok = validate(value) as boolean;
  return ok ? "valid" : JSON.stringify(validate.errors?.slice(0, 3));
};

/** The JSON blocks of a README section. */
function readmeBlocks(heading: string): unknown[] {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const start = readme.indexOf(`\n## ${heading}`);
  expect(start, heading).toBeGreaterThan(0);
  const section = readme.slice(start + 1, readme.indexOf("\n## ", start + 1));
  return [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);
}

describe("the pack configuration schema", () => {
  it("accepts the README's pack configuration and examples/souverain-policy.json", () => {
    const blocks = readmeBlocks("Pulumi: the CrossGuard policy pack");
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(valid(validatePack, block)).toBe("valid");
    expect(valid(validatePack, JSON.parse(readFileSync(join(repoRoot, "examples", "souverain-policy.json"), "utf8")))).toBe("valid");
  });

  it("takes souverain.json as it is under \"souverain\": the README's configuration and examples/souverain.config.json", () => {
    const configs = [...readmeBlocks("Configuration"), JSON.parse(readFileSync(join(repoRoot, "examples", "souverain.config.json"), "utf8"))];
    for (const config of configs) {
      expect(valid(validateConfig, config)).toBe("valid");
      expect(valid(validatePack, { souverain: config })).toBe("valid");
    }
  });

  it.each([
    ["a top-level $schema (Pulumi reads every key as a policy name, and refuses it)", { $schema: "x.json", souverain: {} }],
    ["a policy the pack does not have", { "sensitive-requires-secnumkloud": "advisory" }],
    ["a level Pulumi does not know", { "personal-stays-in-eu": "warning" }],
    ["a level object with something else", { "personal-stays-in-eu": { enforcementLevel: "advisory", note: "x" } }],
    ["a setting souverain.json does not have", { souverain: { langue: "fr" } }],
    ["a language that is not offered", { souverain: { lang: "de" } }],
    ["an enforcement map naming no rule", { souverain: { enforcement: { "personal-data": "advisory" } } }],
    ["the settings policy disabled", { souverain: "disabled" }],
  ])("refuses %s", (_, value) => {
    expect(validatePack(value)).toBe(false);
  });
});
