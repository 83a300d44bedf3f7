#!/usr/bin/env node
// The main job on the bundled examples. Violating examples are meant to be blocked: each step says
// what it expects, and the demo fails only when an outcome differs from that.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "souverain.js");
const failures = [];

function step(title, command, args, { cwd = root, expect, explain }) {
  console.log(`\n=== ${title}\n$ ${command === process.execPath ? "node" : command} ${args.map((a) => a.replace(root, "")).join(" ")}`);
  const { status, stdout, stderr } = spawnSync(command, args, { cwd, encoding: "utf8" });
  process.stdout.write(stdout);
  process.stdout.write(withoutStackTrace(stderr));
  const ok = expect(status, stdout + stderr);
  console.log(ok ? `--> exit ${status}: ${explain}` : `--> UNEXPECTED exit ${status}`);
  if (!ok) failures.push(title);
}

/**
 * What a user reads when a program stops on an error: its message (for a failed synth, the findings),
 * not the stack trace Node prints with an uncaught error, nor the source line and caret before it.
 */
function withoutStackTrace(output) {
  const lines = output.split("\n");
  const trace = lines.findIndex((line) => /^\s+at /.test(line));
  if (trace < 0) return output;
  const error = lines.findLastIndex((line, i) => i < trace && /^\w*Error\b.*: /.test(line));
  const origin = lines.findLastIndex((line, i) => i < error && /^(file:\/\/|\/|[A-Za-z]:\\).*:\d+$/.test(line));
  return [...lines.slice(0, origin < 0 ? error : origin), ...lines.slice(error, trace)].join("\n").trimEnd() + "\n";
}

const blocked = (status) => status === 1;

step("Canonical resources", process.execPath, [bin, "check", "examples/canonical", "--config", "examples/souverain.config.json", ...process.argv.slice(2)], {
  expect: blocked,
  explain: "the violating examples are blocked, as they should be.",
});

const htmlReport = join(root, "examples", "report.html");
step("HTML report of the canonical examples, for the people who sign off a deploy", process.execPath, [bin, "check", "examples/canonical", "--config", "examples/souverain.config.json", "--format", "html", "--output", htmlReport, "--quiet"], {
  expect: (s) => s === 1 && existsSync(htmlReport),
  explain: `the report is in ${htmlReport}: open it in a browser (one file, no network request) or print it.`,
});

step("Compile the CDKTF and Pulumi examples", process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.examples.json"], {
  expect: (s) => s === 0,
  explain: "compiled.",
});

for (const example of ["cdktf-aws", "cdktf-s3ns"]) {
  const cwd = join(root, "examples", example);
  rmSync(join(cwd, "cdktf.out"), { recursive: true, force: true });
  step(`cdktf synth of examples/${example} (Souverain.enforce in main.ts)`, process.execPath, [join(root, ".examples-build", "examples", example, "main.js")], {
    cwd,
    expect: (s, output) => s !== 0 && /App-level validation failed[\s\S]*souverain sensitive-requires-secnumcloud/.test(output),
    explain: "synth failed on the violating stack, listing its mandatory findings; advisory ones were printed as warnings.",
  });
}

step("souverain check on the synthesised stacks (cdktf.out)", process.execPath, [bin, "check", "examples/cdktf-aws/cdktf.out", "examples/cdktf-s3ns/cdktf.out"], {
  expect: blocked,
  explain: "the compliant stacks pass and the violating ones are blocked.",
});

step("Pulumi examples under the policy pack (packs/souverain)", process.execPath, [join(root, "scripts", "pulumi-demo.mjs")], {
  expect: (s) => s === 0,
  explain: "AWS Paris passes for personal data and is blocked for sensitive data; the multi-cloud and Azure stacks block their violating resources.",
});

if (failures.length) {
  console.error(`\nDemo outcomes differ from what was expected: ${failures.join("; ")}`);
  process.exit(1);
}
console.log("\nEvery example was judged as expected.");
