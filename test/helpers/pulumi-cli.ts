/**
 * Runs the real Pulumi CLI (.tools/bin/pulumi, built from the Go module proxy) on the example programs:
 * `pulumi preview`, `pulumi up`, with or without `--policy-pack packs/souverain`, on a file backend.
 *
 * Two pieces of a Pulumi install cannot be downloaded here, so stand-ins from test/fixtures/pulumi-stand-ins
 * take their place: the Node.js language host (found on PATH) and one provider plugin script installed
 * with `pulumi plugin install --file` as every provider the example SDKs ask for, at the exact versions
 * their package.json names (the CLI would otherwise try to download them).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./root.js";

export const PULUMI = join(repoRoot, ".tools", "bin", "pulumi");
export const PACK_DIR = join(repoRoot, "packs", "souverain");
const standIns = join(repoRoot, "test", "fixtures", "pulumi-stand-ins");

/** The provider SDKs the examples use; each package.json's `pulumi` section names its plugin and version. */
const PROVIDER_SDKS = ["@pulumi/aws", "@pulumi/gcp", "@pulumi/azure-native", "@pulumiverse/scaleway", "@ovhcloud/pulumi-ovh"];

export interface RunResult { code: number | null; stdout: string; stderr: string; output: string; ms: number }
export interface CreatedResource { urn: string; type: string; properties: Record<string, unknown> }

export interface PulumiProgram {
  /** The project folder: Pulumi.yaml, Pulumi.<stack>.yaml, the compiled index.js. */
  dir: string;
  /** `pulumi <args>` in the project folder. */
  run(args: string[]): RunResult;
  /** `pulumi stack init <stack>`; its config comes from the Pulumi.<stack>.yaml copied along. */
  stackInit(stack: string): RunResult;
}

export interface PulumiWorkspace {
  dir: string;
  /** The environment every run gets: PULUMI_HOME, the file backend, the stand-ins on PATH. */
  env: NodeJS.ProcessEnv;
  run(args: string[], options: { cwd: string }): RunResult;
  /** A project from an example: its Pulumi*.yaml, and its compiled program or `program`, an ES module's source. */
  prepareProgram(example: string, program?: string): PulumiProgram;
  /**
   * A fresh copy of an example (or of its Pulumi.yaml with another `program`) and a new stack, whose
   * configuration is the example's stack `config`. The file backend keeps stacks per project name:
   * each test gives its stack a name of its own.
   */
  stack(example: string, stack: string, options?: { config?: string; program?: string }): PulumiProgram;
  /** What the provider stand-ins created in `pulumi up`s so far, in order. */
  createdResources(): CreatedResource[];
}

/** Compiles the examples (and test helpers) to .examples-build/ when that has not been done. */
function ensureExamplesBuilt(example: string): string {
  const compiled = join(repoRoot, ".examples-build", "examples", example, "index.js");
  if (!existsSync(compiled)) {
    execFileSync(process.execPath, [join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.examples.json"], { cwd: repoRoot, stdio: "inherit" });
  }
  return compiled;
}

export function createPulumiWorkspace(): PulumiWorkspace {
  if (!existsSync(PULUMI)) throw new Error(`${PULUMI} is missing: run node scripts/tools.mjs pulumi`);
  const dir = mkdtempSync(join(tmpdir(), "souverain-standins-"));
  const createLog = join(dir, "created.jsonl");
  mkdirSync(join(dir, "state"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PULUMI_HOME: join(dir, "pulumi-home"),
    PULUMI_BACKEND_URL: `file://${join(dir, "state")}`,
    PULUMI_CONFIG_PASSPHRASE: "test",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    // The language host: the CLI takes it from PATH before looking next to its own binary (and warns
    // "using pulumi-language-nodejs from $PATH", since ours is not the one that ships with it).
    PATH: `${join(standIns, "bin")}:${process.env.PATH}`,
    SOUVERAIN_STANDIN_CREATE_LOG: createLog,
  };

  const run = (args: string[], { cwd }: { cwd: string }): RunResult => {
    const started = Date.now();
    const r = spawnSync(PULUMI, [...args, "--non-interactive", "--color", "never"], { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.error) throw r.error;
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: r.stdout + r.stderr, ms: Date.now() - started };
  };

  // `--file` copies the file into PULUMI_HOME, so each wrapper names node and the script by absolute path.
  for (const sdk of PROVIDER_SDKS) {
    const { pulumi } = JSON.parse(readFileSync(join(repoRoot, "node_modules", sdk, "package.json"), "utf8")) as { pulumi: { name: string; version: string } };
    const wrapper = join(dir, "plugins", `pulumi-resource-${pulumi.name}`);
    mkdirSync(join(dir, "plugins"), { recursive: true });
    writeFileSync(wrapper, `#!/bin/sh\n# Stand-in for the ${pulumi.name} ${pulumi.version} provider plugin: see ${join(standIns, "provider.cjs")}\nSOUVERAIN_STANDIN_PACKAGE='${pulumi.name}' SOUVERAIN_STANDIN_VERSION='${pulumi.version}' exec '${process.execPath}' '${join(standIns, "provider.cjs")}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    const installed = run(["plugin", "install", "resource", pulumi.name, pulumi.version, "--file", wrapper], { cwd: dir });
    if (installed.code !== 0) throw new Error(`pulumi plugin install ${pulumi.name} ${pulumi.version} failed:\n${installed.output}`);
  }

  return {
    dir,
    env,
    run,
    stack(example, stack, options = {}) {
      const p = this.prepareProgram(example, options.program);
      if (options.config) writeFileSync(join(p.dir, `Pulumi.${stack}.yaml`), readFileSync(join(repoRoot, "examples", example, `Pulumi.${options.config}.yaml`)));
      const init = p.stackInit(stack);
      if (init.code !== 0) throw new Error(`pulumi stack init ${stack} failed:\n${init.output}`);
      return p;
    },
    createdResources: () =>
      existsSync(createLog) ? readFileSync(createLog, "utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as CreatedResource) : [],
    prepareProgram(example, program) {
      // The examples are TypeScript ES modules, which @pulumi/pulumi could only run through ts-node 10 (not
      // installed); their compiled index.js runs as is, next to copies of their Pulumi*.yaml files.
      const source = join(repoRoot, "examples", example);
      const project = mkdtempSync(join(dir, `${example}-`));
      if (program === undefined) copyFileSync(ensureExamplesBuilt(example), join(project, "index.js"));
      else writeFileSync(join(project, "index.js"), program);
      for (const file of readdirSync(source).filter((f) => /^Pulumi(\..+)?\.yaml$/.test(f))) copyFileSync(join(source, file), join(project, file));
      writeFileSync(join(project, "package.json"), JSON.stringify({ name: `souverain-example-${example}`, private: true, type: "module", main: "index.js" }));
      // The repository's node_modules, where npm workspaces hoisted the examples' dependencies.
      symlinkSync(join(repoRoot, "node_modules"), join(project, "node_modules"));
      return {
        dir: project,
        run: (args) => run(args, { cwd: project }),
        stackInit: (stack) => run(["stack", "init", stack], { cwd: project }),
      };
    },
  };
}
