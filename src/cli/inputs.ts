import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, sep } from "node:path";
import { InputError } from "../errors.js";
import { parseJson } from "../json.js";
import type { CanonicalDocument } from "../model/canonical.js";
import type { Lang, Localized } from "../model/findings.js";
import { fill, words, type Words } from "../words.js";
import { fromPulumiPreview, isPulumiPreview, stackOf, type PreviewJson, type PreviewOptions } from "../pulumi/preview-json.js";
import { fromTerraformJson, isTerraformJson, type TerraformJson } from "../terraform/config-json.js";
import { fromPlan, isPlan, isState } from "../terraform/plan.js";

export type InputFormat = "canonical" | "terraform-plan" | "terraform-state" | "terraform-json" | "pulumi-preview";

/** One input file, recognised and turned into canonical resources. */
export interface Input {
  file: string;
  format: InputFormat;
  /** What was read, for people, in each language: "Terraform plan (format 1.2, Terraform 1.14.9)". */
  description: Localized;
  document: CanonicalDocument;
  /**
   * An empty plan: Terraform plans nothing to create or change. The only input allowed to hold no
   * resource; any other input where no resource is found is refused (exit 2), never passed.
   */
  empty?: true;
}

const STACK_FILE = "cdk.tf.json";

/** `-` reads the standard input: `pulumi preview --json | souverain check -`. */
const STDIN = "-";

/** Tool folders, never inputs. */
const SKIPPED_FOLDERS = new Set(["node_modules", ".git", ".terraform", ".gen"]);

/** A project's own files (npm, TypeScript, CDKTF), wherever they sit in a folder: not inputs. */
const PROJECT_FILE = /^(cdktf\.json|package(-lock)?\.json|npm-shrinkwrap\.json|tsconfig(\..+)?\.json)$/;

/**
 * The JSON files a path names: the file itself; a CDKTF stack folder's cdk.tf.json; or every *.json
 * under a folder, in a stable order. A project's files (package.json, tsconfig.json, cdktf.json) are
 * not inputs; in a folder holding CDKTF stacks, neither is the rest of cdktf.out (its manifest, what a
 * stack folder holds besides cdk.tf.json); anything else (a plan beside cdktf.out) is judged too.
 */
export function expand(path: string): string[] {
  if (path === STDIN) return [STDIN];
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new InputError(path, "", "no such file or folder");
  }
  if (!stats.isDirectory()) return [path];
  if (existsSync(join(path, STACK_FILE))) return [join(path, STACK_FILE)];
  const files = (readdirSync(path, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".json") && !PROJECT_FILE.test(basename(f)) && !f.split(/[\\/]/).slice(0, -1).some((folder) => SKIPPED_FOLDERS.has(folder)))
    .map((f) => join(path, f))
    .filter((f) => statSync(f).isFile())
    .sort();
  if (files.length === 0) throw new InputError(path, "", "folder holds no .json input (package.json, tsconfig.json and cdktf.json are not inputs)");
  const stackFolders = files.filter((f) => basename(f) === STACK_FILE).map(dirname);
  if (stackFolders.length === 0) return files;
  const outFolders = new Set(stackFolders.filter((d) => basename(dirname(d)) === "stacks").map((d) => dirname(dirname(d))));
  return files.filter((f) =>
    basename(f) === STACK_FILE ||
    (!stackFolders.some((d) => f.startsWith(d + sep)) &&
      !(basename(f) === "manifest.json" && outFolders.has(dirname(f)))));
}

/** What reading an input may need from the configuration. */
export type ReadOptions = PreviewOptions;

