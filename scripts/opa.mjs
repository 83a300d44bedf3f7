// The pinned OPA binary, built from the Go module proxy into .tools/ and reused when present.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "./paths.mjs";

export const OPA_VERSION = "v1.22.2";
const toolsBin = join(root, ".tools", "bin");
export const opaPath = join(toolsBin, "opa");

function installedVersion() {
  if (!existsSync(opaPath)) return null;
  const out = execFileSync(opaPath, ["version"], { encoding: "utf8" });
  return /^Version: (\S+)/m.exec(out)?.[1] ?? null;
}

export function ensureOpa() {
  if (installedVersion() === OPA_VERSION.replace(/^v/, "")) return opaPath;
  mkdirSync(toolsBin, { recursive: true });
  console.error(`building opa ${OPA_VERSION} into ${toolsBin} (go install, first run only)`);
  execFileSync("go", ["install", `github.com/open-policy-agent/opa@${OPA_VERSION}`], {
    stdio: "inherit",
    env: { ...process.env, GOBIN: toolsBin, CGO_ENABLED: "0" },
  });
  return opaPath;
}

/** Runs opa; on failure throws an Error carrying opa's own message, not a Node stack. */
export function opa(args, options = {}) {
  try {
    return execFileSync(ensureOpa(), args, { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "pipe"], ...options });
  } catch (error) {
    const detail = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim();
    throw new Error(`opa ${args[0]} failed:\n${detail || error.message}`);
  }
}
