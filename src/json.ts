import { readFileSync } from "node:fs";
import { InputError } from "./errors.js";

/** JSON.parse, with errors as one line naming the file, line and column. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message)?.[1];
    // Keep the parser's reason, never its echo of the input (which may hold a secret).
    const reason = message.split(/ in JSON|, "|\n/)[0]!;
    if (offset === undefined) {
      return fail(file, text.trim() === "" ? "empty file, expected JSON" : `invalid JSON: ${reason}`);
    }
    const before = text.slice(0, Number(offset));
    const line = before.split("\n").length;
    const column = Number(offset) - before.lastIndexOf("\n");
    return fail(file, `invalid JSON at line ${line}, column ${column}: ${reason}`);
  }
}

function fail(file: string, problem: string): never {
  throw new InputError(file, "", problem);
}

/** Reads and parses a JSON file; a missing or unreadable file is an InputError, like bad JSON. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(file, "", code === "ENOENT" ? "no such file" : `cannot read: ${code ?? "error"}`);
  }
  return parseJson(text, file);
}
