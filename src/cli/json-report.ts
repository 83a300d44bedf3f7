import { writeJson } from "./json-stream.js";
import type { Report } from "./report.js";

/**
 * The JSON report. A resource without findings is listed without its placements unless they are asked
 * for (`--all-placements`): on a large estate they are most of the file, and no finding rests on them.
 * `placements` at the top says which resources carry theirs.
 */
export function writeJsonReport(report: Report, allPlacements: boolean, write: (text: string) => void): void {
  const withFindings = new Set(report.findings.map((f) => `${f.file}\u0000${f.resource}`));
  const resources = allPlacements
    ? report.resources
    : report.resources.map((r) => {
        if (withFindings.has(`${r.file}\u0000${r.id}`)) return r;
        const { placements: _placements, ...rest } = r;
        return rest;
      });
  const { tool, lang, ...rest } = report;
  writeJson({ tool, lang, placements: allPlacements ? "all" : "resources-with-findings", ...rest, resources }, write);
}
