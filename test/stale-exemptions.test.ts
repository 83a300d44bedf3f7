/** An exemption naming no resource of what a run judged is reported as stale: advisory, about the configuration. */
import { describe, expect, it } from "vitest";
import { scratch, souverain } from "./helpers/souverain.js";

const { write } = scratch("souverain-stale-");
const bucket = (id: string) => ({ id, type: "aws_s3_bucket", cloud: "aws", region: "us-east-1", tags: { "data-classification": "sensitive" } });
const exemption = (resource: string) => ({ rule: "sensitive-requires-secnumcloud", resource, justification: "DINUM-1", expires: "2099-01-01" });

interface JsonReport {
  findings: { policy: string; resource: string; file: string; enforcement: string; exempt: boolean; message: string }[];
  summary: { blocked: boolean };
}
const check = (args: string[]) => {
  const run = souverain(["check", ...args, "--format", "json"]);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
};

describe("stale exemptions", () => {
  const first = write("first.json", { resources: [bucket("a")] });
  const second = write("second.json", { resources: [bucket("b")] });

  it("an exemption naming a resource of another input of the run is not stale", () => {
    const config = write("used.config.json", { exemptions: [exemption("a"), exemption("b")] });
    const { code, report } = check([first, second, "--config", config]);
    expect(code).toBe(0);
    expect(report.findings.filter((f) => f.resource.startsWith("config:"))).toEqual([]);
    expect(report.findings.map((f) => [f.resource, f.exempt])).toEqual([["a", true], ["b", true]]);
  });

  it("an exemption naming no resource judged is one advisory finding about the configuration file", () => {
    const config = write("stale.config.json", { exemptions: [exemption("a"), exemption("gone")] });
    const { code, report } = check([first, "--config", config]);
    const stale = report.findings.filter((f) => f.resource.startsWith("config:"));
    expect(stale).toEqual([expect.objectContaining({ policy: "exemption-must-be-valid", resource: "config:exemptions[1]", file: config, enforcement: "advisory", exempt: false })]);
    expect(stale[0]!.message).toContain("names no resource of what was judged");
    expect(code).toBe(0);
  });
});
