import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors.js";
import { parseJson } from "../json.js";
import type { CanonicalDocument } from "../model/canonical.js";
import { fromTerraformJson, isTerraformJson, type TerraformJson } from "../terraform/config-json.js";
import { fromPlan, isPlan } from "../terraform/plan.js";

export type InputFormat = "canonical" | "terraform-plan" | "terraform-json";

/** One input file, recognised and turned into canonical resources. */
export interface Input {
  file: string;
  format: InputFormat;
  /** What was read, for people: "Terraform plan (format 1.2, Terraform 1.14.9)". */
  description: string;
  document: CanonicalDocument;
}

const STACK_FILE = "cdk.tf.json";

/**
 * The JSON files a path names: the file itself; a CDKTF stack folder's cdk.tf.json; every stack of a
 * cdktf.out folder; or else every *.json under a folder, in a stable order.
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
    .filter((f) => f.endsWith(".json") && !f.split(/[\\/]/).includes("node_modules"))
    .map((f) => join(path, f))
    .filter((f) => statSync(f).isFile())
    .sort();
  const stacks = files.filter((f) => f.endsWith(STACK_FILE));
  if (stacks.length > 0) return stacks;
  if (files.length === 0) throw new InputError(path, "", "folder holds no .json file");
  return files;
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

function recognise(value: unknown, file: string): Input {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return unrecognised(file);
  if (isPlan(value)) {
    const plan = value as { format_version: string; terraform_version?: string };
    return {
      file,
      format: "terraform-plan",
      description: `Terraform plan (format ${plan.format_version}${plan.terraform_version ? `, Terraform ${plan.terraform_version}` : ""})`,
      document: fromPlan(value as Parameters<typeof fromPlan>[0], file),
    };
  }
  if ("resources" in value) return { file, format: "canonical", description: "canonical resources", document: value as CanonicalDocument };
  if (isTerraformJson(value)) {
    return { file, format: "terraform-json", description: "Terraform JSON (cdk.tf.json)", document: fromTerraformJson(value as TerraformJson, file) };
  }
  return unrecognised(file);
}

function unrecognised(file: string): never {
  throw new InputError(file, "/", "not a recognised input: expected canonical resources, a Terraform plan (terraform show -json) or Terraform JSON (cdk.tf.json)");
}
