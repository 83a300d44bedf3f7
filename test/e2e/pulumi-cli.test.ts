/**
 * The pack under the real Pulumi CLI, built from the Go module proxy (npm run test:e2e).
 * The Node.js language host cannot be built here (its module is not served), so programs cannot be
 * previewed; instead each example program's resources go into a state file that
 * `pulumi policy analyze --file` judges, the CLI starting the pack as it does during a preview.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeStateFile } from "../helpers/pulumi-state.js";
import { repoRoot } from "../helpers/root.js";

const pulumi = join(repoRoot, ".tools", "bin", "pulumi");
const work = mkdtempSync(join(tmpdir(), "souverain-pulumi-cli-"));
if (!existsSync(pulumi)) throw new Error(`${pulumi} is missing: run npm run test:e2e, which builds it`);

function analyze(example: string, stack: string, config?: object) {
  const state = join(work, `${example}-${stack}.json`);
  writeStateFile(example, stack, state);
  const args = ["policy", "analyze", "--file", state, "--policy-pack", join(repoRoot, "packs", "souverain"), "--non-interactive", "--color", "never"];
  if (config) {
    const file = join(work, `${example}-${stack}.config.json`);
    writeFileSync(file, JSON.stringify(config));
    args.push("--policy-pack-config", file);
  }
  const run = spawnSync(pulumi, args, {
    encoding: "utf8",
    env: {
      ...process.env,
      // The CLI's own pulumi-analyzer-policy shim is not part of the Go build: ours stands in for it.
      PATH: `${join(repoRoot, "test", "fixtures", "pulumi-bin")}:${process.env.PATH}`,
      PULUMI_HOME: join(work, "pulumi-home"),
      PULUMI_SKIP_UPDATE_CHECK: "true",
    },
  });
  if (run.error) throw run.error;
  const violations = [...run.stdout.matchAll(/- \[(mandatory|advisory)\]\s+(\S+)\s+\(([^)]+)\)/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`).sort();
  return { code: run.status, violations, output: run.stdout + run.stderr };
}

describe("pulumi policy analyze --policy-pack packs/souverain (real CLI)", () => {
  it("AWS Paris, stack personal: passes with advisories", () => {
    const { code, violations, output } = analyze("pulumi-aws-paris", "personal");
    expect(code, output).toBe(0);
    expect(violations).toEqual([
      "advisory personal-stays-in-eu aws:iam:Role: lecture",
      "advisory personal-stays-in-eu aws:rds:Instance: annuaire",
      "advisory personal-stays-in-eu aws:s3:Bucket: dossiers",
    ]);
  });

  it("AWS Paris, stack sensitive: fails with the policy names", () => {
    const { code, violations, output } = analyze("pulumi-aws-paris", "sensitive");
    expect(code, output).not.toBe(0);
    expect(output).toContain("one or more mandatory policy violations were found");
    expect(violations).toEqual([
      "mandatory sensitive-requires-secnumcloud aws:iam:Role: lecture",
      "mandatory sensitive-requires-secnumcloud aws:rds:Instance: annuaire",
      "mandatory sensitive-requires-secnumcloud aws:s3:Bucket: dossiers",
    ]);
  });

  it("multi-cloud: only the US multi-region bucket fails", () => {
    const { code, violations } = analyze("pulumi-multicloud", "dev");
    expect(code).not.toBe(0);
    expect(violations).toEqual(["mandatory personal-stays-in-eu gcp:storage:Bucket: exports-usagers"]);
  });

  it("Azure: resource group inheritance, the account in the US fails", () => {
    const { code, violations } = analyze("pulumi-azure", "dev");
    expect(code).not.toBe(0);
    expect(violations).toEqual(["mandatory health-requires-hds azure-native:storage:StorageAccount: dossiers-us"]);
  });

  it("--policy-pack-config is validated by Pulumi against the pack's schema", () => {
    const { code, output } = analyze("pulumi-aws-paris", "personal", { souverain: { lang: "de" } });
    expect(code).not.toBe(0);
    expect(output).toMatch(/lang/);
    expect(output).toMatch(/must be one of|enum/i);
  });

  it("--policy-pack-config changes levels and language", () => {
    const { code, violations, output } = analyze("pulumi-aws-paris", "sensitive", { souverain: { lang: "fr" }, "sensitive-requires-secnumcloud": "advisory" });
    expect(code, output).toBe(0);
    expect(violations).toHaveLength(3);
    expect(violations.every((v) => v.startsWith("advisory"))).toBe(true);
    expect(output).toContain("données sensibles sur Amazon Web Services eu-west-3");
  });
});
