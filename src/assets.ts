import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root: both `src/` (tests) and `dist/` (published) sit one level below it. */
const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

export const assetPath = (...parts: string[]): string => join(packageRoot, ...parts);

export const readJsonAsset = <T>(...parts: string[]): T =>
  JSON.parse(readFileSync(assetPath(...parts), "utf8")) as T;
