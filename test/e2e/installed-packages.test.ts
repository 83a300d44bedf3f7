/**
 * What a user gets from the published packages: both tarballs (npm run pack:release) installed into an
 * empty project, then the CLI, the CDKTF entry point and the policy pack used from there.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { AnalyzerSession, LEVEL } from "../helpers/analyzer.js";
import { writeStateFile } from "../helpers/pulumi-state.js";
import { repoRoot } from "../helpers/root.js";

const project = mkdtempSync(join(tmpdir(), "souverain-user-"));
const installedPack = join(project, "node_modules", "@souverain", "pulumi-policy-pack");

beforeAll(() => {
  const tarballs = execFileSync(process.execPath, [join(repoRoot, "scripts", "pack-release.mjs"), join(project, "tarballs")], { encoding: "utf8" }).trim().split("\n");
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-infra", private: true, version: "1.0.0" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", ...tarballs], { cwd: project, stdio: "ignore" });
}, 300_000);

describe("the packages installed in a user's project", () => {
  it("npx souverain check runs and blocks", () => {
    const run = spawnSync("npx", ["souverain", "check", join(repoRoot, "examples", "canonical", "ministere-violations.json"), "--format", "json"], { cwd: project, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).summary.mandatory).toBeGreaterThan(5);
  });

  it("the CDKTF entry point loads", () => {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", 'import("souverain/cdktf").then((m) => console.log(typeof m.Souverain.enforce))'], { cwd: project, encoding: "utf8" });
    expect(out.trim()).toBe("function");
  });

  it("the installed policy pack serves over the Analyzer protocol", async () => {
    const session = await AnalyzerSession.start(installedPack);
    try {
      expect((await session.info()).policies).toHaveLength(8);
      await session.configure({});
      await session.configureStack({});
      const ds = await session.analyzeStack([{
        type: "aws:s3/bucket:Bucket",
        urn: "urn:pulumi:dev::app::aws:s3/bucket:Bucket::b",
        name: "b",
        properties: { tags: { "data-classification": "sensitive" } },
        provider: { type: "pulumi:providers:aws", urn: "urn:pulumi:dev::app::pulumi:providers:aws::p", name: "p", properties: { region: "eu-west-3" } },
      }]);
      expect(ds.map((d) => [d.policyName, d.enforcementLevel])).toEqual([["sensitive-requires-secnumcloud", LEVEL.mandatory]]);
    } finally {
      await session.stop();
    }
  });

  it("the real Pulumi CLI runs the installed pack", () => {
    const state = join(project, "state.json");
    writeStateFile("pulumi-aws-paris", "sensitive", state);
    const run = spawnSync(join(repoRoot, ".tools", "bin", "pulumi"), ["policy", "analyze", "--file", state, "--policy-pack", installedPack, "--non-interactive", "--color", "never"], {
      cwd: project,
      encoding: "utf8",
      env: { ...process.env, PATH: `${join(repoRoot, "test", "fixtures", "pulumi-bin")}:${process.env.PATH}`, PULUMI_HOME: join(project, ".pulumi"), PULUMI_SKIP_UPDATE_CHECK: "true" },
    });
    expect(run.status, run.stdout + run.stderr).not.toBe(0);
    expect(run.stdout).toContain("[mandatory]  sensitive-requires-secnumcloud");
  });
});
