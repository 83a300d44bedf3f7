#!/usr/bin/env node
// The main job on the bundled examples: judge them and print the findings. The violating examples
// are meant to be blocked, so the check's exit code 1 is the expected outcome here.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../bin/souverain.js", import.meta.url));
const args = [bin, "check", "examples/canonical", "--config", "examples/souverain.config.json", ...process.argv.slice(2)];
console.log(`$ souverain ${args.slice(1).join(" ")}`);
const { status } = spawnSync(process.execPath, args, { stdio: "inherit" });
if (status === 1) {
  console.log("\nExit code 1: the violating examples are blocked, as they should be.");
  process.exit(0);
}
console.error(`\nUnexpected exit code ${status}: the violating examples should have been blocked (exit 1).`);
process.exit(1);
