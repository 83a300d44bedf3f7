import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import type { ArtifactLocation, Log, ReportingDescriptor, Result } from "sarif";
import { rules } from "../engine.js";
import type { Enforcement } from "../model/findings.js";
import { dateIn, fill, words } from "../words.js";
import { constructLabel, fileReference, sourceLocator } from "./locations.js";
import type { Report, ReportedFinding } from "./report.js";

/**
 * GitHub code scanning ranks alerts by `security-severity` (0.0 to 10.0) on rules tagged `security`:
 * a mandatory finding blocks the deploy, "high" (7.0 to 8.9); an advisory one is "medium" (4.0 to 6.9).
 */
export const SECURITY_SEVERITY: Record<Enforcement, string> = { mandatory: "8.0", advisory: "5.0" };

const SOURCE_ROOT = "%SRCROOT%";

/** Relative to the working directory under %SRCROOT% when it can be, else an absolute file:// URI. */
function artifactLocation(file: string): ArtifactLocation {
  const { uri, relative } = fileReference(file);
  return relative ? { uri, uriBaseId: SOURCE_ROOT } : { uri };
}

function descriptor(id: string, lang: Report["lang"]): ReportingDescriptor {
  const rule = rules[id]!;
  return {
    id,
    name: id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.title[lang] ?? rule.title.en },
    fullDescription: { text: rule.description[lang] ?? rule.description.en },
    help: {
      text: `${rule.basis[lang]}\n\n${rule.fix[lang]}`,
      markdown: `${fill(words[lang].sarif.basis, { basis: rule.basis[lang] })}\n\n${fill(words[lang].sarif.fix, { fix: rule.fix[lang] })}`,
    },
    helpUri: rule.references[0]?.url,
    defaultConfiguration: { level: rule.enforcement === "mandatory" ? "error" : "warning" },
    properties: { tags: ["security", "sovereignty", ...rule.frameworks], "security-severity": SECURITY_SEVERITY[rule.enforcement] },
  };
}

/**
 * SARIF 2.1.0, one run, one result per finding; exempt findings are suppressed, not dropped. Each
 * result points at where the resource is declared when that can be known (a `.tf` file beside a plan,
 * a CDKTF construct), else at the input; its level and security-severity are the finding's own (the
 * configuration may raise or lower a rule's default).
 */
export function formatSarif(report: Report): string {
  const ids = Object.keys(rules).sort();
  const locate = sourceLocator(report);
  const w = words[report.lang].sarif;
  const results: Result[] = report.findings.map((f: ReportedFinding) => {
    const at = locate(f.file, f.resource);
    return {
      ruleId: f.policy,
      ruleIndex: ids.indexOf(f.policy),
      level: f.enforcement === "mandatory" ? "error" : "warning",
      message: { text: `${f.message} ${f.fix}${at.construct ? ` (${constructLabel(at.construct, report.lang)})` : ""}` },
      locations: [{
        physicalLocation: { artifactLocation: artifactLocation(at.file), region: { startLine: at.line } },
        logicalLocations: [{ name: f.resource, fullyQualifiedName: at.construct ?? f.resource, kind: "resource" }],
      }],
      partialFingerprints: { "souverainFinding/v1": createHash("sha256").update(`${f.policy}|${fileReference(f.file).uri}|${f.resource}`).digest("hex") },
      properties: { "security-severity": SECURITY_SEVERITY[f.enforcement] },
      ...(f.exempt ? { suppressions: f.exemptions.map((e) => ({ kind: "external" as const, status: "accepted" as const, justification: fill(w.until, { justification: e.justification, date: dateIn(report.lang, e.expires) }) })) } : {}),
    };
  });
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "souverain", version: report.tool.version, rules: ids.map((id) => descriptor(id, report.lang)) } },
      // The category GitHub keeps alerts under; upload-sarif's `category` input overrides it.
      automationDetails: { id: "souverain/" },
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(process.cwd() + "/").href } },
      artifacts: report.inputs.map((i) => ({
        location: artifactLocation(i.file),
        description: { text: i.empty ? fill(w.empty, { description: i.description }) : i.description },
      })),
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
