/**
 * Inputs at the edges (issue 8, family 4): Terraform states, empty and incomplete plans, malformed
 * shapes, folders mixing a plan and a cdktf.out, module calls and stack-qualified ids in CDKTF output.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformHclModule, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/main.js";
import { planFiles, readPlan } from "./helpers/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "souverain-edges-"));

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

function souverain(...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/souverain.js", ...args], { encoding: "utf8", env: { ...process.env, LANG: "C", NO_COLOR: "1" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Exit 2 with exactly one line on stderr and nothing on stdout; returns that line. */
function refused(run: ReturnType<typeof souverain>): string {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).not.toContain("internal error");
  return run.stderr.trim();
}

const report = (run: ReturnType<typeof souverain>) => JSON.parse(run.stdout) as {
  inputs: { file: string; format: string; description: string; resources: number; empty?: true }[];
  findings: { policy: string; resource: string; enforcement: string; message: string; exempt: boolean }[];
  resources: { id: string; placements: { cloud: string | null; region: string | null }[] }[];
  summary: { resources: number; blocked: boolean };
};

type Json = Record<string, unknown>;
const plan796 = () => structuredClone(readPlan("test_issue_796")) as Json & { resource_changes: Json[] };

describe("a Terraform state (terraform show -json without a plan) is an audit of what is deployed", () => {
  const aws = (address: string, values: Json) => {
    const [type, name] = address.split(".");
    return { address, mode: "managed", type, name, provider_name: "registry.terraform.io/hashicorp/aws", schema_version: 0, values, sensitive_values: {} };
  };
  const state = {
    format_version: "1.0",
    terraform_version: "1.9.8",
    values: {
      outputs: {},
      root_module: {
        resources: [
          aws("aws_s3_bucket.archives", { bucket: "archives", region: "eu-west-1", arn: "arn:aws:s3:::archives", tags: { "data-classification": "archive" } }),
          aws("aws_db_instance.annuaire", { arn: "arn:aws:rds:eu-west-3:123456789012:db:annuaire", tags: { "data-classification": "personal" } }),
          aws("aws_sqs_queue.file", { tags: { "data-classification": "personal" } }),
          { ...aws("data.aws_caller_identity.me", {}), mode: "data", type: "aws_caller_identity", name: "me" },
        ],
        child_modules: [{ address: "module.m", resources: [aws("module.m.aws_s3_bucket.b", { region: "eu-west-3", tags: { "data-classification": "public" } })] }],
      },
    },
  };

  it("reads every managed resource, says it is a state, and judges it", () => {
    const file = write("state.json", state);
    const run = souverain("check", file, "--format", "json", "--all-placements");
    expect(run.code).toBe(1);
    const r = report(run);
    expect(r.inputs).toEqual([{ file, format: "terraform-state", description: "Terraform state (format 1.0, Terraform 1.9.8): deployed resources, an audit of what exists now", resources: 4 }]);
    // Region: the resource's own attribute, else its ARN's; no provider block in a state, so else unknown.
    expect(Object.fromEntries(r.resources.map((x) => [x.id, x.placements[0]!.region]))).toEqual({
      "aws_s3_bucket.archives": "eu-west-1",
      "aws_db_instance.annuaire": "eu-west-3",
      "aws_sqs_queue.file": null,
      "module.m.aws_s3_bucket.b": "eu-west-3",
    });
    expect(r.findings.filter((f) => f.enforcement === "mandatory").map((f) => `${f.resource} ${f.policy}`).sort()).toEqual([
      "aws_s3_bucket.archives archives-stay-in-france",
      "aws_sqs_queue.file location-must-be-known",
    ]);
    expect(souverain("check", file).stdout).toContain(`read ${file}: Terraform state (format 1.0, Terraform 1.9.8): deployed resources, an audit of what exists now, 4 resources`);
  });

  it("a real plan's planned values read as a state: the provider's region is not there, so it is unknown, never guessed", () => {
    const plan = readPlan("test_multi-module-referencing") as { planned_values: Json; terraform_version: string };
    const file = write("state-from-plan.json", { format_version: "1.0", terraform_version: plan.terraform_version, values: plan.planned_values });
    const r = report(souverain("check", file, "--format", "json"));
    expect(r.inputs[0]!.format).toBe("terraform-state");
    expect(r.resources.length).toBeGreaterThan(2);
    expect(r.resources.find((x) => x.id === "aws_s3_bucket.no_module_boundary")!.placements[0]).toMatchObject({ cloud: "aws", region: null });
  });

  it("a deposed object (replaced, not yet destroyed) is deployed too, under its own id", () => {
    const bucket = aws("aws_s3_bucket.b", { region: "eu-west-3", tags: { "data-classification": "public" } });
    const file = write("state-deposed.json", { format_version: "1.0", values: { root_module: { resources: [bucket, { ...bucket, deposed_key: "a1b2c3" }] } } });
    expect(report(souverain("check", file, "--format", "json")).resources.map((x) => x.id)).toEqual(["aws_s3_bucket.b", "aws_s3_bucket.b (deposed a1b2c3)"]);
  });

  it("a state with no managed resource is refused, not passed", () => {
    const file = write("empty-state.json", { format_version: "1.0", terraform_version: "1.9.8", values: { root_module: {} } });
    expect(refused(souverain("check", file))).toBe(`souverain: ${file}: /values/root_module: no resource found (this state holds no managed resource): nothing was judged; only an empty plan may hold no resource`);
  });
});

