#!/usr/bin/env node
// npm run bench:plan: generated plans of 10,000 and 100,000 resources (mixed providers, modules,
// aliases), each timed in one run through `souverain check`, a bare JSON.parse of it (the floor), and
// conftest with a region rule (the reference).
// The last line is the JSON summary.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./paths.mjs";
import { ensureTool } from "./tools.mjs";

// The plan sizes measured: 10,000, then 100,000 (the scale targets of issue 12).
const COUNTS = process.env.BENCH_RESOURCES ? [Number(process.env.BENCH_RESOURCES)] : [10_000, 100_000];
const RUNS = 3;

let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(random() * list.length)];

const providers = {
  aws: { name: "aws", full_name: "registry.terraform.io/hashicorp/aws", expressions: { region: { constant_value: "eu-west-3" } } },
  "aws.ireland": { name: "aws", full_name: "registry.terraform.io/hashicorp/aws", alias: "ireland", expressions: { region: { constant_value: "eu-west-1" } } },
  "aws.virginia": { name: "aws", full_name: "registry.terraform.io/hashicorp/aws", alias: "virginia", expressions: { region: { references: ["var.us_region"] } } },
  google: { name: "google", full_name: "registry.terraform.io/hashicorp/google", expressions: { region: { constant_value: "europe-west9" } } },
  "google.s3ns": { name: "google", full_name: "registry.terraform.io/hashicorp/google", alias: "s3ns", expressions: { region: { constant_value: "u-france-east1" }, universe_domain: { constant_value: "s3nsapis.fr" } } },
  azurerm: { name: "azurerm", full_name: "registry.terraform.io/hashicorp/azurerm", expressions: {} },
  ovh: { name: "ovh", full_name: "registry.terraform.io/ovh/ovh", expressions: {} },
};
const kinds = [
  { type: "aws_s3_bucket", keys: ["aws", "aws.ireland", "aws.virginia"], after: () => ({}) },
  { type: "aws_db_instance", keys: ["aws", "aws.ireland"], after: () => ({ availability_zone: pick(["eu-west-3a", "eu-west-3b"]) }) },
  { type: "google_storage_bucket", keys: ["google", "google.s3ns"], labels: true, after: () => ({ location: pick(["EUROPE-WEST9", "EU", "u-france-east1"]) }) },
  { type: "azurerm_storage_account", keys: ["azurerm"], after: () => ({ location: pick(["France Central", "West Europe"]) }) },
  { type: "ovh_cloud_project_database", keys: ["ovh"], after: () => ({ region: pick(["GRA7", "SBG5", "DE1"]) }) },
];
const classes = ["sensitive", "archive", "personal", "health", "public", "internal"];

function generate(count) {
  seed = 7;
  const rootResources = [];
  const moduleResources = {};
  const changes = [];
  for (let i = 0; i < count; i++) {
    const kind = pick(kinds);
    const key = pick(kind.keys);
    const inModule = random() < 0.4 ? `m${i % 20}` : null;
    const name = `r${i}`;
    const address = `${inModule ? `module.${inModule}.` : ""}${kind.type}.${name}`;
    const config = { address: `${kind.type}.${name}`, mode: "managed", type: kind.type, name, provider_config_key: key, expressions: {} };
    if (inModule) (moduleResources[inModule] ??= []).push(config);
    else rootResources.push(config);
    const tags = { Name: name, "data-classification": pick(classes) };
    // Google resources carry labels (lower-case keys), the others tags.
    const labelled = kind.labels ? { labels: { name, "data-classification": tags["data-classification"] } } : undefined;
    const carried = labelled ? { ...labelled, effective_labels: labelled.labels } : { tags, tags_all: tags };
    changes.push({
      address, module_address: inModule ? `module.${inModule}` : undefined, mode: "managed", type: kind.type, name,
      provider_name: providers[key].full_name,
      change: { actions: [pick(["create", "update", "no-op"])], before: null, after: { ...kind.after(), ...carried }, after_unknown: { id: true, arn: true }, after_sensitive: {} },
    });
  }
  return {
    format_version: "1.2", terraform_version: "1.9.8",
    variables: { us_region: { value: "us-east-1" } },
    resource_changes: changes,
    configuration: {
      provider_config: providers,
      root_module: {
        resources: rootResources,
        module_calls: Object.fromEntries(Object.entries(moduleResources).map(([m, resources]) => [m, { source: `./modules/${m}`, module: { resources } }])),
      },
    },
  };
}

/** Median wall time and peak RSS of a command, over RUNS runs. */
function measure(command, args) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const run = spawnSync("/usr/bin/time", ["-f", "%M", command, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
    const wall = performance.now() - started;
    const rssKb = Number(run.stderr.trim().split("\n").pop());
    runs.push({ wall, rss: rssKb / 1024, status: run.status, stderr: run.stderr });
  }
  runs.sort((a, b) => a.wall - b.wall);
  return runs[Math.floor(RUNS / 2)];
}

/** souverain check, the parse floor and conftest on one generated plan of `count` resources. */
function benchAt(count, work) {
  const file = join(work, `plan-${count}.json`);
  writeFileSync(file, JSON.stringify(generate(count)));
  console.log(`plan: ${count} resources, ${(statSync(file).size / 1e6).toFixed(1)} MB`);

  const ours = measure(process.execPath, [join(root, "bin", "souverain.js"), "check", file, "--format", "json", "--output", join(work, "report.json")]);
  if (ours.status !== 1) throw new Error(`souverain check exited ${ours.status}: ${ours.stderr}`);
  console.log(`  souverain check: ${ours.wall.toFixed(0)} ms, peak RSS ${ours.rss.toFixed(0)} MB`);

  const floor = measure(process.execPath, ["-e", "JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'))", file]);
  console.log(`  node -e JSON.parse (floor): ${floor.wall.toFixed(0)} ms, peak RSS ${floor.rss.toFixed(0)} MB`);

  let theirs = null;
  try {
    const conftest = ensureTool("conftest");
    theirs = measure(conftest, ["test", "--no-color", "-p", join(root, "scripts", "bench-plan"), file]);
    if (theirs.status !== 1) throw new Error(`conftest exited ${theirs.status}`);
    console.log(`  conftest test (region rule): ${theirs.wall.toFixed(0)} ms, peak RSS ${theirs.rss.toFixed(0)} MB`);
  } catch (error) {
    console.log(`  conftest not measured (${error.message.split("\n")[0]}): ratio_vs_conftest is null`);
  }
  rmSync(file);
  return {
    resources: count,
    wall_ms: Math.round(ours.wall),
    peak_rss_mb: Math.round(ours.rss),
    parse_floor_ms: Math.round(floor.wall),
    conftest_ms: theirs ? Math.round(theirs.wall) : null,
    ratio_vs_parse_floor: Number((ours.wall / floor.wall).toFixed(2)),
    ratio_vs_conftest: theirs ? Number((ours.wall / theirs.wall).toFixed(2)) : null,
  };
}

const work = mkdtempSync(join(tmpdir(), "souverain-bench-plan-"));
try {
  const [first, ...more] = COUNTS.map((count) => benchAt(count, work));
  console.log(JSON.stringify({ ...first, ...Object.fromEntries(more.map((m) => [`at_${m.resources}`, m])) }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
