/** The engine's evaluation of the compiled policy gives what the SDK's own `evaluate` gives. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { wasmEvaluator } from "../src/wasm.js";
import { words } from "../src/words.js";
import { TODAY } from "./helpers/engine.js";
import { repoRoot } from "./helpers/root.js";

const { loadPolicySync } = createRequire(import.meta.url)("@open-policy-agent/opa-wasm") as typeof import("@open-policy-agent/opa-wasm");
const read = (...path: string[]) => readFileSync(join(repoRoot, ...path));

function loaded() {
  const policy = loadPolicySync(read("policies", "compiled", "souverain.wasm"));
  policy.setData({ catalog: JSON.parse(read("policies", "catalog", "catalog.json").toString()), config: {}, rule_metadata: JSON.parse(read("policies", "compiled", "rules.json").toString()), baseline: [], words });
  return policy;
}

const bucket = (n: number, cls: string, region: string) => ({ id: `b${n}`, name: `bucket-${n}`, type: "aws_s3_bucket", cloud: "aws", region, tags: { "data-classification": cls, note: "é".repeat(n % 7) } });

describe("the engine's wasm evaluation", () => {
  it("gives the SDK's results, input after input, on every entry point", () => {
    const sdk = loaded();
    const ours = wasmEvaluator(loaded());
    const inputs = [
      [{ resources: [], today: TODAY }, "souverain/main/result"],
      [{ resources: [bucket(1, "sensitive", "eu-west-3")], today: TODAY }, "souverain/main/result"],
      [{ tag_keys: ["data-classification", "note"], ids: ["b1", "b2"], today: TODAY }, "souverain/main/prepare"],
      // Large enough to grow the memory: a few megabytes of input.
      [{ resources: Array.from({ length: 4000 }, (_, n) => bucket(n, n % 2 ? "santé" : "archives", n % 3 ? "us-east-1" : "eu-west-3")), today: TODAY }, "souverain/main/result"],
      [{ ids: ["b1"], today: TODAY }, "souverain/main/unused_exemptions"],
    ] as const;
    for (const [input, entrypoint] of inputs) expect(ours.evaluate(input, entrypoint)).toEqual(sdk.evaluate(input, entrypoint));
  });

  it("reuses the same memory for every call: 200 evaluations do not grow it", () => {
    const policy = loaded();
    const ours = wasmEvaluator(policy);
    const size = () => (policy as unknown as { mem: WebAssembly.Memory }).mem.buffer.byteLength;
    const input = { resources: Array.from({ length: 300 }, (_, n) => bucket(n, "personal", "eu-west-1")), today: TODAY };
    ours.evaluate(input, "souverain/main/result");
    const after = size();
    for (let n = 0; n < 200; n++) ours.evaluate(input, "souverain/main/result");
    expect(size()).toBe(after);
  });

  it("refuses an entry point the policy does not have", () => {
    expect(() => wasmEvaluator(loaded()).evaluate({}, "souverain/main/nothing")).toThrow("entrypoint souverain/main/nothing is not in the policy");
  });
});
