import { existsSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { assetPath } from "../assets.js";
import type { Config } from "../config.js";
import { UsageError } from "../errors.js";
import type { Lang } from "../model/findings.js";
import { fill, words } from "../words.js";

export const CONFIG_FILE = "souverain.json";
export const PACK_CONFIG_FILE = "souverain-policy.json";

/** Where an editor finds one of the package's schemas from a file in `folder`: a relative path. */
export function schemaPointer(folder: string, schema: string): string {
  return relative(folder, assetPath("schemas", schema)).split(sep).join("/");
}

/**
 * `souverain init`: the configuration (schemas/config.schema.json, with `$schema` so that editors
 * complete it) and the same settings as the Pulumi pack's --policy-pack-config file. Writes nothing
 * when either file exists: a reviewed configuration is never overwritten. `say`: the language of its errors.
 */
export function init(folder: string, lang: Lang | undefined, say: Lang = lang ?? "en"): string[] {
  const settings: Config = { classificationTags: ["data-classification"], exemptions: [] };
  const files = {
    [CONFIG_FILE]: { $schema: schemaPointer(folder, "config.schema.json"), ...settings },
    [PACK_CONFIG_FILE]: { souverain: { ...(lang ? { lang } : {}), ...settings } },
  };
  if (!existsSync(folder)) throw new UsageError(fill(words[say].init.noFolder, { folder }));
  const paths = Object.keys(files).map((name) => join(folder, name));
  const existing = paths.find((path) => existsSync(path));
  if (existing) throw new UsageError(fill(words[say].init.exists, { file: existing }));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), JSON.stringify(content, null, 2) + "\n", { flag: "wx" });
  return paths;
}
