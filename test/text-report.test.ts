/** The terminal report: findings grouped by rule, basis and fix once per group, --quiet, colours. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../src/engine.js";
import { repoRoot } from "./helpers/root.js";
import { scratch, souverain } from "./helpers/souverain.js";

const { write } = scratch("souverain-text-");
const bucket = (id: string, classes: string, region = "eu-west-3") => ({ id, type: "aws_s3_bucket", cloud: "aws", region, tags: { "data-classification": classes } });
const resources = [bucket("b1", "sensitive"), bucket("b2", "sensitive"), bucket("b3", "health", "eu-central-1"), bucket("b4", "public")];
const input = write("grouped.json", { resources });
const count = (text: string, part: string) => text.split(part).length - 1;

describe("the text report", () => {
  it("groups findings by rule: the rule's title, basis and fix once, then each resource and its message", () => {
    const run = souverain(["check", input]);
    expect(run.code).toBe(1);
    const secnumcloud = rules["sensitive-requires-secnumcloud"]!;
    expect(count(run.stdout, `Basis: ${secnumcloud.basis.en}`)).toBe(1);
    expect(count(run.stdout, `Fix: ${secnumcloud.fix.en}`)).toBe(1);
    expect(run.stdout).toContain(
      [
        `sensitive-requires-secnumcloud · ${secnumcloud.title.en} (2)`,
        `  Basis: ${secnumcloud.basis.en}`,
        `  Fix: ${secnumcloud.fix.en}`,
        "  ✖ b1  [mandatory]",
        "    b1: sensitive data on Amazon Web Services eu-west-3 (Paris, France): no SecNumCloud-qualified offer covers it.",
        "  ✖ b2  [mandatory]",
        "    b2: sensitive data on Amazon Web Services eu-west-3 (Paris, France): no SecNumCloud-qualified offer covers it.",
      ].join("\n"),
    );
    expect(run.stdout).toContain(`health-requires-hds · ${rules["health-requires-hds"]!.title.en} (1)`);
    expect(run.stdout).not.toContain("b4");
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("4 resources · 3 mandatory · 0 advisory · 0 exempt → BLOCKED");
  });

  it("names each finding's file when several inputs were read", () => {
    const other = write("other.json", { resources: [bucket("c1", "sensitive")] });
    const run = souverain(["check", input, other]);
    expect(run.stdout).toContain(`  ✖ c1  [mandatory]  ${other}`);
    expect(run.stdout).toContain(`  ✖ b1  [mandatory]  ${input}`);
  });

  it("in French: labels, levels and a no-break space before the colon", () => {
    const run = souverain(["check", input, "--lang", "fr"]);
    expect(run.stdout).toContain(`  Fondement\u00a0: ${rules["sensitive-requires-secnumcloud"]!.basis.fr}`);
    expect(run.stdout).toContain(`  Correction\u00a0: ${rules["sensitive-requires-secnumcloud"]!.fix.fr}`);
    expect(run.stdout).toContain("  ✖ b1  [bloquant]");
    expect(run.stdout).toContain(`sensitive-requires-secnumcloud · ${rules["sensitive-requires-secnumcloud"]!.title.fr} (2)`);
    expect(run.stdout).toContain(`lu ${input}\u00a0: ressources canoniques, 4 ressources`);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("4 ressources · 3 constats bloquants · 0 avertissement · 0 constat sous dérogation → BLOQUÉ");
    const exempt = write("fr.config.json", { exemptions: [{ rule: "health-requires-hds", resource: "b3", justification: "DEROG-7", expires: "2999-01-01" }] });
    const exempted = souverain(["check", input, "--lang", "fr", "--config", exempt]).stdout;
    expect(exempted).toContain("  ○ b3  [dérogation jusqu'au 1er janvier 2999\u00a0: DEROG-7]");
    expect(exempted.trimEnd().split("\n").at(-1)).toBe("4 ressources · 2 constats bloquants · 0 avertissement · 1 constat sous dérogation → BLOQUÉ");
  });

  it("--quiet prints the summary line alone, and still writes the whole report with --output", () => {
    const run = souverain(["check", input, "--quiet"]);
    expect(run).toMatchObject({ code: 1, stderr: "", stdout: "4 resources · 3 mandatory · 0 advisory · 0 exempt → BLOCKED\n" });
    const file = write("quiet.json.out", "");
    const out = souverain(["check", input, "-q", "--format", "json", "--output", file]);
    expect(out.stdout).toBe(`4 resources · 3 mandatory · 0 advisory · 0 exempt → BLOCKED\nReport (json) written to ${file}\n`);
  });

  it("never dims the fix on a terminal: only the basis, the levels and what was read are secondary", () => {
    // On a terminal (script(1) gives the CLI one), where colour is on.
    const command = [process.execPath, join(repoRoot, "bin", "souverain.js"), "check", input].map((a) => `'${a}'`).join(" ");
    const run = spawnSync("script", ["-qec", command, join(scratch("souverain-tty-").dir, "typescript")], { encoding: "utf8", env: { PATH: process.env.PATH!, LANG: "C", TERM: "xterm" } });
    const lines = run.stdout.split(/\r?\n/);
    const dim = "\u001b[2m";
    expect(lines.filter((l) => l.includes("Basis: ")).every((l) => l.startsWith(dim))).toBe(true);
    const fixes = lines.filter((l) => l.includes("Fix: "));
    expect(fixes.length).toBe(2);
    for (const line of fixes) expect(line).not.toContain("\u001b[");
  });
});
