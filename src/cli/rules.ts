import { styleText } from "node:util";
import { rules } from "../engine.js";
import { UsageError } from "../errors.js";
import type { Lang, Localized, RuleMetadata } from "../model/findings.js";

/**
 * `souverain rules` and `souverain explain`: the rule metadata (policies/compiled/rules.json, read
 * back from the Rego METADATA), never texts of their own. Fields the metadata may hold in one language
 * or in both are shown in the user's language when they can be.
 */
const nbsp = "\u00a0";
const words = {
  en: { level: "Default level", basis: "Basis", fix: "Fix", frameworks: "Frameworks", classes: "Protects", reviewed: "Last reviewed",
    references: "References", configurable: "the configuration's enforcement may change it", colon: ":" },
  fr: { level: "Niveau par défaut", basis: "Fondement", fix: "Correction", frameworks: "Référentiels", classes: "Protège", reviewed: "Dernière revue",
    references: "Références", configurable: "modifiable par enforcement dans la configuration", colon: `${nbsp}:` },
} satisfies Record<Lang, Record<string, string>>;

const inLang = (value: string | Localized, lang: Lang): string => (typeof value === "string" ? value : value[lang]);

type Paint = (style: Parameters<typeof styleText>[0], text: string) => string;
const painter = (colour: boolean): Paint => (style, text) => (colour ? styleText(style, text) : text);

/** Every rule: id, default level, title, basis, frameworks and the day its basis was last reviewed. */
export function listRules(lang: Lang, format: "text" | "json", colour: boolean): string {
  const all: RuleMetadata[] = Object.values(rules);
  if (format === "json") return JSON.stringify(all, null, 2) + "\n";
  const w = words[lang];
  const paint = painter(colour);
  const blocks = all.map((rule) => [
    `${paint("bold", rule.id)}  ${paint("dim", `[${rule.enforcement}]`)}  ${inLang(rule.title, lang)}`,
    `    ${w.basis}${w.colon} ${rule.basis[lang]}`,
    `    ${w.frameworks}${w.colon} ${rule.frameworks.join(", ")}`,
    `    ${w.reviewed}${w.colon} ${rule.lastReviewed}`,
  ].join("\n"));
  return blocks.join("\n\n") + "\n";
}

/** One rule in full; an unknown id is a usage error that lists the ids. */
export function explainRule(id: string, lang: Lang, colour: boolean): string {
  const rule: RuleMetadata | undefined = rules[id];
  if (!rule) throw new UsageError(`unknown rule ${JSON.stringify(id)}; the rules are: ${Object.keys(rules).join(", ")}`);
  const w = words[lang];
  const paint = painter(colour);
  return [
    `${paint("bold", rule.id)}${w.colon} ${inLang(rule.title, lang)}`,
    `${w.level}${w.colon} ${rule.enforcement} (${w.configurable})`,
    ...(rule.classes.length ? [`${w.classes}${w.colon} ${rule.classes.join(", ")}`] : []),
    `${w.frameworks}${w.colon} ${rule.frameworks.join(", ")}`,
    `${w.reviewed}${w.colon} ${rule.lastReviewed}`,
    "",
    inLang(rule.description, lang).trim(),
    "",
    `${paint("bold", w.basis)}${w.colon} ${rule.basis[lang]}`,
    `${paint("bold", w.fix)}${w.colon} ${rule.fix[lang]}`,
    ...(rule.references.length ? ["", `${paint("bold", w.references)}${w.colon}`, ...rule.references.map((r) => `  ${r.description}${w.colon} ${r.url}`)] : []),
  ].join("\n") + "\n";
}
