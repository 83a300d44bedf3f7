#!/usr/bin/env node
// npm run bench:pack: our pack and a one-policy no-op pack, started as Pulumi starts them and driven
// over the Analyzer gRPC protocol in the same run, as the engine drives them during an update: an
// Analyze call per resource (5,000 resources, per-call latency), then one AnalyzeStack over all of
// them; then, in a new run, one AnalyzeStack with no Analyze before it (as `pulumi policy analyze`
// does). The last line is the JSON summary.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { root } from "./paths.mjs";

const COUNT = Number(process.env.BENCH_RESOURCES ?? 5_000);
if (!existsSync(join(root, ".examples-build", "test", "helpers", "analyzer.js"))) {
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.examples.json"], { cwd: root, stdio: "inherit" });
}
const { AnalyzerSession, PACK_DIR } = await import("../.examples-build/test/helpers/analyzer.js");

const regions = ["eu-west-3", "eu-west-1", "us-east-1", "eu-central-1"];
const classes = ["sensitive", "personal", "archive", "health", "public"];
const resources = Array.from({ length: COUNT }, (_, i) => ({
  type: i % 3 ? "aws:s3/bucket:Bucket" : "aws:rds/instance:Instance",
  urn: `urn:pulumi:bench::app::aws:s3/bucket:Bucket::r${i}`,
  name: `r${i}`,
  properties: { tags: { "data-classification": classes[i % classes.length], Name: `r${i}` } },
  provider: { type: "pulumi:providers:aws", urn: `urn:pulumi:bench::app::pulumi:providers:aws::p${i % 4}`, name: `p${i % 4}`, properties: { region: regions[i % 4], version: "7.0.0" } },
}));

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(label, packDir) {
  const session = await AnalyzerSession.start(packDir);
  try {
    await session.configure({});
    await session.configureStack({});
    const latencies = [];
    let analyzeDiagnostics = 0;
    for (const resource of resources) {
      const started = performance.now();
      analyzeDiagnostics += (await session.analyze(resource)).length;
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    const started = performance.now();
    const stackDiagnostics = (await session.analyzeStack(resources)).length;
    const stackMs = performance.now() - started;
    await session.configureStack({});
    const alone = performance.now();
    const aloneDiagnostics = (await session.analyzeStack(resources)).length;
    const aloneMs = performance.now() - alone;
    const result = { startup_ms: session.startupMs, p50_ms: percentile(latencies, 50), p99_ms: percentile(latencies, 99), stack_ms: stackMs, stack_alone_ms: aloneMs };
    console.log(
      `${label}: startup ${result.startup_ms.toFixed(0)} ms; Analyze p50 ${result.p50_ms.toFixed(2)} ms, p99 ${result.p99_ms.toFixed(2)} ms (${analyzeDiagnostics} diagnostics); ` +
        `then AnalyzeStack of ${COUNT} ${stackMs.toFixed(0)} ms (${stackDiagnostics} more diagnostics); AnalyzeStack alone ${aloneMs.toFixed(0)} ms (${aloneDiagnostics} diagnostics)`,
    );
    return result;
  } finally {
    await session.stop();
  }
}

const noop = await measure("no-op pack", join(root, "test", "fixtures", "noop-pack"));
const ours = await measure("souverain pack", PACK_DIR);
const round = (n) => Number(n.toFixed(2));
console.log(JSON.stringify({
  resources: COUNT,
  souverain: Object.fromEntries(Object.entries(ours).map(([k, v]) => [k, round(v)])),
  noop: Object.fromEntries(Object.entries(noop).map(([k, v]) => [k, round(v)])),
  ratio_p50: round(ours.p50_ms / noop.p50_ms),
  ratio_p99: round(ours.p99_ms / noop.p99_ms),
  analyze_stack_ms: round(ours.stack_ms),
  analyze_stack_alone_ms: round(ours.stack_alone_ms),
  startup_diff_ms: Math.round(ours.startup_ms - noop.startup_ms),
}));