describe("no resource found: PASSED only for an empty plan, said in so many words", () => {
  it("an empty plan (Terraform omits resource_changes) passes and says why", () => {
    const file = write("empty-plan.json", { format_version: "1.2", terraform_version: "1.9.8", planned_values: { root_module: {} }, configuration: { root_module: {} }, complete: true });
    const run = souverain("check", file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`read ${file}: Terraform plan (format 1.2, Terraform 1.9.8), empty plan: nothing to create or change`);
    expect(run.stdout).toContain("0 resources · 0 mandatory · 0 advisory · 0 exempt → PASSED (empty plan: nothing to create or change)");
    const fr = souverain("check", file, "--lang", "fr").stdout;
    expect(fr).toContain(`lu ${file}\u00a0: plan Terraform (format 1.2, Terraform 1.9.8), plan vide\u00a0: rien à créer ni à modifier`);
    expect(fr).toContain("0 ressource · 0 constat bloquant · 0 avertissement · 0 constat sous dérogation → CONFORME (plan vide\u00a0: rien à créer ni à modifier)");
    expect(report(souverain("check", file, "--format", "json")).inputs[0]).toMatchObject({ resources: 0, empty: true });
    expect(souverain("check", file, "--format", "junit").stdout).toContain("<system-out>empty plan: nothing to create or change</system-out>");
    const sarif = JSON.parse(souverain("check", file, "--format", "sarif").stdout);
    expect(sarif.runs[0].artifacts[0].description.text).toBe("Terraform plan (format 1.2, Terraform 1.9.8): empty plan, nothing to create or change");
  });

  it("a plan that only deletes is an empty plan too: nothing exists after apply", () => {
    const plan = plan796();
    for (const c of plan.resource_changes) (c.change as Json).actions = ["delete"];
    const run = souverain("check", write("destroy-plan.json", plan));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("→ PASSED (empty plan: nothing to create or change)");
  });

  it.each([
    ["canonical", { resources: [] }, "/resources: no resource found (the list is empty)"],
    ["cdk.tf.json", { terraform: { required_providers: { aws: { source: "aws" } } }, provider: { aws: [{ region: "eu-west-3" }] } }, "/: no resource found (no resource and no module call)"],
  ])("%s input with no resource is refused (exit 2)", (_, content, place) => {
    const file = write("nothing.json", content);
    expect(refused(souverain("check", file))).toBe(`souverain: ${file}: ${place}: nothing was judged; only an empty plan may hold no resource`);
  });

  it("a plan with neither resource_changes, planned_values nor values is refused", () => {
    const file = write("hollow-plan.json", { format_version: "1.2", terraform_version: "1.9.8", configuration: {} });
    expect(refused(souverain("check", file))).toBe(`souverain: ${file}: /: neither resource_changes nor planned_values (a plan) nor values (a state): nothing to judge`);
  });
});

