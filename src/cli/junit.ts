import type { Lang } from "../model/findings.js";
import { constructLabel, fileReference, sourceLocator, type SourceLocation } from "./locations.js";
import type { Report, ReportedFinding } from "./report.js";
import { dateIn, fill, words } from "../words.js";

const escape = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!)
    // XML 1.0 forbids most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

/** One resource (or one entry of the configuration) and every finding of its rules. */
interface Case { name: string; at: SourceLocation; findings: ReportedFinding[] }

const blocking = (f: ReportedFinding) => !f.exempt && f.enforcement === "mandatory";

/** The resources of one input, in the order the input gives them, then the configuration's entries. */
function cases(report: Report, file: string, locate: (file: string, resource: string) => SourceLocation): Case[] {
  const byResource = new Map<string, ReportedFinding[]>();
  for (const f of report.findings) if (f.file === file) byResource.set(f.resource, [...(byResource.get(f.resource) ?? []), f]);
  const names = [...new Set([...report.resources.filter((r) => r.file === file).map((r) => r.id), ...byResource.keys()])];
  return names.map((name) => ({
    name,
    at: locate(file, name),
    findings: (byResource.get(name) ?? []).slice().sort((a, b) => a.policy.localeCompare(b.policy)),
  }));
}

/** A finding as the text report words it: the rule, the level (or the exemption), the message, the basis and the fix. */
const describe = (f: ReportedFinding, lang: Lang) => {
  const w = words[lang].text;
  const exemption = f.exemptions[0]!;
  const level = f.exempt ? fill(w.exemptUntil, { expires: dateIn(lang, exemption.expires), justification: exemption.justification }) : w.level[f.enforcement];
  return [fill(words[lang].junit.finding, { policy: f.policy, level, message: f.message }), fill(w.basis, { basis: f.basis }), fill(w.fix, { fix: f.fix })].join("\n");
};

function testcase(classname: string, c: Case, lang: Lang): string {
  const failing = c.findings.filter(blocking);
  const others = c.findings.filter((f) => !blocking(f));
  const file = fileReference(c.at.file).uri;
  const open = `    <testcase classname="${escape(classname)}" name="${escape(c.name)}" file="${escape(file)}" line="${c.at.line}"`;
  const body: string[] = [];
  if (failing.length) {
    const message = failing.map((f) => f.policy).join(", ");
    body.push(`      <failure type="mandatory" message="${escape(message)}">${escape(failing.map((f) => describe(f, lang)).join("\n\n"))}</failure>`);
  }
  const notes = [c.at.construct && constructLabel(c.at.construct, lang), ...others.map((f) => describe(f, lang))].filter(Boolean) as string[];
  if (notes.length) body.push(`      <system-out>${escape(notes.join("\n\n"))}</system-out>`);
  return body.length ? `${open}>\n${body.join("\n")}\n    </testcase>` : `${open}/>`;
}

const attributes = (c: { tests: number; failures: number }) => `tests="${c.tests}" failures="${c.failures}" errors="0" skipped="0"`;

/**
 * JUnit XML for GitLab and Jenkins test reports: one suite per input file, one test case per resource
 * (its `file` where it is declared when that can be known). A mandatory finding that is not exempt
 * fails the case, every such finding of the resource in one failure; advisory and exempt findings
 * are the case's output; a compliant resource is a passing case.
 */
export function formatJunit(report: Report): string {
  const locate = sourceLocator(report);
  const totals = { tests: 0, failures: 0 };
  const suites = report.inputs.map((input) => {
    const all = cases(report, input.file, locate);
    const counts = { tests: all.length, failures: all.filter((c) => c.findings.some(blocking)).length };
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    const note = input.empty ? [`    <system-out>${escape(words[report.lang].text.empty)}</system-out>`] : [];
    const body = [...all.map((c) => testcase(input.file, c, report.lang)), ...note].join("\n");
    return `  <testsuite name="${escape(input.file)}" ${attributes(counts)}>${body ? `\n${body}\n  ` : ""}</testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="souverain" ${attributes(totals)}>\n${suites.join("\n")}\n</testsuites>\n`;
}
