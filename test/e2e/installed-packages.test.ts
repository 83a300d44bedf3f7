/**
 * What a user gets from the published packages: both tarballs (npm run pack:release) installed into an
 * empty project, then the CLI, the CDKTF entry point and the policy pack used from there.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { AnalyzerSession, LEVEL } from "../helpers/analyzer.js";
import { createPulumiWorkspace } from "../helpers/pulumi-cli.js";
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

  it("requiring the installed pack starts no server", () => {
    const run = spawnSync(process.execPath, ["-e", 'console.log(typeof require("@souverain/pulumi-policy-pack"))'], { cwd: project, encoding: "utf8", timeout: 20_000 });
    expect(run).toMatchObject({ status: 0, stdout: "function\n", signal: null });
  });

  it("the installed policy pack serves over the Analyzer protocol", async () => {
    const session = await AnalyzerSession.start(installedPack);
    try {
      // One policy per rule, and the settings policy.
      const ruleCount = Object.keys(JSON.parse(readFileSync(join(repoRoot, "policies", "compiled", "rules.json"), "utf8"))).length;
      expect((await session.info()).policies).toHaveLength(ruleCount + 1);
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

  it("pulumi preview (real CLI) runs the installed pack", () => {
    const workspace = createPulumiWorkspace();
    const program = workspace.prepareProgram("pulumi-aws-paris");
    expect(program.stackInit("sensitive").code).toBe(0);
    const run = program.run(["preview", "--policy-pack", installedPack]);
    expect(run.code, run.output).not.toBe(0);
    expect(run.stdout).toMatch(/\[mandatory\]\s+sensitive-requires-secnumcloud\s+\(aws:s3:Bucket: dossiers\)/);
  });
});