describe("plans Terraform did not finish fail closed (exit 2), saying why and what to do", () => {
  it.each([
    ["deferred_changes", { deferred_changes: [{ reason: "resource_config_unknown", resource_change: { address: "aws_s3_bucket.b" } }], complete: false },
      "/deferred_changes: Terraform deferred 1 change(s) to a later plan (resource_config_unknown): what they will create is not in this plan, so it cannot be judged; apply what they depend on first (or plan without -allow-deferral) until nothing is deferred, then judge that plan"],
    ["complete: false", { complete: false },
      "/complete: the plan is incomplete (complete: false): applying it will not reach the configuration, and what remains is not planned yet, so it cannot be judged; apply what it depends on first (or plan without -allow-deferral) until the plan is complete, then judge that plan"],
    ["errored", { errored: true },
      "/errored: the plan errored (errored: true): it holds only what Terraform planned before the error; fix the error, plan again and judge the new plan"],
  ])("%s", (_, over, line) => {
    const file = write("unfinished.json", { ...plan796(), ...over });
    expect(refused(souverain("check", file))).toBe(`souverain: ${file}: ${line}`);
  });

  it("an empty deferred_changes list and complete: true are a finished plan", () => {
    expect(souverain("check", write("finished.json", { ...plan796(), deferred_changes: [], complete: true })).code).toBe(0);
  });

  it("a create whose after is null", () => {
    const plan = plan796();
    (plan.resource_changes[1]!.change as Json).after = null;
    const file = write("after-null.json", plan);
    expect(refused(souverain("check", file))).toBe(
      `souverain: ${file}: /resource_changes/1/change/after: module.outer[0].module.inner.aws_cloudwatch_event_rule.example is planned (create) without its values after apply (after is null): nothing to judge it by; plan again and export the plan with terraform show -json`,
    );
  });
});

describe("malformed shapes are exit 2 with the file and a JSON pointer, never an internal error", () => {
  const mutate = (edit: (p: Json & { resource_changes: Json[] }) => void) => {
    const p = plan796();
    edit(p);
    return p;
  };
  const configJson = { resource: { aws_s3_bucket: { b: { bucket: "b", region: "${var.region}" } } }, variable: { region: { default: "eu-west-3" } } };
  it.each([
    ["resource_changes not an array", mutate((p) => (p.resource_changes = {} as never)), "/resource_changes: must be array"],
    ["an element without change", mutate((p) => delete p.resource_changes[0]!.change), "/resource_changes/0: must have required property 'change'"],
    ["actions not an array", mutate((p) => ((p.resource_changes[0]!.change as Json).actions = "create")), "/resource_changes/0/change/actions: must be array"],
    ["no action", mutate((p) => ((p.resource_changes[0]!.change as Json).actions = [])), "/resource_changes/0/change/actions: must NOT have fewer than 1 items"],
    ["an address that is not a string", mutate((p) => (p.resource_changes[1]!.address = 7)), "/resource_changes/1/address: must be string"],
    ["after a string", mutate((p) => ((p.resource_changes[0]!.change as Json).after = "x")), "/resource_changes/0/change/after: must be object,null"],
    ["a duplicate address", mutate((p) => (p.resource_changes[1]!.address = p.resource_changes[0]!.address)), '/resource_changes/1/address: duplicate resource address "module.outer[0].aws_lambda_permission.example"'],
    ["planned resources not an array", { ...mutate((p) => delete (p as Json).resource_changes), planned_values: { root_module: { resources: 3 } } }, "/planned_values/root_module/resources: must be array"],
    ["a provider_config entry not an object", mutate((p) => (((p.configuration as Json).provider_config as Json).aws = "aws")), "/configuration/provider_config/aws: must be object"],
    ["variables as an array", mutate((p) => (p.variables = [])), "/variables: must be object"],
    ["cdk.tf.json: resource as an array", { resource: [] }, "/resource: must be object"],
    ["cdk.tf.json: a resource block not an object", { resource: { aws_s3_bucket: { b: "bucket" } } }, "/resource/aws_s3_bucket/b: must be object"],
    ["cdk.tf.json: a provider entry that is a number", { ...configJson, provider: { aws: 3 } }, "/provider/aws: must be object,array"],
    ["cdk.tf.json: a module call not an object", { ...configJson, module: { vpc: "terraform-aws-modules/vpc/aws" } }, "/module/vpc: must be object"],
    ["cdk.tf.json: a variable whose default is itself", { ...configJson, variable: { region: { default: "${var.region}" } } },
      '/variable/region/default: the default of variable "region" refers back to itself (var.region -> var.region): a default must be a value'],
    ["cdk.tf.json: two variables whose defaults name each other", { ...configJson, variable: { region: { default: "${var.fallback}" }, fallback: { default: ["${var.region}"] } } },
      '/variable/region/default: the default of variable "region" refers back to itself (var.region -> var.fallback -> var.region): a default must be a value'],
  ])("%s", (_, content, line) => {
    const file = write("shape.json", content);
    expect(refused(souverain("check", file))).toBe(`souverain: ${file}: ${line}`);
  });
});

