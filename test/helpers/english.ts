import { readFileSync } from "node:fs";
import { words } from "../../src/words.js";

// Finds English left in a French text: the words of our English catalog (and of the rules' English
// metadata) that our French never uses. Whatever the user wrote (ids, justifications, names) is
// removed first by the caller.

const wordsOf = (text: string) => text.toLowerCase().match(/\p{L}{3,}/gu) ?? [];

function strings(tree: unknown): string[] {
  if (typeof tree === "string") return [tree.replace(/\{\w+\}/g, " ")];
  if (tree && typeof tree === "object") return Object.values(tree).flatMap(strings);
  return [];
}

const rules = JSON.parse(readFileSync(new URL("../../policies/compiled/rules.json", import.meta.url), "utf8")) as Record<string, Record<string, unknown>>;
const inLanguage = (lang: "en" | "fr") => [
  ...strings({ ...words[lang], $comment: "" }),
  ...Object.values(rules).flatMap((r) => ["title", "description", "basis", "fix"].flatMap((f) => strings((r[f] as Record<string, string>)[lang]))),
];

// Levels are labels in a report ("[bloquant]"); French names them only in the baseline's problem
// message, which the callers' inputs do not produce.
const levels = ["mandatory", "advisory"];
const french = new Set(inLanguage("fr").flatMap(wordsOf).filter((w) => !levels.includes(w)));
const english = new Set([...inLanguage("en").flatMap(wordsOf), "the", "and", "with", "from", "until", "data", "finding", "findings", ...levels].filter((w) => !french.has(w)));

/** The English words found in a French text, each once. */
export function englishIn(text: string): string[] {
  return [...new Set(wordsOf(text).filter((w) => english.has(w)))];
}
