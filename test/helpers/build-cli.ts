import { execFileSync } from "node:child_process";

/** CLI tests run bin/souverain.js, which loads dist/: compile it from the current sources first. */
export default function setup(): void {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
