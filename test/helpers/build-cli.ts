import { execFileSync } from "node:child_process";

/**
 * CLI tests run bin/souverain.js, which loads dist/; example tests run the examples and the harness
 * compiled to .examples-build/. Compile both from the current sources first.
 */
export default function setup(): void {
  for (const project of ["tsconfig.build.json", "tsconfig.examples.json"]) {
    execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", project], { stdio: "inherit" });
  }
}
