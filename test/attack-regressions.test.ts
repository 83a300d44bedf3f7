/** Every input of test/fixtures/attacks/ once passed; each must be blocked (see its README). */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/root.js";
import { souverain } from "./helpers/souverain.js";

const attack = (name: string) => join(repoRoot, "test", "fixtures", "attacks", name);

interface JsonReport {
  findings: { policy: string; resource: string; enforcement: string; exempt: boolean }[];
}

const blocking = (args: string[]) => {
  const run = souverain(["check", ...args, "--format", "json"]);
  const report = JSON.parse(run.stdout) as JsonReport;
  return { code: run.code, mandatory: report.findings.filter((f) => f.enforcement === "mandatory" && !f.exempt).map((f) => `${f.policy} ${f.resource.split("::").pop()}`) };
};

describe("inputs that once slipped past the rules are blocked", () => {
  it.each([
    ["asg-unknown-tag-key.plan.json", "classification-required aws_autoscaling_group.g"],
    ["asg-expression-tag-key.cdk.tf.json", "classification-required aws_autoscaling_group.g"],
    ["bucket-expression-tag-key.cdk.tf.json", "classification-required aws_s3_bucket.b"],
    ["asg-unknown-tag-key.preview.json", "classification-required workers"],
    ["asg-secret-tag-key.preview.json", "classification-required workers"],
    ["provider-named-default-us.preview.json", "location-must-be-known dossiers"],
    ["location-route-calculator.preview.json", "personal-stays-in-eu tournees"],
  ])("%s", (file, expected) => {
    const { code, mandatory } = blocking([attack(file)]);
    expect(code).toBe(1);
    expect(mandatory).toContain(expected);
  });

  it("a homologated system declared under an alias of one of our clouds is still that cloud", () => {
    const { code, mandatory } = blocking([attack("classified-azure.cdk.tf.json"), "--config", attack("homologation-under-azure-alias.config.json")]);
    expect(code).toBe(1);
    expect(mandatory.some((m) => m.startsWith("classified-requires-homologation "))).toBe(true);
  });

  it("Google resources that send logs take the default classification", () => {
    const { code, mandatory } = blocking([attack("google-logging.cdk.tf.json"), "--config", attack("default-personal.config.json")]);
    expect(code).toBe(1);
    expect(mandatory.length).toBeGreaterThan(0);
  });
});
