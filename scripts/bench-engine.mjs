#!/usr/bin/env node
// Measures the engine alone on one input file, in its own process so that peak memory is its own.
import { readFileSync } from "node:fs";
import { Engine } from "../dist/index.js";

const document = JSON.parse(readFileSync(process.argv[2], "utf8"));
const loadStart = performance.now();
const engine = await Engine.create();
const loadMs = performance.now() - loadStart;
const start = performance.now();
const verdict = engine.evaluate(document);
const evalMs = performance.now() - start;
const again = performance.now();
engine.evaluate(document);
const warmMs = performance.now() - again;
console.log(JSON.stringify({
  load_ms: loadMs,
  eval_ms: evalMs,
  warm_eval_ms: warmMs,
  findings: verdict.findings.length,
  peak_rss_mb: process.resourceUsage().maxRSS / 1024,
}));
