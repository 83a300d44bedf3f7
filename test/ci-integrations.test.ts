/**
 * The CI integrations shipped in the repository, run as their CI would run them: the GitHub Action's
 * `run:` steps as bash scripts with its inputs substituted, the pre-commit hook's entry on the files
 * its pattern selects, the GitLab job's `script:` lines. The CLI is installed from the package
 * tarball (`npm pack`), as the `package` input / SOUVERAIN_PACKAGE variable would install it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PLANS_DIR } from "./helpers/fixtures.js";
import { repoRoot } from "./helpers/root.js";

const dir = mkdtempSync(join(tmpdir(), "souverain-ci-"));
let tarball = "";

beforeAll(() => {
  mkdirSync(join(dir, "tarball"));
  // dist/ is built by the global setup; scripts would rebuild it under the other suites' feet.
  const name = execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", join(dir, "tarball")], { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n").pop()!;
  tarball = join(dir, "tarball", name);
}, 180_000);

/** A repository whose CI judges a real plan (regula's EBS volumes in us-east-1), all archives by configuration. */
function workspace(name: string): string {
  const root = join(dir, name);
  mkdirSync(root);
  copyFileSync(join(PLANS_DIR, "regula", "aws-ebs-volume_encrypted_infra.json"), join(root, "plan.json"));
  writeFileSync(join(root, "souverain.json"), JSON.stringify({ defaultClassification: "archive" }));
  writeFileSync(join(root, "compliant.plan.json"), JSON.stringify({ resources: [{ id: "b1", type: "aws:s3/bucket:Bucket", cloud: "s3ns", region: "u-france-east1", tags: { "data-classification": "sensitive" } }] }));
  return root;
}

const bash = (script: string, options: { cwd: string; env: NodeJS.ProcessEnv }) =>
  spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], { ...options, encoding: "utf8" });

interface ActionStep { name?: string; id?: string; shell?: string; run?: string; uses?: string; if?: string; env?: Record<string, string>; with?: Record<string, string> }
interface Action { inputs: Record<string, { default?: string; required?: boolean }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: ActionStep[] } }

const action = parse(readFileSync(join(repoRoot, "action.yml"), "utf8")) as Action;

/**
 * Runs the composite action as the runner does: each `run:` step in bash -e with `${{ }}` expressions
 * substituted (inputs with their defaults, earlier steps' outputs), GITHUB_OUTPUT and GITHUB_PATH
 * honoured between steps. A `uses:` step is recorded with its `with:` substituted, not run; the run
 * stops at the first step that fails, as on GitHub.
 */
function runAction(cwd: string, given: Record<string, string>) {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default ?? ""]));
  for (const [k, v] of Object.entries(action.inputs)) if (v.required && !given[k]) throw new Error(`input ${k} is required`);
  const runnerTemp = mkdtempSync(join(dir, "runner-temp-"));
  const outputs: Record<string, Record<string, string>> = {};
  const paths: string[] = [];
  const used: ActionStep[] = [];
  const expand = (text: string) =>
    text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
      let m = /^inputs\.([\w-]+)$/.exec(expression);
      if (m) return inputs[m[1]!]!;
      m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (m) return outputs[m[1]!]?.[m[2]!] ?? "";
      throw new Error(`expression not emulated: ${expression}`);
    });
  let code: number | null = 0;
  let output = "";
  for (const step of action.runs.steps) {
    if (step.uses) {
      used.push({ ...step, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(v)])) });
      continue;
    }
    expect(step.shell).toBe("bash");
    const githubOutput = join(runnerTemp, `output-${step.id ?? used.length}`);
    writeFileSync(githubOutput, "");
    const env = {
      ...process.env,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)])),
      PATH: [...paths, process.env.PATH].join(delimiter),
      RUNNER_TEMP: runnerTemp,
      GITHUB_WORKSPACE: cwd,
      GITHUB_OUTPUT: githubOutput,
      GITHUB_PATH: join(runnerTemp, "path"),
      LANG: "C",
      NO_COLOR: "1",
    };
    const run = bash(step.run!, { cwd, env });
    output += run.stdout + run.stderr;
    if (step.id) outputs[step.id] = Object.fromEntries(readFileSync(githubOutput, "utf8").trim().split("\n").filter(Boolean).map((l) => l.split("=", 2) as [string, string]));
    if (existsSync(env.GITHUB_PATH)) paths.splice(0, paths.length, ...readFileSync(env.GITHUB_PATH, "utf8").trim().split("\n").reverse());
    code = run.status;
    if (code !== 0) break;
  }
  return { code, output, outputs, used };
}

