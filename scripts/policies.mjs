#!/usr/bin/env node
// build: compile the Rego rules to wasm, read their annotations back, write the manifest.
// check: formatting, strict compile, unit tests with coverage, and freshness of the committed build.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createRequire } from "node:module";
import { OPA_VERSION, opa, opaPath } from "./opa.mjs";
import { catalogFile, compiled, entrypoints, languages, regoSources, root, wordsFile } from "./paths.mjs";

const MIN_COVERAGE = 90;
const require = createRequire(import.meta.url);
const sdkDir = join(require.resolve("@open-policy-agent/opa-wasm"), "..", "..");
const sdkVersion = JSON.parse(readFileSync(join(sdkDir, "package.json"), "utf8")).version;
const at = (...p) => join(root, ...p);
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

function filesUnder(path) {
  const full = at(path);
  if (statSync(full).isFile()) return [path];
  return readdirSync(full, { recursive: true })
    .map((f) => join(path, f))
    .filter((f) => statSync(at(f)).isFile())
    .sort();
}

const regoFiles = () => regoSources.flatMap(filesUnder).filter((f) => f.endsWith(".rego"));
const isTest = (f) => f.endsWith("_test.rego");

/** The SDK's own capabilities (what the wasm target and the JS SDK implement) plus the Rego v1 syntax. */
function capabilities() {
  const sdk = JSON.parse(readFileSync(join(sdkDir, "capabilities.json"), "utf8"));
  return { ...sdk, features: ["rego_v1", "keywords_in_refs"] };
}

/** Rule metadata keyed by rule id, read back from the METADATA annotations of each rule package. */
function ruleMetadata() {
  const inspected = JSON.parse(opa(["inspect", "--annotations", "-f", "json", at("policies/rules")]));
  const rules = {};
  for (const { annotations: a, path } of inspected.annotations ?? []) {
    if (a.scope !== "package") continue;
    const pkg = path.map((p) => p.value).slice(1).join(".");
    const id = pkg.split(".").pop().replaceAll("_", "-");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(a.custom?.last_reviewed))) throw new Error(`rule ${id}: METADATA custom.last_reviewed must be a quoted date "YYYY-MM-DD"`);
    for (const field of ["title_fr", "description_fr"]) {
      if (typeof a.custom?.[field] !== "string") throw new Error(`rule ${id}: METADATA custom.${field} must give the ${field.slice(0, -3)} in French`);
    }
    rules[id] = {
      id,
      package: pkg,
      title: { en: a.title, fr: a.custom.title_fr },
      description: { en: a.description.trim(), fr: a.custom.description_fr },
      enforcement: a.custom.enforcement,
      classes: a.custom.classes,
      basis: a.custom.basis,
      fix: a.custom.fix,
      frameworks: a.custom.frameworks,
      lastReviewed: a.custom.last_reviewed,
      references: (a.related_resources ?? []).map((r) => ({ description: r.description, url: r.ref })),
    };
  }
  return Object.fromEntries(Object.entries(rules).sort(([a], [b]) => a.localeCompare(b)));
}

function manifest(wasm, caps) {
  const sources = {};
  for (const f of [...regoFiles().filter((f) => !isTest(f)), catalogFile]) sources[f] = sha256(readFileSync(at(f)));
  return {
    opaVersion: OPA_VERSION,
    opaWasmSdk: sdkVersion,
    entrypoints,
    wasm: { file: "souverain.wasm", sha256: sha256(wasm) },
    capabilitiesSha256: sha256(caps),
    sources,
  };
}

const json = (value) => JSON.stringify(value, null, 2) + "\n";

