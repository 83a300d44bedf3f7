import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./root.js";

/** Runs bin/souverain.js as a user would (built by the test setup), in English unless `env` says otherwise. */
export function souverain(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const run = spawnSync(process.execPath, [join(repoRoot, "bin", "souverain.js"), ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: "utf8",
    env: { ...process.env, LANG: "C", LC_ALL: "", NO_COLOR: "1", ...options.env },
    maxBuffer: 1 << 28,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A fresh folder, and a function that writes a file in it (objects as JSON). */
export function scratch(prefix: string): { dir: string; write: (name: string, content: unknown) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write: (name, content) => {
      const file = join(dir, name);
      writeFileSync(file, typeof content === "string" || Buffer.isBuffer(content) ? content : JSON.stringify(content));
      return file;
    },
  };
}
