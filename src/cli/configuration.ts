import { loadConfigFile, type Config } from "../config.js";
import type { Engine } from "../engine.js";
import { InputError } from "../errors.js";
import { readJsonAsset } from "../assets.js";

/** The configuration file given with --config, or the defaults. */
export const loadConfiguration = (file: string | undefined): Config => (file ? loadConfigFile(file) : {});

/** The class names the configuration schema lets classAliases map to, for the message below. */
function classNames(): string[] {
  const schema = readJsonAsset<{ properties?: { classAliases?: { additionalProperties?: { enum?: string[] } } } }>("schemas", "config.schema.json");
  return schema.properties?.classAliases?.additionalProperties?.enum ?? [];
}

/**
 * `defaultClassification` must name a class, or every unclassified resource would carry a value that
 * names none. Which values name a class (spellings, the user's classAliases) is the rules' decision:
 * `engine`, made with `config`, is asked about one resource with nothing of its own, which the default
 * alone classifies.
 */
export function assertDefaultClassification(engine: Engine, config: Config, file: string | undefined): void {
  if (config.defaultClassification === undefined) return;
  const [probe] = engine.evaluate({ resources: [{ id: "default-classification", type: "default-classification", cloud: null, region: null }] }, file ?? "configuration").resources;
  const unnamed = probe?.unrecognizedClasses ?? [];
  if (probe && probe.classes.length > 0 && unnamed.length === 0) return;
  const names = [...classNames(), ...Object.keys(config.classAliases ?? {})];
  const problem = unnamed.length > 0 ? `${unnamed.map((v) => JSON.stringify(v)).join(", ")} ${unnamed.length > 1 ? "name" : "names"} no class` : "names no class";
  throw new InputError(file ?? "configuration", "/defaultClassification", `${problem}${names.length ? `; classes: ${names.join(", ")}` : ""}`);
}
