import { describe, expect, it } from "vitest";
import { writeJson } from "../src/cli/json-stream.js";

const streamed = (value: unknown): { text: string; pieces: number } => {
  const pieces: string[] = [];
  writeJson(value, (text) => pieces.push(text));
  return { text: pieces.join(""), pieces: pieces.length };
};

describe("the JSON report written in pieces", () => {
  const cases: Record<string, unknown> = {
    "a report-like object": {
      tool: { name: "souverain", version: "0.1.0" },
      lang: "fr",
      inputs: [{ file: "plan.json", resources: 2 }],
      findings: [],
      resources: [{ id: "a", placements: [{ role: "primary", countries: ["FR"] }], nested: { deep: [1, [2, {}]] } }, { id: "b", empty: {} }],
      summary: { blocked: false, byPolicy: {} },
    },
    "values JSON.stringify leaves out or writes as null": { a: undefined, b: () => 1, list: [undefined, () => 1, 3], c: null, d: "é\u0000\u202e" },
    "a date, which stringifies through toJSON": { at: new Date(0), list: [new Date(1)] },
    "an empty object": {},
    "an empty list": [],
    "a bare string": "text\nwith a line break",
    "nested empty containers": { a: [], b: {}, c: [[]], d: [{}] },
  };
  for (const [name, value] of Object.entries(cases)) {
    it(`is JSON.stringify(value, null, 2) byte for byte: ${name}`, () => {
      expect(streamed(value).text).toBe(`${JSON.stringify(value, null, 2)}\n`);
    });
  }

  it("hands out a large report in several pieces, none of them the whole", () => {
    const resources = Array.from({ length: 30_000 }, (_, n) => ({ id: `aws_s3_bucket.b${n}`, placements: [{ role: "primary", region: "eu-west-3", countries: ["FR"] }] }));
    const { text, pieces } = streamed({ resources });
    expect(text).toBe(`${JSON.stringify({ resources }, null, 2)}\n`);
    expect(pieces).toBeGreaterThan(2);
  });
});
