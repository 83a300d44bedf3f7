import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const policies = join(root, "policies");
export const compiled = join(policies, "compiled");
export const regoSources = ["policies/main", "policies/lib", "policies/rules"];
export const catalogFile = "policies/catalog/catalog.json";
// One catalog of words per language, read by the rules as data.words.<lang>.
export const languages = ["en", "fr"];
export const wordsFile = (lang) => `src/locales/${lang}.json`;
// The verdict; what the engine asks when it judges each distinct shape of resource once; and the
// exemptions naming none of the resources a whole run judged.
export const entrypoints = ["souverain/main/result", "souverain/main/prepare", "souverain/main/unused_exemptions"];
