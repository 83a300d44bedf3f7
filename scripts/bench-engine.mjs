#!/usr/bin/env node
// Measures, on one input file and in its own process (so that peak memory is its own):
// - the engine, which judges each distinct shape of resource once;
// - the same compiled rules on every resource, in chunks of `chunk` resources (argv[3]), the way
//   native `opa eval` is given them in bench.mjs: the like-for-like comparison of wasm and native OPA.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Engine } from "../dist/index.js";
import { wasmEvaluator } from "../dist/wasm.js";
import { catalogFile, languages, root, wordsFile } from "./paths.mjs";

const document = JSON.parse(readFileSync(process.argv[2], "utf8"));
const chunk = Number(process.argv[3]);
const today = process.argv[4];

const loadStart = performance.now();
const engine = await Engine.create({ today });
const loadMs = performance.now() - loadStart;
const start = performance.now();
const verdict = engine.evaluate(document);
const evalMs = performance.now() - start;
const again = performance.now();
engine.evaluate(document);
const warmMs = performance.now() - again;

const { loadPolicySync } = createRequire(import.meta.url)("@open-policy-agent/opa-wasm");
const loaded = loadPolicySync(readFileSync(`${root}/policies/compiled/souverain.wasm`));
loaded.setData({
  catalog: JSON.parse(readFileSync(`${root}/${catalogFile}`, "utf8")),
  config: {},
  rule_metadata: JSON.parse(readFileSync(`${root}/policies/compiled/rules.json`, "utf8")),
  words: Object.fromEntries(languages.map((l) => [l, JSON.parse(readFileSync(`${root}/${wordsFile(l)}`, "utf8"))])),
});
const policy = wasmEvaluator(loaded);
const plainStart = performance.now();
let plainFindings = 0;
for (let at = 0; at < document.resources.length; at += chunk) {
  plainFindings += policy.evaluate({ resources: document.resources.slice(at, at + chunk), today }, "souverain/main/result")[0].result.findings.length;
}
const plainMs = performance.now() - plainStart;

console.log(JSON.stringify({
  load_ms: loadMs,
  eval_ms: evalMs,
  warm_eval_ms: warmMs,
  findings: verdict.findings.length,
  plain_eval_ms: plainMs,
  plain_findings: plainFindings,
  peak_rss_mb: process.resourceUsage().maxRSS / 1024,
}));
