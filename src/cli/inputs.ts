import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, sep } from "node:path";
import { InputError } from "../errors.js";
import { parseJson } from "../json.js";
import type { CanonicalDocument } from "../model/canonical.js";
import { fromTerraformJson, isTerraformJson, type TerraformJson } from "../terraform/config-json.js";
import { fromPlan, isPlan, isState } from "../terraform/plan.js";

export type InputFormat = "canonical" | "terraform-plan" | "terraform-state" | "terraform-json";

/** One input file, recognised and turned into canonical resources. */
export interface Input {
  file: string;
  format: InputFormat;
  /** What was read, for people: "Terraform plan (format 1.2, Terraform 1.14.9)". */
  description: string;
  document: CanonicalDocument;
  /**
   * An empty plan: Terraform plans nothing to create or change. The only input allowed to hold no
   * resource; any other input where no resource is found is refused (exit 2), never passed.
   */
  empty?: true;
}

const STACK_FILE = "cdk.tf.json";

/** Tool folders, never inputs. */
const SKIPPED_FOLDERS = new Set(["node_modules", ".git", ".terraform", ".gen"]);

/** A CDKTF project's own files, beside its cdktf.out: not inputs. */
const CDKTF_PROJECT_FILE = /^(cdktf\.json|package(-lock)?\.json|tsconfig(\..+)?\.json)$/;

/**
 * The JSON files a path names: the file itself; a CDKTF stack folder's cdk.tf.json; or every *.json
 * under a folder, in a stable order. In a folder holding CDKTF stacks, the rest of cdktf.out (its
 * manifest, what a stack folder holds besides cdk.tf.json) and the CDKTF project's files (cdktf.json,
 * package.json, tsconfig.json) are not inputs; anything else (a plan beside cdktf.out) is judged too.
 */
export function expand(path: string): string[] {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new InputError(path, "", "no such file or folder");
  }
  if (!stats.isDirectory()) return [path];
  if (existsSync(join(path, STACK_FILE))) return [join(path, STACK_FILE)];
  const files = (readdirSync(path, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".json") && !f.split(/[\\/]/).slice(0, -1).some((folder) => SKIPPED_FOLDERS.has(folder)))
    .map((f) => join(path, f))
    .filter((f) => statSync(f).isFile())
    .sort();
  if (files.length === 0) throw new InputError(path, "", "folder holds no .json file");
  const stackFolders = files.filter((f) => basename(f) === STACK_FILE).map(dirname);
  if (stackFolders.length === 0) return files;
  const outFolders = new Set(stackFolders.filter((d) => basename(dirname(d)) === "stacks").map((d) => dirname(dirname(d))));
  return files.filter((f) =>
    basename(f) === STACK_FILE ||
    (!stackFolders.some((d) => f.startsWith(d + sep)) &&
      !(basename(f) === "manifest.json" && outFolders.has(dirname(f))) &&
      !CDKTF_PROJECT_FILE.test(basename(f))));
}

export function readInput(file: string): Input {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(file, "", `cannot read: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  return recognise(parseJson(text, file), file);
}

/** Recognises a parsed input and reads it into canonical resources. */
export function recognise(value: unknown, file: string): Input {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return unrecognised(file);
  if (isPlan(value)) {
    const plan = value as { format_version: string; terraform_version?: string };
    const version = `format ${plan.format_version}${plan.terraform_version ? `, Terraform ${plan.terraform_version}` : ""}`;
    const document = fromPlan(value as Parameters<typeof fromPlan>[0], file);
    if (isState(value)) {
      if (document.resources.length === 0) {
        const place = (value as { values?: object }).values && "root_module" in (value as { values: object }).values ? "/values/root_module" : "/values";
        throw nothingFound(file, place, "this state holds no managed resource");
      }
      return { file, format: "terraform-state", description: `Terraform state (${version}): deployed resources, an audit of what exists now`, document };
    }
    // A plan in which Terraform creates or changes nothing: the one input where no resource is right.
    return { file, format: "terraform-plan", description: `Terraform plan (${version})`, document, ...(document.resources.length === 0 ? { empty: true as const } : {}) };
  }
  if ("resources" in value) {
    const document = value as CanonicalDocument;
    if (Array.isArray(document.resources) && document.resources.length === 0) throw nothingFound(file, "/resources", "the list is empty");
    return { file, format: "canonical", description: "canonical resources", document };
  }
  if (isTerraformJson(value)) {
    const document = fromTerraformJson(value as TerraformJson, file);
    if (document.resources.length === 0) throw nothingFound(file, "/", "no resource and no module call");
    return { file, format: "terraform-json", description: "Terraform JSON (cdk.tf.json)", document };
  }
  return unrecognised(file);
}

/** No resource found in an input that is not an empty plan: refused, never passed. */
const nothingFound = (file: string, place: string, why: string): InputError =>
  new InputError(file, place, `no resource found (${why}): nothing was judged; only an empty plan may hold no resource`);

function unrecognised(file: string): never {
  throw new InputError(file, "/", "not a recognised input: expected canonical resources, a Terraform plan (terraform show -json) or Terraform JSON (cdk.tf.json)");
}
