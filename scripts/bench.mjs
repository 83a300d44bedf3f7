#!/usr/bin/env node
// npm run bench: 10,000 generated canonical resources through our engine (wasm in Node), through the
// same wasm on every resource in the engine's chunks, and through native `opa eval` on the same Rego
// (on the same chunks, and on one input), in the same run. The last line is the JSON summary.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureOpa } from "./opa.mjs";
import { catalogFile, languages, regoSources, root, wordsFile } from "./paths.mjs";

const COUNT = Number(process.env.BENCH_RESOURCES ?? 10_000);

// A deterministic pseudo-random mix, so that runs compare.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(random() * list.length)];

const placements = [
  ["aws", ["eu-west-3", "eu-west-3", "eu-west-1", "eu-central-1", "us-east-1", "eu-west-2", null]],
  ["azure", ["francecentral", "francesouth", "westeurope", "northeurope", "eastus"]],
  ["gcp", ["europe-west9", "europe-west1", "europe-west4", "EU", "us-central1"]],
  ["s3ns", ["u-france-east1"]],
  ["ovh", ["GRA7", "GRA11", "SBG5", "RBX8", "eu-west-par", "DE1", "BHS5"]],
  ["scaleway", ["fr-par", "nl-ams", "pl-waw"]],
  ["outscale", ["eu-west-2", "cloudgouv-eu-west-1"]],
  ["bleu", ["bleufrancecentral"]],
  ["hetzner", ["fsn1", "hel1"]],
  ["digitalocean", ["fra1"]],
];
const classes = ["public", "internal", "personal", "Données personnelles", "health", "santé", "sensitive", "sensible",
  "archive", "archives", "personal,archive", "Diffusion Restreinte", "sensitve", null, null];
const types = ["aws:s3/bucket:Bucket", "aws_db_instance", "azurerm_storage_account", "google_storage_bucket", "ovh_cloud_project_database"];

function generate() {
  const resources = [];
  for (let i = 0; i < COUNT; i++) {
    const [cloud, regions] = pick(placements);
    const cls = pick(classes);
    const resource = { id: `stack/module.m${i % 50}/res-${i}`, type: pick(types), cloud, region: pick(regions), tags: { Name: `res-${i}`, env: pick(["prod", "dev"]) } };
    if (cls) resource.tags["data-classification"] = cls;
    if (random() < 0.05) resource.copies = [{ kind: "replica", region: pick(regions) }];
    if (random() < 0.02) resource.global = true;
    resources.push(resource);
  }
  return { resources };
}

// The engine's chunk size (src/engine.ts): native OPA gets the same chunks, in one `opa eval`.
const CHUNK = 250;
const today = new Date().toISOString().slice(0, 10);

const work = mkdtempSync(join(tmpdir(), "souverain-bench-"));
try {
  const inputFile = join(work, "input.json");
  const document = generate();
  writeFileSync(inputFile, JSON.stringify(document));

  const ours = JSON.parse(execFileSync(process.execPath, [join(root, "scripts", "bench-engine.mjs"), inputFile, String(CHUNK), today], { encoding: "utf8" }));
  console.log(`souverain engine (distinct shapes judged once): load ${ours.load_ms.toFixed(0)} ms, first evaluation ${ours.eval_ms.toFixed(0)} ms, second ${ours.warm_eval_ms.toFixed(0)} ms, ${ours.findings} findings, peak RSS ${ours.peak_rss_mb.toFixed(0)} MB`);
  console.log(`the same wasm on every resource, chunks of ${CHUNK}: ${ours.plain_eval_ms.toFixed(0)} ms, ${ours.plain_findings} findings`);

  let theirs = null;
  try {
    const opa = ensureOpa();
    const dataFile = join(work, "data.json");
    writeFileSync(dataFile, JSON.stringify({
      catalog: JSON.parse(readFileSync(join(root, catalogFile), "utf8")),
      config: {},
      rule_metadata: JSON.parse(readFileSync(join(root, "policies/compiled/rules.json"), "utf8")),
      words: Object.fromEntries(languages.map((l) => [l, JSON.parse(readFileSync(join(root, wordsFile(l)), "utf8"))])),
    }));
    const nativeRun = (input, query) => {
      writeFileSync(inputFile, JSON.stringify(input));
      const args = ["eval", "--metrics", "-f", "json", "--ignore", "*_test.rego", "-d", dataFile, ...regoSources.flatMap((p) => ["-d", join(root, p)]), "-i", inputFile, query];
      const started = performance.now();
      const run = spawnSync(opa, args, { encoding: "utf8", maxBuffer: 1 << 28 });
      const wallMs = performance.now() - started;
      if (run.status !== 0) throw new Error(run.stderr);
      const out = JSON.parse(run.stdout);
      return { wall_ms: wallMs, eval_ms: out.metrics.timer_rego_query_eval_ns / 1e6, findings: out.result[0].bindings.findings };
    };
    const chunks = [];
    for (let at = 0; at < document.resources.length; at += CHUNK) chunks.push({ resources: document.resources.slice(at, at + CHUNK), today });
    const chunked = nativeRun({ chunks }, "findings := sum([n | some c in input.chunks; r := data.souverain.main.result with input as c; n := count(r.findings)])");
    console.log(`opa eval (native), the same chunks: wall ${chunked.wall_ms.toFixed(0)} ms, query evaluation ${chunked.eval_ms.toFixed(0)} ms, ${chunked.findings} findings`);
    const whole = nativeRun({ ...document, today }, "findings := count(data.souverain.main.result.findings)");
    console.log(`opa eval (native), one input of ${COUNT}: wall ${whole.wall_ms.toFixed(0)} ms, query evaluation ${whole.eval_ms.toFixed(0)} ms, ${whole.findings} findings`);
    // Ratios are taken against native OPA's faster way, so that they never flatter the wasm.
    theirs = chunked.eval_ms <= whole.eval_ms ? chunked : whole;
    theirs.same = chunked.findings === ours.findings && whole.findings === ours.findings;
  } catch (error) {
    console.log(`opa eval not measured: ${error.message.split("\n")[0]}`);
  }

  const ratio = (a, b) => (theirs ? Number((a / b).toFixed(3)) : null);
  console.log(JSON.stringify({
    resources: COUNT,
    eval_ms: Math.round(ours.eval_ms),
    ms_per_resource: Number((ours.eval_ms / COUNT).toFixed(4)),
    peak_rss_mb: Math.round(ours.peak_rss_mb),
    plain_wasm_eval_ms: Math.round(ours.plain_eval_ms),
    opa_eval_ms: theirs ? Math.round(theirs.eval_ms) : null,
    ratio_vs_opa_eval: ratio(ours.eval_ms, theirs?.eval_ms),
    ratio_plain_wasm_vs_opa_eval: ratio(ours.plain_eval_ms, theirs?.eval_ms),
    same_findings_as_opa_eval: theirs ? theirs.same && ours.plain_findings === ours.findings : null,
  }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
