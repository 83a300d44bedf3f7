import type { Lang } from "./model/findings.js";

/** French when the environment's locale is French, else English. */
export const langFromEnvironment = (): Lang => (/^fr/i.test(process.env.LC_ALL || process.env.LANG || "") ? "fr" : "en");