describe("fuzz: a real plan or cdk.tf.json with its structure mutated is judged or refused with a pointer", () => {
  const outputs: { out: string; err: string } = { out: "", err: "" };
  beforeAll(() => {
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((outputs.out += String(chunk)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((outputs.err += String(chunk)), true));
  });
  afterAll(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  /** A deterministic pseudo-random sequence: the same mutations on every run. */
  const random = (() => {
    let seed = 20260817;
    return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  })();
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const replacements: unknown[] = [null, 0, -1.5, true, "", "x", "${var.region}", "arn:aws:s3:eu-west-3::b", [], [null], ["create"], {}, { a: {} }, [[[]]]];

  /** Every place in a JSON value, as a path of keys. */
  function places(value: unknown, path: (string | number)[] = [], found: (string | number)[][] = []): (string | number)[][] {
    found.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => places(v, [...path, i], found));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) places(v, [...path, k], found);
    return found;
  }

  function mutated(original: unknown): unknown {
    const copy = structuredClone(original) as Json;
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
      const path = pick(places(copy).filter((p) => p.length > 0));
      const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Json)[k as string], copy) as Json;
      const key = path[path.length - 1]! as string;
      const how = random();
      if (how < 0.25 && !Array.isArray(parent)) delete parent[key];
      else if (how < 0.4) parent[key] = [parent[key]];
      else parent[key] = structuredClone(pick(replacements));
    }
    return copy;
  }

  /** The value a JSON pointer names, or undefined when it names nothing. */
  const at = (value: unknown, pointer: string): unknown =>
    pointer === "/" ? value : pointer.split("/").slice(1).map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~")).reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Json)[k] : undefined), value);

  const synthesised = (() => {
    const outdir = mkdtempSync(join(tmpdir(), "souverain-fuzz-synth-"));
    const app = new App({ outdir });
    const stack = new TerraformStack(app, "prod");
    new AwsProvider(stack, "aws", { region: "eu-west-3", defaultTags: [{ tags: { "data-classification": "personal" } }] });
    new S3Bucket(stack, "b", { bucket: "b", tags: { "data-classification": "archive" } });
    new TerraformHclModule(stack, "vpc", { source: "terraform-aws-modules/vpc/aws", version: "5.8.1" });
    app.synth();
    return JSON.parse(readFileSync(join(outdir, "stacks", "prod", "cdk.tf.json"), "utf8")) as unknown;
  })();

  const seeds: [string, unknown][] = [
    // FUZZ_ALL=1 FUZZ_N=1000 for a longer run over every real plan.
    ...(process.env.FUZZ_ALL ? planFiles().map((f) => f.split("/").pop()!.replace(/\.json$/, "")) : ["test_issue_796", "test_issue-121", "test_issue-166", "test_issue-225", "aws-ebs-volume_encrypted_infra", "test_issue-468"])
      .map((n): [string, unknown] => [n, readPlan(n)]),
    ["state", { format_version: "1.0", terraform_version: "1.9.8", values: readPlan("test_issue-166").planned_values }],
    ["cdk.tf.json", synthesised],
  ];

  it.each(seeds)("%s: 60 mutations", async (name, original) => {
    const outcomes = { judged: 0, refused: 0 };
    for (let i = 0; i < Number(process.env.FUZZ_N ?? 60); i++) {
      const input = mutated(original);
      const file = write(join("fuzz", `${name}-${i}.json`), input);
      outputs.out = "";
      outputs.err = "";
      const code = await main(["node", "souverain", "check", file, "--format", "json"]);
      const context = `${file}: ${outputs.err}`;
      if (code === 2) {
        const match = new RegExp(`^souverain: ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: (/[^:]*): .+\n$`).exec(outputs.err);
        expect(match, context).not.toBeNull();
        expect(at(input, match![1]!), `${context} (the pointer names nothing in the input)`).not.toBeUndefined();
        expect(outputs.out, context).toBe("");
        outcomes.refused++;
        if (process.env.FUZZ_LOG) console.error(outputs.err.trim());
      } else {
        outcomes.judged++;
        expect([0, 1], context).toContain(code);
        expect(outputs.err, context).toBe("");
        const r = JSON.parse(outputs.out) as ReturnType<typeof report>;
        expect(r.summary.resources === r.resources.length && (r.resources.length > 0 || r.inputs[0]!.empty === true), context).toBe(true);
      }
    }
    // The mutations reach both outcomes: the loop tests something.
    expect(outcomes.judged).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 60_000);
});

