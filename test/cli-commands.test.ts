/** souverain rules, explain, init, --help and colour: spawned as a user runs them. */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { validateConfig } from "../src/config.js";
import { rules } from "../src/engine.js";
import { dateIn } from "../src/words.js";
import { repoRoot } from "./helpers/root.js";
import { scratch, souverain } from "./helpers/souverain.js";

const ids = Object.keys(rules);
const ESC = "\u001b[";

describe("souverain rules", () => {
  it("lists every rule with its level, basis, frameworks and last review, from the rule metadata", () => {
    const run = souverain(["rules"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    for (const rule of Object.values(rules)) {
      expect(run.stdout).toContain(`${rule.id}  [${rule.enforcement}]  ${rule.title.en}`);
      expect(run.stdout).toContain(`    Basis: ${rule.basis.en}`);
      expect(run.stdout).toContain(`    Frameworks: ${rule.frameworks.join(", ")}`);
      expect(run.stdout).toContain(`    Last reviewed: ${rule.lastReviewed}`);
    }
  });

  it("in French, with French labels and the French basis", () => {
    const run = souverain(["rules", "--lang", "fr"]);
    const rule = rules["sensitive-requires-secnumcloud"]!;
    expect(run.stdout).toContain(`${rule.id}  [bloquant]  ${rule.title.fr}`);
    expect(run.stdout).toContain(`    Fondement\u00a0: ${rule.basis.fr}`);
    expect(run.stdout).toContain(`    Dernière revue\u00a0: ${dateIn("fr", rule.lastReviewed)}`);
    expect(run.stdout).not.toMatch(/\[(mandatory|advisory)\]/);
  });

  it("as JSON: the rule metadata itself", () => {
    const run = souverain(["rules", "--format", "json"]);
    expect(JSON.parse(run.stdout)).toEqual(Object.values(rules));
  });
});

describe("souverain explain", () => {
  it("gives the title, description, basis, fix and references of a rule", () => {
    const rule = rules["health-requires-hds"]!;
    const run = souverain(["explain", "health-requires-hds"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`health-requires-hds: ${rule.title.en}`);
    expect(run.stdout).toContain(rule.description.en.trim());
    expect(run.stdout).toContain(`Basis: ${rule.basis.en}`);
    expect(run.stdout).toContain(`Fix: ${rule.fix.en}`);
    for (const ref of rule.references) expect(run.stdout).toContain(`  ${ref.description}: ${ref.url}`);
  });

  it("in French with --lang fr or a French LANG", () => {
    const rule = rules["archives-stay-in-france"]!;
    for (const run of [souverain(["explain", rule.id, "--lang", "fr"]), souverain(["explain", rule.id], { env: { LANG: "fr_FR.UTF-8" } })]) {
      expect(run.stdout).toContain(`Fondement\u00a0: ${rule.basis.fr}`);
      expect(run.stdout).toContain(`Correction\u00a0: ${rule.fix.fr}`);
      expect(run.stdout).toContain(`${rule.id}\u00a0: ${rule.title.fr}`);
      expect(run.stdout).toContain("Niveau par défaut\u00a0: bloquant (modifiable par enforcement dans la configuration)");
      expect(run.stdout).toContain("Données protégées\u00a0: archives publiques, archives définitives ou historiques");
    }
  });

  it("an unknown rule id: exit 2 and one line listing the rule ids", () => {
    const run = souverain(["explain", "sensitive-requires-secnumclou"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`souverain: unknown rule "sensitive-requires-secnumclou"; the rules are: ${ids.join(", ")}\n`);
  });
});

describe("souverain init", () => {
  it("writes souverain.json with $schema and the Pulumi pack configuration, both usable", () => {
    const { dir } = scratch("souverain-init-");
    const run = souverain(["init", dir, "--lang", "fr"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const config = JSON.parse(readFileSync(join(dir, "souverain.json"), "utf8")) as Record<string, unknown>;
    expect(resolve(dir, config.$schema as string)).toBe(join(repoRoot, "schemas", "config.schema.json"));
    expect(() => validateConfig(config, "souverain.json")).not.toThrow();
    const { $schema: _, ...settings } = config;
    expect(JSON.parse(readFileSync(join(dir, "souverain-policy.json"), "utf8"))).toEqual({ souverain: { lang: "fr", ...settings } });
    const check = souverain(["check", join(repoRoot, "examples", "canonical", "ministere-compliant.json"), "--config", join(dir, "souverain.json")]);
    expect(check.code).toBe(0);
  });

  it("writes in the current folder by default", () => {
    const { dir } = scratch("souverain-init-");
    expect(souverain(["init"], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, "souverain.json")) && existsSync(join(dir, "souverain-policy.json"))).toBe(true);
  });

  it("never overwrites: exit 2, and neither file is written", () => {
    const { dir, write } = scratch("souverain-init-");
    write("souverain-policy.json", "{}");
    const run = souverain(["init", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`souverain: ${join(dir, "souverain-policy.json")} already exists: init never overwrites a file (edit it, or remove it first)\n`);
    expect(readFileSync(join(dir, "souverain-policy.json"), "utf8")).toBe("{}");
    expect(existsSync(join(dir, "souverain.json"))).toBe(false);
  });

  it("a folder that does not exist: exit 2", () => {
    const run = souverain(["init", "/nonexistent/folder"]);
    expect(run).toMatchObject({ code: 2, stderr: "souverain: /nonexistent/folder: no such folder\n" });
  });
});

describe("--help", () => {
  it("has examples and the exit codes", () => {
    const run = souverain(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Examples:\n  terraform show -json plan.tfplan > plan.json && souverain check plan.json");
    expect(run.stdout).toMatch(/^ {2}souverain check plan\.json --baseline baseline\.json$/m);
    expect(run.stdout).toContain("Exit codes: 0 nothing blocks, 1 a mandatory finding, 2 a usage or input error.");
    for (const command of ["check", "normalize", "rules", "explain", "init"]) expect(run.stdout).toMatch(new RegExp(`^ {2}${command} `, "m"));
  });

  it("in French with --lang fr or a French LANG, no-break spaces before colons", () => {
    for (const run of [souverain(["--help", "--lang", "fr"]), souverain(["--help"], { env: { LANG: "fr_FR.UTF-8" } }), souverain(["check", "--help", "--lang=fr"])]) {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Utilisation\u00a0: souverain");
      expect(run.stdout).toContain("afficher l'aide de la commande");
      expect(run.stdout).not.toMatch(/ [:;]/);
    }
    expect(souverain(["--help", "--lang", "fr"]).stdout).toContain("Codes de sortie\u00a0: 0, rien ne bloque\u00a0; 1, au moins un constat bloquant");
    expect(souverain(["check", "--help", "-l", "fr"]).stdout.replace(/ *\n */g, " ")).toContain("(valeurs\u00a0: text, json, sarif, junit, html, markdown\u00a0; par défaut\u00a0: «\u00a0text\u00a0»)");
  });
});

describe("colour", () => {
  const violating = join(repoRoot, "examples", "canonical", "ministere-violations.json");
  /** The CLI on a pseudo-terminal (util-linux `script`), where colour is on unless asked off. */
  function onTerminal(args: string[], env: Record<string, string> = {}): string {
    const { dir } = scratch("souverain-tty-");
    const command = [process.execPath, join(repoRoot, "bin", "souverain.js"), ...args].map((a) => `'${a}'`).join(" ");
    const run = spawnSync("script", ["-qec", command, join(dir, "typescript")], {
      encoding: "utf8",
      env: { PATH: process.env.PATH!, LANG: "C", TERM: "xterm", ...env },
    });
    return run.stdout;
  }

  it("is used on a terminal", () => {
    expect(onTerminal(["check", violating])).toContain(ESC);
    expect(onTerminal(["explain", "health-requires-hds"])).toContain(ESC);
  });

  it("never with --no-color or NO_COLOR", () => {
    expect(onTerminal(["check", violating, "--no-color"])).not.toContain(ESC);
    expect(onTerminal(["check", violating], { NO_COLOR: "1" })).not.toContain(ESC);
    expect(onTerminal(["rules", "--no-color"])).not.toContain(ESC);
    expect(onTerminal(["explain", "health-requires-hds", "--no-color"])).not.toContain(ESC);
  });

  it("never in a file or a pipe", () => {
    const { write } = scratch("souverain-out-");
    const out = write("report.txt", "");
    souverain(["check", violating, "--output", out], { env: { NO_COLOR: "" } });
    expect(readFileSync(out, "utf8")).not.toContain(ESC);
    expect(souverain(["check", violating], { env: { NO_COLOR: "" } }).stdout).not.toContain(ESC);
  });
});
