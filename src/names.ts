import type { Lang } from "./model/findings.js";
import { fill, words } from "./words.js";

/** Names of what the catalog and the rules designate by code (countries, places, data classes), in the reader's language. */

const regionNames = { en: new Intl.DisplayNames(["en"], { type: "region" }), fr: new Intl.DisplayNames(["fr"], { type: "region" }) };

/**
 * A country's name in the report's language: the catalog's (src/locales), else the ICU data Node ships
 * for a code the catalog does not name (the codes are ISO 3166 alpha-2).
 */
export function countryName(code: string, lang: Lang): string {
  const names: Record<string, string> = words[lang].countries;
  return Object.hasOwn(names, code) ? names[code]! : regionNames[lang].of(code) ?? code;
}

/** A data class as the report's language names it on its own: "données de santé". */
export function className(name: string, lang: Lang): string {
  const names: Record<string, string> = words[lang].classNouns;
  return Object.hasOwn(names, name) ? names[name]! : name;
}

/** A classification value the rules did not recognise; a front door's stand-in for an unreadable tag in words. */
export function unrecognizedName(value: string, lang: Lang): string {
  const names: Record<string, string> = words[lang].unreadable;
  return Object.hasOwn(names, value) ? names[value]! : value;
}

/**
 * Where a resource's classification came from, as the rules record it ("tag data-classification
 * (resource)", "configuration defaultClassification"), in the reader's language.
 */
export function originName(origin: string, lang: Lang): string {
  const w = words[lang].origins;
  const sources: Record<string, string> = w.sources;
  const tag = /^tag (.*) \(([^()]*)\)$/.exec(origin);
  if (tag) return fill(w.tag, { key: tag[1]!, source: Object.hasOwn(sources, tag[2]!) ? sources[tag[2]!]! : tag[2]! });
  return origin === "configuration defaultClassification" ? w.default : origin;
}

/** A catalog place name (English) in the report's language; a name the catalog does not translate stays as it is. */
export function placeName(name: string, lang: Lang): string {
  const names: Record<string, string> = words[lang].places;
  return Object.hasOwn(names, name) ? names[name]! : name;
}
