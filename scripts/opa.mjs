// OPA, pinned: the version that compiles the committed wasm.
import { execFileSync } from "node:child_process";
import { TOOLS, ensureTool, toolPath } from "./tools.mjs";

export const OPA_VERSION = TOOLS.opa.version;
export const opaPath = toolPath("opa");
export const ensureOpa = () => ensureTool("opa");

/** Runs opa; on failure throws an Error carrying opa's own message, not a Node stack. */
export function opa(args, options = {}) {
  try {
    return execFileSync(ensureOpa(), args, { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "pipe"], ...options });
  } catch (error) {
    const detail = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim();
    throw new Error(`opa ${args[0]} failed:\n${detail || error.message}`);
  }
}
