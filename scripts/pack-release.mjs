#!/usr/bin/env node
// npm run pack:release [outdir]: the two tarballs a user installs: souverain (engine, CLI, CDKTF) and
// @souverain/pulumi-policy-pack, whose in-repo link to the engine (file:../..) becomes a version range.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { root } from "./paths.mjs";

const out = resolve(process.argv[2] ?? join(root, "dist-packages"));
mkdirSync(out, { recursive: true });
const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
const npmPack = (dir) => execFileSync("npm", ["pack", "--silent", "--pack-destination", out], { cwd: dir, encoding: "utf8" }).trim().split("\n").pop();

const engine = npmPack(root);
const staging = mkdtempSync(join(tmpdir(), "souverain-pack-"));
try {
  cpSync(join(root, "packs", "souverain"), staging, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(staging, "package.json"), "utf8"));
  manifest.dependencies.souverain = `^${version}`;
  writeFileSync(join(staging, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  const pack = npmPack(staging);
  console.log(join(out, engine));
  console.log(join(out, pack));
} finally {
  rmSync(staging, { recursive: true, force: true });
}
