#!/usr/bin/env node
// npm run pack:release [outdir]: the two tarballs a user installs: souverain (engine, CLI, CDKTF) and
// @souverain/pulumi-policy-pack, whose in-repo link to the engine (file:../..) becomes a version range.
// Each is packed from a staging copy with its published manifest: no `scripts` (the repository's
// `prepare` builds dist/ from sources that are not published; the other scripts need the repository)
// and no `workspaces` (folders that are not published). dist/ is compiled afresh into the staging copy.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { root } from "./paths.mjs";

const out = resolve(process.argv[2] ?? join(root, "dist-packages"));
mkdirSync(out, { recursive: true });
const npmPack = (dir) => execFileSync("npm", ["pack", "--silent", "--pack-destination", out], { cwd: dir, encoding: "utf8" }).trim().split("\n").pop();

/** The manifest as published. */
function published(manifest) {
  const { scripts: _scripts, workspaces: _workspaces, ...rest } = manifest;
  return rest;
}

const readManifest = (dir) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const writeManifest = (dir, manifest) => writeFileSync(join(dir, "package.json"), JSON.stringify(published(manifest), null, 2) + "\n");

const staging = mkdtempSync(join(tmpdir(), "souverain-pack-"));
try {
  const engineDir = join(staging, "souverain");
  const manifest = readManifest(root);
  for (const entry of [...manifest.files.filter((f) => f !== "dist/"), "README.md", "LICENSE"]) {
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(engineDir, entry), { recursive: true });
  }
  execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, "tsconfig.build.json"), "--outDir", join(engineDir, "dist")], { stdio: "inherit" });
  writeManifest(engineDir, manifest);
  const engine = npmPack(engineDir);

  const packDir = join(staging, "pack");
  cpSync(join(root, "packs", "souverain"), packDir, { recursive: true });
  const packManifest = readManifest(packDir);
  packManifest.dependencies.souverain = `^${manifest.version}`;
  writeManifest(packDir, packManifest);
  const pack = npmPack(packDir);
  console.log(join(out, engine));
  console.log(join(out, pack));
} finally {
  rmSync(staging, { recursive: true, force: true });
}