export function readInput(file: string, options: ReadOptions = {}): Input {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === STDIN ? 0 : file);
  } catch (error) {
    throw new InputError(file, "", `cannot read: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw new InputError(file, "", `a binary plan (terraform plan -out) ${READ_JSON}`);
  const text = bytes.toString("utf8");
  if (!/^\s*[[{]/.test(text) && TERRAFORM_TEXT.test(text.slice(0, 65536).replace(ANSI_STYLE, ""))) {
    throw new InputError(file, "", `the text output of terraform show or terraform plan ${READ_JSON}`);
  }
  return recognise(parseJson(text, file), file, options);
}

/** A saved plan (terraform plan -out) is a zip archive. */
const ZIP_MAGIC = Buffer.from("PK\x03\x04", "latin1");
const READ_JSON = "is not read: run terraform show -json on the saved plan (terraform plan -out plan.tfplan && terraform show -json plan.tfplan > plan.json) and check plan.json";
/** How Terraform's (and OpenTofu's) human-readable plan and state begin, or what they always hold. */
const TERRAFORM_TEXT = /^\s*(?:(?:Terraform|OpenTofu) (?:used the selected providers|will perform the following actions)|# \S+ (?:will|must) be |# \S+:\s*$|resource "[^"]+" "[^"]+" \{|Plan: \d+ to add|No changes\. )/m;
const ANSI_STYLE = /\x1b\[[0-9;]*m/g;

/** An input's description in each language, from its words (src/locales, section `inputs`). */
const described = (describe: (w: Words["inputs"]) => string): Localized =>
  Object.fromEntries((Object.keys(words) as Lang[]).map((lang) => [lang, describe(words[lang].inputs)])) as Localized;

/** Recognises a parsed input and reads it into canonical resources. */
export function recognise(value: unknown, file: string, options: ReadOptions = {}): Input {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return unrecognised(file);
  if (isPlan(value)) {
    const plan = value as { format_version: string; terraform_version?: string };
    const version = (w: Words["inputs"]) =>
      fill(plan.terraform_version ? w.versionWithTool : w.version, { format: plan.format_version, terraform: plan.terraform_version ?? "" });
    const document = fromPlan(value as Parameters<typeof fromPlan>[0], file);
    if (isState(value)) {
      if (document.resources.length === 0) {
        const place = (value as { values?: object }).values && "root_module" in (value as { values: object }).values ? "/values/root_module" : "/values";
        throw nothingFound(file, place, "this state holds no managed resource");
      }
      return { file, format: "terraform-state", description: described((w) => fill(w.state, { version: version(w) })), document };
    }
    // A plan in which Terraform creates or changes nothing: the one input where no resource is right.
    return { file, format: "terraform-plan", description: described((w) => fill(w.plan, { version: version(w) })), document, ...(document.resources.length === 0 ? { empty: true as const } : {}) };
  }
  if ("resources" in value) {
    const document = value as CanonicalDocument;
    if (Array.isArray(document.resources) && document.resources.length === 0) throw nothingFound(file, "/resources", "the list is empty");
    return { file, format: "canonical", description: described((w) => w.canonical), document };
  }
  if (isTerraformJson(value)) {
    const document = fromTerraformJson(value as TerraformJson, file);
    if (document.resources.length === 0) throw nothingFound(file, "/", "no resource and no module call");
    return { file, format: "terraform-json", description: described((w) => w.terraformJson), document };
  }
  if (isPulumiPreview(value)) return pulumiPreview(value, file, options);
  return unrecognised(file);
}

/** Steps that leave nothing of the program's to judge: the stack itself, deletions. */
const NOTHING_TO_JUDGE = new Set(["delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace"]);

/** `pulumi preview --json`; one that only deletes or changes nothing is empty, like an empty plan. */
function pulumiPreview(value: object, file: string, options: ReadOptions): Input {
  const resources = fromPulumiPreview(value, file, options);
  const preview = value as PreviewJson;
  const stack = stackOf(preview);
  const description = described((w) => (stack ? fill(w.pulumiStack, { stack }) : w.pulumi));
  if (resources.length === 0) {
    const empty = preview.steps.every((s) => NOTHING_TO_JUDGE.has(s.op) || s.urn.split("::")[2] === "pulumi:pulumi:Stack");
    if (!empty) throw nothingFound(file, "/steps", "no step creates or changes a cloud resource; run pulumi preview --json --show-sames to judge the whole stack");
    return { file, format: "pulumi-preview", description, document: { resources }, empty: true };
  }
  return { file, format: "pulumi-preview", description, document: { resources } };
}

/** No resource found in an input that is not an empty plan: refused, never passed. */
const nothingFound = (file: string, place: string, why: string): InputError =>
  new InputError(file, place, `no resource found (${why}): nothing was judged; only an empty plan may hold no resource`);

function unrecognised(file: string): never {
  throw new InputError(file, "/", "not a recognised input: expected canonical resources, a Terraform plan (terraform show -json), Terraform JSON (cdk.tf.json) or a Pulumi preview (pulumi preview --json)");
}
