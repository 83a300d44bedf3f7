// Pinned Go tools, built from the Go module proxy into .tools/bin and reused when present.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "./paths.mjs";

const toolsBin = join(root, ".tools", "bin");

export const TOOLS = {
  opa: { module: "github.com/open-policy-agent/opa", version: "v1.22.2" },
  conftest: { module: "github.com/open-policy-agent/conftest", version: "v0.71.1" },
  // pkg/v3 has replace directives, so it is built inside a small module that requires it (tools/pulumi).
  pulumi: { module: "github.com/pulumi/pulumi/pkg/v3", version: "v3.259.0", package: "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi", toolsModule: "tools/pulumi" },
};

export const toolPath = (name) => join(toolsBin, name);

/** The module version a Go binary was built from, as `go version -m` reads it from the binary. */
function installedVersion(name) {
  if (!existsSync(toolPath(name))) return null;
  try {
    const out = execFileSync("go", ["version", "-m", toolPath(name)], { encoding: "utf8" });
    return new RegExp(`^\\s*(?:mod|dep)\\s+${TOOLS[name].module.replaceAll(".", "\\.")}\\s+(\\S+)`, "m").exec(out)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** The tool's path, after building it with `go install` when it is missing or not the pinned version. */
export function ensureTool(name) {
  const { module, version, package: pkg, toolsModule } = TOOLS[name];
  if (installedVersion(name) === version) return toolPath(name);
  mkdirSync(toolsBin, { recursive: true });
  console.error(`building ${name} ${version} into ${toolsBin} (go install, first run only)`);
  execFileSync("go", ["install", toolsModule ? pkg : `${module}@${version}`], {
    cwd: toolsModule ? join(root, toolsModule) : root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, GOBIN: toolsBin, CGO_ENABLED: "0", ...(toolsModule ? { GOFLAGS: "-mod=mod" } : {}) },
  });
  return toolPath(name);
}

// `node scripts/tools.mjs NAME` builds a tool if needed and prints its path.
if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureTool(process.argv[2]));