describe("the GitHub Action (action.yml)", () => {
  it("is a composite action that installs the package, checks, uploads SARIF, then gives the verdict", () => {
    expect(action.runs.using).toBe("composite");
    const upload = action.runs.steps.find((s) => s.uses)!;
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    expect(upload.if).toContain("!cancelled()");
    expect(upload.if).toContain("inputs.format == 'sarif'");
    // Inputs reach scripts through env only: a path cannot inject shell code.
    for (const step of action.runs.steps) expect(step.run ?? "").not.toMatch(/\$\{\{/);
  });

  it("blocks a violating plan: the SARIF report is written and uploaded, then the job fails with 1", () => {
    const cwd = workspace("action-blocked");
    const run = runAction(cwd, { paths: "plan.json", config: "souverain.json", package: tarball });
    expect(run.code, run.output).toBe(1);
    expect(run.outputs.check).toEqual({ "exit-code": "1" });
    expect(run.used).toHaveLength(1);
    expect(run.used[0]!.with).toEqual({ sarif_file: "souverain.sarif", category: "souverain" });
    const log = JSON.parse(readFileSync(join(cwd, "souverain.sarif"), "utf8"));
    expect(log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === "archives-stay-in-france")).toHaveLength(3);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("plan.json");
  });

  it("passes a compliant input, with several paths, JUnit and French messages", () => {
    const cwd = workspace("action-passes");
    const run = runAction(cwd, { paths: "compliant.plan.json  compliant.plan.json", format: "junit", output: "reports/souverain.xml", lang: "fr", package: tarball });
    expect(run.code, run.output).toBe(0);
    expect(run.outputs.check).toEqual({ "exit-code": "0" });
    expect(run.output).toMatch(/2 ressources/);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(readFileSync(join(cwd, "reports/souverain.xml"), "utf8"));
    expect(xml.testsuites.failures).toBe("0");
  });

  it("fails with 2 when an input is missing", () => {
    const run = runAction(workspace("action-missing"), { paths: "absent.json", package: tarball });
    expect(run.code).toBe(2);
    expect(run.outputs.check).toEqual({ "exit-code": "2" });
    expect(run.output).toContain("souverain: absent.json: no such file or folder");
  });
});

describe("the pre-commit hook (.pre-commit-hooks.yaml)", () => {
  const hooks = parse(readFileSync(join(repoRoot, ".pre-commit-hooks.yaml"), "utf8")) as { id: string; entry: string; language: string; files: string; types: string[] }[];
  const hook = hooks.find((h) => h.id === "souverain")!;
  const selects = (file: string) => new RegExp(hook.files).test(file);

  it("selects plans, previews and cdk.tf.json, not the project's other JSON files", () => {
    expect(hook).toMatchObject({ language: "node", types: ["json"] });
    for (const file of ["plan.json", "infra/tfplan.json", "prod.plan.json", "pulumi-preview.json", "cdktf.out/stacks/prod/cdk.tf.json"]) expect(selects(file), file).toBe(true);
    for (const file of ["package.json", "souverain.json", "tsconfig.json", "explanation.json", "cdktf.json", "planning.json"]) expect(selects(file), file).toBe(false);
  });

  /** pre-commit runs `entry`, then `args`, then the selected staged files, with the hook's environment on PATH. */
  const runHook = (cwd: string, args: string[], staged: string[]) => {
    const prefix = join(dir, "pre-commit-env");
    if (!existsSync(join(prefix, "node_modules", ".bin", "souverain"))) {
      execFileSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", prefix, tarball], { stdio: "ignore" });
    }
    const [command, ...entryArgs] = hook.entry.split(/\s+/);
    return spawnSync(command!, [...entryArgs, ...args, ...staged.filter(selects)], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, PATH: `${join(prefix, "node_modules", ".bin")}${delimiter}${process.env.PATH}`, LANG: "C", NO_COLOR: "1" },
    });
  };

  it("blocks the commit of a violating plan (exit 1) and lets a compliant one through", () => {
    const cwd = workspace("pre-commit");
    const blocked = runHook(cwd, ["--config", "souverain.json"], ["plan.json", "souverain.json", "README.md"]);
    expect(blocked.status, blocked.stderr).toBe(1);
    expect(blocked.stdout).toContain("read plan.json: Terraform plan");
    expect(blocked.stdout).not.toContain("souverain.json:");
    const passed = runHook(cwd, [], ["compliant.plan.json", "package.json"]);
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
  });
});

describe("the GitLab CI template (ci/gitlab/souverain.gitlab-ci.yml)", () => {
  const template = parse(readFileSync(join(repoRoot, "ci", "gitlab", "souverain.gitlab-ci.yml"), "utf8")) as Record<string, { variables: Record<string, string>; script: string[]; artifacts: { when: string; paths: string[]; reports: { junit: string } } }>;
  const job = template.souverain!;

  /** GitLab's shell executor: the script lines in order, stopping at the first that fails, in CI_PROJECT_DIR. */
  const runJob = (cwd: string, variables: Record<string, string>) =>
    bash(job.script.join("\n"), { cwd, env: { ...process.env, ...job.variables, ...variables, CI_PROJECT_DIR: cwd, LANG: "C", NO_COLOR: "1" } });

  it("fails the job on a mandatory finding, with the JUnit report and the SARIF artefact written", () => {
    const cwd = workspace("gitlab");
    const run = runJob(cwd, { SOUVERAIN_PACKAGE: tarball, SOUVERAIN_ARGS: "--config souverain.json", SOUVERAIN_CLI_DIR: join(dir, "gitlab-cli") });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(job.artifacts.when).toBe("always");
    for (const file of job.artifacts.paths) expect(existsSync(join(cwd, file)), file).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(readFileSync(join(cwd, job.artifacts.reports.junit), "utf8"));
    expect(xml.testsuites).toMatchObject({ tests: "3", failures: "3" });
    expect(JSON.parse(readFileSync(join(cwd, "souverain.sarif"), "utf8")).runs[0].results).toHaveLength(3);
  });

  it("passes a compliant input", () => {
    const cwd = workspace("gitlab-compliant");
    const run = runJob(cwd, { SOUVERAIN_PACKAGE: tarball, SOUVERAIN_INPUTS: "compliant.plan.json", SOUVERAIN_CLI_DIR: join(dir, "gitlab-cli") });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(existsSync(join(cwd, "souverain-junit.xml"))).toBe(true);
  });
});
