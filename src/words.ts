import type { Lang } from "./model/findings.js";
import en from "./locales/en.json" with { type: "json" };
import fr from "./locales/fr.json" with { type: "json" };

/**
 * Every word Souverain prints, one catalog per language (src/locales/<lang>.json). The rules read the
 * same files as `data.words` for their messages; TypeScript reads the labels of its reports from them.
 */
export type Words = typeof en;

export const words: Record<Lang, Words> = { en, fr };

/** The template with each `{name}` replaced by its value, in one pass: a value is never read as a placeholder. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** `{ one, other }` chosen for `n` by the language's plural rules (French: 0 and 1 are singular). */
export function plural(lang: Lang, forms: { one: string; other: string }, n: number): string {
  return fill(pluralRules[lang].select(n) === "one" ? forms.one : forms.other, { n });
}

const pluralRules = { en: new Intl.PluralRules("en"), fr: new Intl.PluralRules("fr") };

/** A YYYY-MM-DD date as the language writes it: "31 mars 2027", "1er mars 2027"; anything else as it is. */
export function dateIn(lang: Lang, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m && words[lang].date.months[Number(m[2]) - 1];
  if (!m || !month) return iso;
  const day = Number(m[3]);
  return fill(words[lang].date.format, { day: day === 1 ? words[lang].date.first : String(day), month, year: m[1]!, iso });
}
