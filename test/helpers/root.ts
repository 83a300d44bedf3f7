import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The repository root, found from here whether this runs from test/ or from a build of it. */
function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "souverain") return dir;
  }
  throw new Error(`no souverain package.json above ${from}`);
}

export const repoRoot = findRoot(import.meta.dirname);
