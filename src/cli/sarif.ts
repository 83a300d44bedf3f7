import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Log, ReportingDescriptor, Result } from "sarif";
import { rules } from "../engine.js";
import type { Report, ReportedFinding } from "./report.js";

/** The 1-based line where a resource is declared in its file, found by its address or name; else 1. */
function lineFinder(): (file: string, resource: string) => number {
  const texts = new Map<string, string>();
  return (file, resource) => {
    if (!texts.has(file)) texts.set(file, safeRead(file));
    const text = texts.get(file)!;
    for (const needle of [JSON.stringify(resource), JSON.stringify(resource.split(".").pop())]) {
      const at = text.indexOf(needle);
      if (at >= 0) return text.slice(0, at).split("\n").length;
    }
    return 1;
  };
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function descriptor(id: string, lang: Report["lang"]): ReportingDescriptor {
  const rule = rules[id]!;
  return {
    id,
    name: id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: `${rule.basis[lang]}\n\n${rule.fix[lang]}`, markdown: `**Basis:** ${rule.basis[lang]}\n\n**Fix:** ${rule.fix[lang]}` },
    helpUri: rule.references[0]?.url,
    defaultConfiguration: { level: rule.enforcement === "mandatory" ? "error" : "warning" },
    properties: { tags: ["sovereignty", ...rule.frameworks] },
  };
}

/** SARIF 2.1.0, one run, one result per finding; exempt findings are suppressed, not dropped. */
export function formatSarif(report: Report): string {
  const ids = Object.keys(rules).sort();
  const lineOf = lineFinder();
  const results: Result[] = report.findings.map((f: ReportedFinding) => ({
    ruleId: f.policy,
    ruleIndex: ids.indexOf(f.policy),
    level: f.enforcement === "mandatory" ? "error" : "warning",
    message: { text: `${f.message} ${f.fix}` },
    locations: [{
      physicalLocation: { artifactLocation: { uri: f.file.replaceAll("\\", "/") }, region: { startLine: lineOf(f.file, f.resource) } },
      logicalLocations: [{ fullyQualifiedName: f.resource, kind: "resource" }],
    }],
    partialFingerprints: { "souverainFinding/v1": createHash("sha256").update(`${f.policy}|${f.file}|${f.resource}`).digest("hex") },
    ...(f.exempt ? { suppressions: f.exemptions.map((e) => ({ kind: "external" as const, status: "accepted" as const, justification: `${e.justification} (until ${e.expires})` })) } : {}),
  }));
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "souverain", version: report.tool.version, rules: ids.map((id) => descriptor(id, report.lang)) } },
      artifacts: report.inputs.map((i) => ({
        location: { uri: i.file.replaceAll("\\", "/") },
        description: { text: i.empty ? `${i.description}: empty plan, nothing to create or change` : i.description },
      })),
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