/** Compiles into `outDir` and returns the file contents written. */
function build(outDir) {
  const work = mkdtempSync(join(tmpdir(), "souverain-build-"));
  try {
    const caps = json(capabilities());
    writeFileSync(join(work, "capabilities.json"), caps);
    const bundle = join(work, "bundle.tar.gz");
    opa(["build", "-t", "wasm", ...entrypoints.flatMap((e) => ["-e", e]), "--capabilities", join(work, "capabilities.json"),
      "--ignore", "*_test.rego", "-o", bundle, ...regoSources], { cwd: root });
    execFileSync("tar", ["-xzf", bundle, "-C", work, "/policy.wasm"], { stdio: "ignore" });
    const wasm = readFileSync(join(work, "policy.wasm"));
    const files = {
      "souverain.wasm": wasm,
      "capabilities.json": caps,
      "rules.json": json(ruleMetadata()),
      "manifest.json": json(manifest(wasm, caps)),
    };
    mkdirSync(outDir, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(outDir, name), content);
    return files;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function fail(message) {
  console.error(`check:policies: ${message}`);
  process.exit(1);
}

function check() {
  const unformatted = opa(["fmt", "--list", ...regoSources.map((p) => at(p))]).trim();
  if (unformatted) fail(`not formatted with opa fmt (run: .tools/bin/opa fmt -w policies):\n${unformatted}`);
  console.log("opa fmt: clean");

  opa(["check", "--strict", "--capabilities", at("policies/compiled/capabilities.json"), ...regoSources.map((p) => at(p))]);
  console.log("opa check --strict: clean");

  const data = [`catalog:${at(catalogFile)}`, `rule_metadata:${at("policies/compiled/rules.json")}`, ...languages.map((l) => `words.${l}:${at(wordsFile(l))}`)];
  const sources = regoSources.map((p) => at(p));
  let results;
  try {
    results = JSON.parse(opa(["test", "-f", "json", ...data, ...sources]));
  } catch (error) {
    const verbose = spawnSync(opaPath, ["test", "-v", ...data, ...sources], { encoding: "utf8" });
    fail(`opa test failed:\n${verbose.stdout}${verbose.stderr}`);
  }
  const report = JSON.parse(opa(["test", "--coverage", "-f", "json", ...data, ...sources]));
  const failed = results.filter((r) => r.fail || r.error);
  console.log(`opa test: ${results.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length) fail(failed.map((r) => `${r.package}.${r.name}`).join(", "));
  const coverage = report.coverage;
  console.log(`opa test coverage: ${coverage.toFixed(1)}% (minimum ${MIN_COVERAGE}%)`);
  const weak = Object.entries(report.files)
    .filter(([f, c]) => !isTest(f) && c.coverage < 100)
    .map(([f, c]) => `  ${relative(root, f)} ${c.coverage.toFixed(1)}% (lines not covered: ${(c.not_covered ?? []).map((r) => r.start.row).join(", ")})`);
  if (weak.length) console.log(weak.join("\n"));
  if (coverage < MIN_COVERAGE) fail(`coverage ${coverage.toFixed(1)}% is under ${MIN_COVERAGE}%`);

  const fresh = build(mkdtempSync(join(tmpdir(), "souverain-fresh-")));
  const stale = Object.entries(fresh).filter(([name, content]) => {
    const committed = readFileSync(join(compiled, name));
    return !committed.equals(Buffer.from(content));
  });
  if (stale.length) fail(`policies/compiled is stale (${stale.map(([n]) => n).join(", ")}): run npm run build:policies and commit`);
  console.log("policies/compiled: fresh (wasm, rules, capabilities and manifest match the sources)");
}

const command = process.argv[2];
process.on("uncaughtException", (error) => {
  console.error(`${command ?? "policies"}: ${error.message}`);
  process.exit(1);
});
if (command === "build") {
  const files = build(compiled);
  console.log(`built ${relative(root, compiled)}: souverain.wasm ${files["souverain.wasm"].length} bytes, ${Object.keys(JSON.parse(files["rules.json"])).length} rules`);
} else if (command === "check") {
  check();
} else {
  console.error("usage: node scripts/policies.mjs build|check");
  process.exit(2);
}
