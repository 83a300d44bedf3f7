import { rules } from "../engine.js";
import type { Report, ReportedFinding } from "./report.js";

const escape = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!)
    // XML 1.0 forbids most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

interface Case { name: string; classname: string; failure?: ReportedFinding; skipped?: ReportedFinding; advisories: ReportedFinding[] }

/** One test case per resource and rule: a mandatory finding fails it, an exempt one skips it. */
function cases(report: Report, file: string): Case[] {
  const resourceRules = Object.keys(rules).filter((id) => id !== "exemption-must-be-valid").sort();
  const byKey = new Map<string, ReportedFinding[]>();
  for (const f of report.findings.filter((f) => f.file === file)) {
    const key = `${f.resource}|${f.policy}`;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const resourceCases = report.resources
    .filter((r) => r.file === file)
    .flatMap((r) => resourceRules.map((id) => toCase(r.id, id, byKey.get(`${r.id}|${id}`) ?? [])));
  const configCases = report.findings
    .filter((f) => f.file === file && f.resource.startsWith("config:"))
    .map((f) => toCase(f.resource, f.policy, [f]));
  return [...resourceCases, ...configCases];
}

function toCase(classname: string, name: string, findings: ReportedFinding[]): Case {
  const active = findings.filter((f) => !f.exempt);
  return {
    classname,
    name,
    failure: active.find((f) => f.enforcement === "mandatory"),
    skipped: active.length === 0 ? findings.find((f) => f.exempt) : undefined,
    advisories: active.filter((f) => f.enforcement === "advisory"),
  };
}

function testcase(c: Case): string {
  const open = `    <testcase classname="${escape(c.classname)}" name="${escape(c.name)}"`;
  const body: string[] = [];
  if (c.failure) {
    body.push(`      <failure type="mandatory" message="${escape(c.failure.message)}">${escape(`${c.failure.message}\nBasis: ${c.failure.basis}\nFix: ${c.failure.fix}`)}</failure>`);
  } else if (c.skipped) {
    const e = c.skipped.exemptions[0]!;
    body.push(`      <skipped message="${escape(`exempt until ${e.expires}: ${e.justification}`)}"/>`);
  }
  if (c.advisories.length) body.push(`      <system-out>${escape(c.advisories.map((f) => `advisory: ${f.message}`).join("\n"))}</system-out>`);
  return body.length ? `${open}>\n${body.join("\n")}\n    </testcase>` : `${open}/>`;
}

const attributes = (c: { tests: number; failures: number; skipped: number }) =>
  `tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}"`;

/** JUnit XML for GitLab and Jenkins test reports: one suite per input file. */
export function formatJunit(report: Report): string {
  const totals = { tests: 0, failures: 0, skipped: 0 };
  const suites = report.inputs.map((input) => {
    const all = cases(report, input.file);
    const counts = { tests: all.length, failures: all.filter((c) => c.failure).length, skipped: all.filter((c) => c.skipped).length };
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    totals.skipped += counts.skipped;
    const note = input.empty ? ["    <system-out>empty plan: nothing to create or change</system-out>"] : [];
    const body = [...all.map(testcase), ...note].join("\n");
    return `  <testsuite name="${escape(input.file)}" ${attributes(counts)}>\n${body}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="souverain" ${attributes(totals)}>\n${suites.join("\n")}\n</testsuites>\n`;
}
