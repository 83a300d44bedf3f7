/** Errors a user can act on: one line on stderr, exit 2, and nothing from the input that drives the terminal. */
import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/root.js";
import { scratch, souverain } from "./helpers/souverain.js";

const { dir, write } = scratch("souverain-errors-");
const violating = join(repoRoot, "examples", "canonical", "ministere-violations.json");
const bucket = (tags: Record<string, string>, id = "b1") => ({ resources: [{ id, type: "aws_s3_bucket", cloud: "aws", region: "eu-west-3", tags }] });
const oneLine = (stderr: string) => expect(stderr.split("\n")).toHaveLength(2);

describe("a missing --config file", () => {
  it("is a usage error naming the file, not an internal error", () => {
    const run = souverain(["check", violating, "--config", join(dir, "nope.json")]);
    expect(run).toMatchObject({ code: 2, stdout: "", stderr: `souverain: ${join(dir, "nope.json")}: no such file\n` });
  });
});

describe("what is not the JSON of a plan gets the command that makes it", () => {
  const hint = "run terraform show -json on the saved plan (terraform plan -out plan.tfplan && terraform show -json plan.tfplan > plan.json)";

  it("a binary plan (terraform plan -out, a zip archive)", () => {
    const file = write("plan.tfplan", Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(64, 7)]));
    const run = souverain(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`souverain: ${file}: a binary plan (terraform plan -out) is not read: ${hint}`);
    oneLine(run.stderr);
  });

  it.each([
    ["terraform show of a plan", "\nTerraform used the selected providers to generate the following execution\nplan. Resource actions are indicated with the following symbols:\n  + create\n\nTerraform will perform the following actions:\n\n  # aws_s3_bucket.b will be created\n  + resource \"aws_s3_bucket\" \"b\" {\n"],
    ["terraform show of a state", "# aws_s3_bucket.b:\nresource \"aws_s3_bucket\" \"b\" {\n    bucket = \"b\"\n}\n"],
    ["coloured terraform plan output", "\u001b[0m\u001b[1mNo changes.\u001b[0m Your infrastructure matches the configuration.\n"],
    ["OpenTofu", "OpenTofu will perform the following actions:\n\n  # aws_s3_bucket.b will be created\n"],
  ])("the text output of %s", (_, text) => {
    const file = write("plan.txt", text);
    const run = souverain(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`souverain: ${file}: the text output of terraform show or terraform plan is not read: ${hint}`);
    oneLine(run.stderr);
  });

  it("other text that is not JSON keeps the JSON error", () => {
    const file = write("notes.json", "hello");
    expect(souverain(["check", file]).stderr).toMatch(/^souverain: .*notes\.json: invalid JSON/);
  });
});

describe("control characters never reach the terminal", () => {
  it("in findings: resource ids and tag values are shown escaped", () => {
    const file = write("ctl.json", bucket({ "data-classification": "sens\u001b]0;owned\u0007itive" }, "b\u001b[2J\u009b31m\u202eevil\r"));
    const run = souverain(["check", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(run.stdout).toContain("b\\x1b[2J\\x9b31m\\u202eevil\\x0d");
  });

  it("in JSON on the terminal: C1 controls and bidirectional overrides escaped too, the same data", () => {
    const file = write("ctl2.json", bucket({ "data-classification": "sensitive" }, "b\u009b\u202e"));
    const run = souverain(["check", file, "--format", "json"]);
    expect(run.stdout).not.toMatch(/[\u007f-\u009f\u202e]/);
    expect(JSON.parse(run.stdout).findings[0].resource).toBe("b\u009b\u202e");
  });

  it("in error lines: file names and ids from the input", () => {
    const file = write("dup\u001b[31m.json", { resources: [{ id: "x\u001b[5m", type: "t", cloud: "aws", region: "eu-west-3" }, { id: "x\u001b[5m", type: "t", cloud: "aws", region: "eu-west-3" }] });
    const run = souverain(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain("\u001b");
    expect(run.stderr).toContain("dup\\x1b[31m.json: /resources/1/id: duplicate resource id \"x\\x1b[5m\"");
    oneLine(run.stderr);
  });

  it("in commander's own errors (an unknown option)", () => {
    const run = souverain(["check", violating, "--\u001b[31mred"]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain("\u001b");
  });
});

describe("a huge tag value is not echoed whole", () => {
  it("the terminal shows its start and end around an ellipsis; JSON keeps it", () => {
    const huge = `${"x".repeat(200_000)}END`;
    const file = write("huge.json", bucket({ "data-classification": huge }));
    const run = souverain(["check", file]);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBeLessThan(5_000);
    // The rules echo the value as they read it, lower-cased.
    expect(run.stdout).toMatch(/'x{79}…x{16}end' names no known class/);
    expect(JSON.parse(souverain(["check", file, "--format", "json"]).stdout).findings[0].message).toContain(huge.toLowerCase());
  });
});

describe("defaultClassification must name a class", () => {
  it("a misspelt class: exit 2 naming the value, the place and the classes", () => {
    const config = write("typo.config.json", { defaultClassification: "sensitve" });
    const run = souverain(["check", violating, "--config", config]);
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toMatch(new RegExp(`^souverain: ${config}: /defaultClassification: "sensitve" names no class; classes: public, internal, personal, .*archive\\n$`));
  });

  it("one bad class among good ones, or nothing at all", () => {
    for (const value of ["personal,archve", " , "]) {
      const run = souverain(["check", violating, "--config", write("bad.config.json", { defaultClassification: value })]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("/defaultClassification: ");
    }
  });

  it("classes, their spellings and the user's classAliases names are accepted", () => {
    for (const config of [{ defaultClassification: "archive" }, { defaultClassification: "Données personnelles, Archives" }, { defaultClassification: "dossier-patient", classAliases: { "dossier-patient": "health" } }]) {
      expect(souverain(["check", violating, "--config", write("ok.config.json", config)]).code).toBe(1);
    }
  });

  it("a classAliases name is listed when the value is wrong", () => {
    const run = souverain(["check", violating, "--config", write("alias.config.json", { defaultClassification: "dossier", classAliases: { "dossier-patient": "health" } })]);
    expect(run.stderr).toMatch(/; classes: .*, dossier-patient\n$/);
  });
});

describe("folders", () => {
  it("an unrelated package.json (and tsconfig.json) beside the inputs is not an input", () => {
    const project = scratch("souverain-project-");
    cpSync(violating, join(project.dir, "resources.json"));
    project.write("package.json", { name: "infra", version: "1.0.0", scripts: { deploy: "terraform apply" } });
    project.write("tsconfig.json", { compilerOptions: { strict: true } });
    const run = souverain(["check", project.dir, "--format", "json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).inputs.map((i: { file: string }) => i.file)).toEqual([join(project.dir, "resources.json")]);
  });

  it("a folder holding only project files: exit 2, saying so", () => {
    const project = scratch("souverain-project-");
    project.write("package.json", { name: "infra" });
    const run = souverain(["check", project.dir]);
    expect(run).toMatchObject({ code: 2, stderr: `souverain: ${project.dir}: folder holds no .json input (package.json, tsconfig.json and cdktf.json are not inputs)\n` });
  });

  it("a package.json named on the command line is still read, and refused", () => {
    const project = scratch("souverain-project-");
    const run = souverain(["check", project.write("package.json", { name: "infra" })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("not a recognised input");
  });
});
