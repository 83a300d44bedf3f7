import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script, without types
import { OUTPUT, SCHEMAS, generate } from "../scripts/validators.mjs";
import { repoRoot } from "./helpers/root.js";

describe("the validators compiled ahead of time", () => {
  it("match the schemas (node scripts/validators.mjs build after changing one)", () => {
    expect(readFileSync(OUTPUT as string, "utf8") === (generate as () => string)()).toBe(true);
  });

  it.each(Object.values(SCHEMAS as Record<string, string>))("%s is a valid JSON Schema 2020-12", (file) => {
    const ajv = new Ajv2020({ strict: true, strictRequired: false, strictTypes: false });
    const schema = JSON.parse(readFileSync(join(repoRoot, "schemas", file), "utf8")) as object;
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });
});
