import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors.js";
import { parseJson } from "../json.js";
import type { CanonicalDocument } from "../model/canonical.js";

/** One input file, parsed and recognised. */
export interface Input {
  file: string;
  format: "canonical";
  document: CanonicalDocument;
}

/** The JSON files a path names: the file itself, or every *.json under a folder, in a stable order. */
export function expand(path: string): string[] {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new InputError(path, "", "no such file or folder");
  }
  if (!stats.isDirectory()) return [path];
  const files = (readdirSync(path, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".json"))
    .map((f) => join(path, f))
    .filter((f) => statSync(f).isFile())
    .sort();
  if (files.length === 0) throw new InputError(path, "", "folder holds no .json file");
  return files;
}

export function readInput(file: string): Input {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(file, "", `cannot read: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  const document = parseJson(text, file);
  if (!isCanonical(document)) {
    throw new InputError(file, "/", 'not a Souverain canonical document (expected an object with a "resources" array)');
  }
  return { file, format: "canonical", document };
}

const isCanonical = (value: unknown): value is CanonicalDocument =>
  typeof value === "object" && value !== null && !Array.isArray(value) && "resources" in value;