describe("a folder holding a plan and a cdktf.out", () => {
  /** A CDKTF project as `cdktf synth` leaves it, with a plan beside it. */
  function project(stacks: string[], extra: Record<string, unknown> = {}): string {
    const root = mkdtempSync(join(tmpdir(), "souverain-project-"));
    const app = new App({ outdir: join(root, "cdktf.out") });
    for (const name of stacks) {
      const stack = new TerraformStack(app, name);
      new AwsProvider(stack, "aws", { region: "us-east-1" });
      new S3Bucket(stack, "archives", { bucket: `archives-${name}`, tags: { "data-classification": "archive" } });
    }
    app.synth();
    const files: Record<string, unknown> = {
      "cdktf.json": { language: "typescript", app: "npx ts-node main.ts" },
      "package.json": { name: "infra", dependencies: { cdktf: "0.21.0" } },
      "tsconfig.json": { compilerOptions: {} },
      ".terraform/modules/modules.json": { Modules: [] },
      [`cdktf.out/stacks/${stacks[0]}/assets/lambda/package.json`]: { name: "lambda" },
      "plan.json": readPlan("test_issue_796"),
      ...extra,
    };
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(root, name, ".."), { recursive: true });
      writeFileSync(join(root, name), JSON.stringify(content));
    }
    return root;
  }

  it("judges both the plan and every stack; the project's own files and the rest of cdktf.out are not inputs", () => {
    const root = project(["dev", "prod"]);
    const r = report(souverain("check", root, "--format", "json"));
    expect(r.inputs.map((i) => [i.file.slice(root.length + 1), i.format])).toEqual([
      ["cdktf.out/stacks/dev/cdk.tf.json", "terraform-json"],
      ["cdktf.out/stacks/prod/cdk.tf.json", "terraform-json"],
      ["plan.json", "terraform-plan"],
    ]);
    expect(r.resources.map((x) => x.id)).toEqual([
      "dev/aws_s3_bucket.archives",
      "prod/aws_s3_bucket.archives",
      "module.outer[0].aws_lambda_permission.example",
      "module.outer[0].module.inner.aws_cloudwatch_event_rule.example",
    ]);
  });

  it("any other JSON beside them must be an input, or the check is refused", () => {
    const root = project(["prod"], { "notes.json": { hello: "world" } });
    expect(refused(souverain("check", root))).toBe(`souverain: ${join(root, "notes.json")}: /: not a recognised input: expected canonical resources, a Terraform plan (terraform show -json), Terraform JSON (cdk.tf.json) or a Pulumi preview (pulumi preview --json)`);
  });

  it("ids carry their stack: an exemption for dev never covers prod", () => {
    const root = project(["dev", "prod"]);
    const config = write("dev-only.config.json", { exemptions: [{ rule: "archives-stay-in-france", resource: "dev/aws_s3_bucket.archives", justification: "DINUM-DEV-1", expires: "2999-01-01" }] });
    const run = souverain("check", join(root, "cdktf.out"), "--config", config, "--format", "json");
    expect(run.code).toBe(1);
    expect(report(run).findings.filter((f) => f.policy === "archives-stay-in-france").map((f) => [f.resource, f.exempt])).toEqual([
      ["prod/aws_s3_bucket.archives", false],
      ["dev/aws_s3_bucket.archives", true],
    ]);
    // Messages name the resource by its address: the stack is in the id (and the file).
    expect(report(run).findings[0]!.message).toMatch(/^aws_s3_bucket\.archives: public archive data/);
  });
});

