/**
 * npm run demo shows what a user would see: the findings and each exit code, never a Node stack trace
 * (the two CDKTF synths fail by design). It runs in a copy of the repository, since it synthesises into
 * examples/cdktf-*\/cdktf.out, which other suites read.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { expect, it } from "vitest";
import { repoRoot } from "./helpers/root.js";

const NOT_COPIED = new Set(["node_modules", ".git", ".tools", ".examples-build", "cdktf.out", "dist-packages", "coverage"]);

it("npm run demo prints findings and exit codes, and no stack trace", () => {
  const copy = join(mkdtempSync(join(tmpdir(), "souverain-demo-")), "souverain");
  cpSync(repoRoot, copy, { recursive: true, filter: (source) => !NOT_COPIED.has(basename(source)) });
  symlinkSync(join(repoRoot, "node_modules"), join(copy, "node_modules"), "dir");
  const run = spawnSync(process.execPath, [join(copy, "scripts", "demo.mjs")], { cwd: copy, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const output = run.stdout + run.stderr;
  expect(run.status, output).toBe(0);
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(output).not.toMatch(/node:internal|Node\.js v\d+|^\s*\^$/m);
  for (const example of ["cdktf-aws", "cdktf-s3ns"]) {
    const synth = output.slice(output.indexOf(`=== cdktf synth of examples/${example}`));
    expect(synth).toMatch(/^Error: App-level validation failed with the following errors:\n {2}\[[\w-]+\] souverain sensitive-requires-secnumcloud: /m);
    expect(synth).toContain("--> exit 1: synth failed on the violating stack");
  }
  expect(output).toContain(`--> exit 1: the report is in ${join(copy, "examples", "report.html")}: open it in a browser`);
  expect(readFileSync(join(copy, "examples", "report.html"), "utf8")).toMatch(/^<!DOCTYPE html>/);
  expect(output).toContain("Every example was judged as expected.");
}, 300_000);
