import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./root.js";

/** Real plans from other projects' test suites, copied with their origin and licence (test/fixtures/terraform-plans/README.md). */
export const PLANS_DIR = join(repoRoot, "test", "fixtures", "terraform-plans");

export const planFiles = (): string[] =>
  ["regula", "terraform-compliance"].flatMap((dir) =>
    readdirSync(join(PLANS_DIR, dir)).filter((f) => f.endsWith(".json")).map((f) => join(PLANS_DIR, dir, f)),
  ).sort();

export const readPlan = (name: string): Record<string, unknown> => {
  const file = planFiles().find((f) => f.endsWith(`/${name}.json`));
  if (!file) throw new Error(`no fixture ${name}`);
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
};