describe("module calls in cdk.tf.json: a mandatory finding, from the rules, naming the module", () => {
  const root = mkdtempSync(join(tmpdir(), "souverain-module-"));
  const app = new App({ outdir: join(root, "cdktf.out") });
  const stack = new TerraformStack(app, "prod");
  new AwsProvider(stack, "aws", { region: "eu-west-3" });
  new S3Bucket(stack, "public", { bucket: "public", tags: { "data-classification": "public" } });
  new TerraformHclModule(stack, "vpc", { source: "terraform-aws-modules/vpc/aws", version: "5.8.1", variables: { name: "main" } });
  app.synth();
  const out = join(root, "cdktf.out");

  it("blocks, in English and in French", () => {
    const run = souverain("check", out, "--format", "json");
    expect(run.code).toBe(1);
    expect(report(run).findings).toEqual([
      expect.objectContaining({
        policy: "location-must-be-known",
        resource: "prod/module.vpc",
        enforcement: "mandatory",
        message: "module.vpc: a module call, whose resources are not visible in this input: neither their data nor their location can be established; judge the Terraform plan instead (terraform plan, then terraform show -json).",
      }),
    ]);
    expect(souverain("check", out, "--lang", "fr").stdout).toContain(
      "module.vpc\u00a0: appel de module dont les ressources ne sont pas visibles dans cette entrée\u00a0; ni leurs données ni leur localisation ne peuvent être établies. Soumettez plutôt le plan Terraform (terraform plan, puis terraform show -json).",
    );
  });

  it("normalize shows the module call as an opaque canonical entry", () => {
    const run = souverain("normalize", join(out, "stacks", "prod"));
    expect(JSON.parse(run.stdout).resources).toContainEqual({
      id: "prod/module.vpc", name: "module.vpc", type: "module", cloud: null, region: null, opaque: "module",
      source: { file: join(out, "stacks", "prod", "cdk.tf.json"), address: "module.vpc" },
    });
  });

  it("a reviewed exemption for the module call lets the stack pass", () => {
    const config = write("module.config.json", { exemptions: [{ rule: "location-must-be-known", resource: "prod/module.vpc", justification: "VPC only, no data (RSSI-7)", expires: "2999-01-01" }] });
    expect(souverain("check", out, "--config", config).code).toBe(0);
  });
});
