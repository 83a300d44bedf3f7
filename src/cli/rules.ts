import { styleText } from "node:util";
import { rules } from "../engine.js";
import { UsageError } from "../errors.js";
import type { Lang, Localized, RuleMetadata } from "../model/findings.js";
import { dateIn, fill, words } from "../words.js";
import { className } from "../names.js";

/**
 * `souverain rules` and `souverain explain`: the rule metadata (policies/compiled/rules.json, read
 * back from the Rego METADATA), never texts of their own. Fields the metadata may hold in one language
 * or in both are shown in the user's language when they can be.
 */
const inLang = (value: string | Localized, lang: Lang): string => (typeof value === "string" ? value : value[lang] ?? value.en);

type Paint = (style: Parameters<typeof styleText>[0], text: string) => string;
const painter = (colour: boolean): Paint => (style, text) => (colour ? styleText(style, text) : text);

/** Every rule: id, default level, title, basis, frameworks and the day its basis was last reviewed. */
export function listRules(lang: Lang, format: "text" | "json", colour: boolean): string {
  const all: RuleMetadata[] = Object.values(rules);
  if (format === "json") return JSON.stringify(all, null, 2) + "\n";
  const w = words[lang].rulesCli;
  const labelled = (label: string, value: string) => fill(words[lang].common.labelled, { label, value });
  const paint = painter(colour);
  const blocks = all.map((rule) => [
    `${paint("bold", rule.id)}  ${paint("dim", `[${w.levels[rule.enforcement]}]`)}  ${inLang(rule.title, lang)}`,
    `    ${labelled(w.basis, rule.basis[lang])}`,
    `    ${labelled(w.frameworks, rule.frameworks.join(", "))}`,
    `    ${labelled(w.reviewed, dateIn(lang, rule.lastReviewed))}`,
  ].join("\n"));
  return blocks.join("\n\n") + "\n";
}

/** One rule in full; an unknown id is a usage error that lists the ids. */
export function explainRule(id: string, lang: Lang, colour: boolean): string {
  const w = words[lang].rulesCli;
  const rule: RuleMetadata | undefined = rules[id];
  if (!rule) throw new UsageError(fill(w.unknown, { id, ids: Object.keys(rules).join(", ") }));
  const labelled = (label: string, value: string) => fill(words[lang].common.labelled, { label, value });
  const paint = painter(colour);
  return [
    labelled(paint("bold", rule.id), inLang(rule.title, lang)),
    labelled(w.level, `${w.levels[rule.enforcement]} (${w.configurable})`),
    ...(rule.classes.length ? [labelled(w.classes, rule.classes.map((c) => className(c, lang)).join(", "))] : []),
    labelled(w.frameworks, rule.frameworks.join(", ")),
    labelled(w.reviewed, dateIn(lang, rule.lastReviewed)),
    "",
    inLang(rule.description, lang).trim(),
    "",
    labelled(paint("bold", w.basis), rule.basis[lang]),
    labelled(paint("bold", w.fix), rule.fix[lang]),
    ...(rule.references.length
      ? ["", fill(words[lang].common.label, { label: paint("bold", w.references) }), ...rule.references.map((r) => `  ${labelled(r.description, r.url)}`)]
      : []),
  ].join("\n") + "\n";
}
