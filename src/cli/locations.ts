import { readFileSync, readdirSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { Lang } from "../model/findings.js";
import type { Report } from "./report.js";
import { fill, words } from "../words.js";

/** "CDKTF construct prod/archives", in the report's language. */
export const constructLabel = (construct: string, lang: Lang): string => fill(words[lang].locations.construct, { construct });

/** Where a resource comes from, as CI reports show it: a file, a line, and for CDKTF the construct. */
export interface SourceLocation {
  file: string;
  line: number;
  /** The CDKTF construct path (`prod/archives`), from cdk.tf.json's `//` metadata. */
  construct?: string;
}

/**
 * A file as a SARIF / JUnit reference: relative to the working directory (where CI runs, the
 * repository's root) when it is under it, else an absolute `file://` URI. Relative references use `/`
 * and percent-encode what a URI may not hold.
 */
export function fileReference(file: string): { uri: string; relative: boolean } {
  const absolute = resolve(file);
  const fromCwd = relative(process.cwd(), absolute);
  if (fromCwd && fromCwd !== ".." && !fromCwd.startsWith(`..${sep}`) && !isAbsolute(fromCwd)) {
    return { uri: fromCwd.split(sep).map(encodeURIComponent).join("/"), relative: true };
  }
  return { uri: pathToFileURL(absolute).href, relative: false };
}

/** The 1-based line of the first occurrence of `needle` at or after `from` in `text`, else undefined. */
function lineOf(text: string, needle: string | RegExp, from = 0): number | undefined {
  const at = typeof needle === "string" ? text.indexOf(needle, from) : text.slice(from).search(needle);
  if (at < 0) return undefined;
  const index = typeof needle === "string" ? at : from + at;
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `module.a[0].module.b.aws_s3_bucket.x["k"] (deposed 1)` -> modules [a, b], type, name. */
function parseAddress(address: string): { modules: string[]; type: string; name: string } | undefined {
  const match = /^((?:module\.[^.[\s]+(?:\[[^\]]*\])?\.)*)([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)/.exec(address);
  if (!match) return undefined;
  const modules = [...match[1]!.matchAll(/module\.([^.[\s]+)/g)].map((m) => m[1]!);
  return { modules, type: match[2]!, name: match[3]! };
}

interface ModuleCall { source?: unknown; module?: { module_calls?: Record<string, ModuleCall> } }

/**
 * The folder holding a module's configuration, from the plan's `configuration` (local sources only,
 * `./modules/x`, relative to the calling module's folder); undefined for registry or git modules.
 */
function moduleFolder(plan: unknown, root: string, modules: string[]): string | undefined {
  let calls = (plan as { configuration?: { root_module?: { module_calls?: Record<string, ModuleCall> } } } | undefined)?.configuration?.root_module?.module_calls;
  let folder = root;
  for (const name of modules) {
    const call = calls?.[name];
    if (typeof call?.source !== "string" || !/^\.\.?\//.test(call.source)) return undefined;
    folder = join(folder, call.source);
    calls = call.module?.module_calls;
  }
  return folder;
}

/** The `resource "type" "name"` block in the *.tf files of a folder: its file and line. */
function terraformBlock(folder: string, type: string, name: string): SourceLocation | undefined {
  let files: string[];
  try {
    files = readdirSync(folder).filter((f) => f.endsWith(".tf")).sort();
  } catch {
    return undefined;
  }
  const block = new RegExp(`^[ \\t]*resource[ \\t]+"${escapeRegExp(type)}"[ \\t]+"${escapeRegExp(name)}"`, "m");
  for (const f of files) {
    const text = read(join(folder, f));
    const line = text === undefined ? undefined : lineOf(text, block);
    if (line !== undefined) return { file: join(folder, f), line };
  }
  return undefined;
}

/** cdk.tf.json: the resource block's line and its construct path (`//.metadata.path`). */
function cdktfBlock(file: string, text: string, document: unknown, id: string): SourceLocation | undefined {
  const address = parseAddress(id.slice(id.indexOf("/") + 1)) ?? parseAddress(id);
  if (!address || document === undefined) return undefined;
  const resources = (document as { resource?: Record<string, Record<string, { "//"?: { metadata?: { path?: unknown } } }>> }).resource;
  const path = resources?.[address.type]?.[address.name]?.["//"]?.metadata?.path;
  const construct = typeof path === "string" ? path : undefined;
  const typeAt = text.indexOf(`${JSON.stringify(address.type)}:`);
  const line = typeAt < 0 ? undefined : lineOf(text, `${JSON.stringify(address.name)}:`, typeAt);
  return { file, line: line ?? 1, ...(construct ? { construct } : {}) };
}

/**
 * Finds where each resource of a report is declared, reading each input file at most once:
 * - a Terraform plan or state beside its configuration: the `resource "type" "name"` block in the
 *   *.tf files of the plan's folder, or of a local module's folder (plans only: states do not say
 *   where modules come from);
 * - cdk.tf.json: the resource's block in it, and its construct path;
 * - otherwise the input file, at the first line naming the resource (1 when none does).
 */
export function sourceLocator(report: Report): (file: string, resource: string) => SourceLocation {
  const formats = new Map(report.inputs.map((i) => [i.file, i.format]));
  const texts = new Map<string, string>();
  const documents = new Map<string, unknown>();
  const textOf = (file: string) => {
    if (!texts.has(file)) texts.set(file, read(file) ?? "");
    return texts.get(file)!;
  };
  const documentOf = (file: string) => {
    if (!documents.has(file)) {
      try {
        documents.set(file, JSON.parse(textOf(file)));
      } catch {
        documents.set(file, undefined);
      }
    }
    return documents.get(file);
  };
  const cache = new Map<string, SourceLocation>();
  const locate = (file: string, resource: string): SourceLocation => {
    const format = formats.get(file);
    if (format === "terraform-plan" || format === "terraform-state") {
      const address = parseAddress(resource);
      if (address) {
        const folder = address.modules.length === 0 ? dirname(file) : format === "terraform-plan" ? moduleFolder(documentOf(file), dirname(file), address.modules) : undefined;
        const found = folder === undefined ? undefined : terraformBlock(folder, address.type, address.name);
        if (found) return found;
      }
    }
    const text = textOf(file);
    // `terraform show -json` writes one line: searching a large plan would find line 1.
    if (format?.startsWith("terraform-") && format !== "terraform-json" && text.indexOf("\n") >= text.length - 1) return { file, line: 1 };
    if (format === "terraform-json") {
      const found = cdktfBlock(file, text, documentOf(file), resource);
      if (found) return found;
    }
    for (const needle of [JSON.stringify(resource), JSON.stringify(resource.split(".").pop())]) {
      const line = lineOf(text, needle);
      if (line !== undefined) return { file, line };
    }
    return { file, line: 1 };
  };
  return (file, resource) => {
    const key = `${file}\u0000${resource}`;
    if (!cache.has(key)) cache.set(key, locate(file, resource));
    return cache.get(key)!;
  };
}
