import { writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { readJsonFile } from "../json.js";
import { assertValid } from "../schemas.js";
import { schemaPointer } from "./init.js";
import type { Enforcement } from "../model/findings.js";
import type { ReportedFinding } from "./report.js";

/**
 * A baseline: the findings a team accepted when it adopted Souverain, each with who accepted it, why
 * and until when (schemas/baseline.schema.json). Whether an entry covers a finding, and whether an
 * entry is malformed or expired, is decided by the rules (policies/lib/exemptions.rego), like exemptions.
 */
export interface BaselineEntry {
  rule: string;
  resource: string;
  /** The level accepted: an advisory finding accepted does not accept the same rule's mandatory one. */
  enforcement: Enforcement;
  acceptedBy: string;
  justification: string;
  expires: string;
}

export interface BaselineFile {
  $schema?: string;
  version: 1;
  /** Checked by the rules, not by the schema: a malformed entry is a finding, not a refused file. */
  entries: unknown[];
}

/** The entries of a baseline file; a file that is not a baseline is an input error (exit 2). */
export function loadBaseline(file: string): unknown[] {
  const baseline = readJsonFile(file);
  assertValid("baseline", baseline, file);
  return (baseline as BaselineFile).entries;
}

export type Acceptance = Pick<BaselineEntry, "acceptedBy" | "justification" | "expires">;

/**
 * Every finding about a resource that no configuration exemption covers: one already accepted keeps
 * its entry (who, why, until when); a new one gets `acceptance`. Findings about the configuration or
 * the baseline itself cannot be accepted: they stay findings.
 */
export function baselineOf(findings: ReportedFinding[], acceptance: Acceptance): BaselineEntry[] {
  const entries = new Map<string, BaselineEntry>();
  for (const f of findings) {
    if (f.resource.startsWith("config:") || (f.exempt && !f.accepted)) continue;
    const accepted = f.exemptions.find((e) => e.source === "baseline");
    const key = JSON.stringify([f.policy, f.resource]);
    const entry = entries.get(key);
    if (!entry) {
      entries.set(key, { rule: f.policy, resource: f.resource, enforcement: f.enforcement, ...(accepted ? { acceptedBy: accepted.acceptedBy!, justification: accepted.justification, expires: accepted.expires } : acceptance) });
    } else if (f.enforcement === "mandatory") {
      entry.enforcement = "mandatory";
    }
  }
  return [...entries.values()];
}

export function writeBaseline(file: string, entries: BaselineEntry[]): void {
  const content: BaselineFile = { $schema: schemaPointer(dirname(file), "baseline.schema.json"), version: 1, entries };
  writeFileSync(file, JSON.stringify(content, null, 2) + "\n");
}
