import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { englishIn } from "./helpers/english.js";
import { repoRoot } from "./helpers/root.js";
import { scratch, souverain } from "./helpers/souverain.js";

// Everything `souverain check --lang fr` prints for a person, in every format, on inputs that make
// every rule speak: no English word of ours may be left in it. What the user wrote (ids, files,
// justifications, names from the configuration or the catalog) is removed first.

const at = (...p: string[]) => join(repoRoot, ...p);
const catalog = JSON.parse(readFileSync(at("policies/catalog/catalog.json"), "utf8")) as {
  providers: Record<string, { name: string; legalEntity?: string; offers?: { name: string }[] }>;
};
const ruleIds = Object.keys(JSON.parse(readFileSync(at("policies/compiled/rules.json"), "utf8")) as object);
const catalogNames = Object.values(catalog.providers).flatMap((p) => [p.name, p.legalEntity ?? "", ...(p.offers ?? []).map((o) => o.name)]);

const { write } = scratch("souverain-fr-");
const governance = write("governance.json", {
  exemptions: [
    { rule: "no-such-rule", resource: "", justification: " ", expires: "2027-02-30" },
    { rule: "personal-stays-in-eu", resource: "crm-usagers-virginie", justification: "T-1", expires: "2020-01-01" },
    { rule: "archives-stay-in-france", resource: "a-resource-long-gone", justification: "T-2", expires: "2999-01-01" },
  ],
});

const runs: { inputs: string[]; config?: string }[] = [
  { inputs: ["examples/canonical/ministere-violations.json", "examples/canonical/ministere-compliant.json"], config: "examples/souverain.config.json" },
  { inputs: ["examples/canonical/ministere-violations.json"], config: governance },
  { inputs: ["test/fixtures/attacks/classified-azure.cdk.tf.json"], config: "test/fixtures/attacks/homologation-under-azure-alias.config.json" },
  { inputs: ["test/fixtures/attacks/google-logging.cdk.tf.json", "test/fixtures/attacks/bucket-expression-tag-key.cdk.tf.json"], config: "test/fixtures/attacks/default-personal.config.json" },
  { inputs: ["test/fixtures/attacks/asg-unknown-tag-key.plan.json", "test/fixtures/attacks/provider-named-default-us.preview.json"] },
];

/** What a person reads in each format: message-like fields of JSON and SARIF, the text of XML and HTML. */
const readable: Record<string, (out: string) => string> = {
  text: (out) => out,
  markdown: (out) => out.replace(/`[^`]*`/g, " "),
  html: (out) => out.replace(/<(script|style)[\s\S]*?<\/\1>/g, " ").replace(/<[^>]+>/g, " "),
  junit: (out) => out.replace(/<\?xml[^>]*>/, " ").replace(/<[^>]+?(?:message="([^"]*)")?[^>]*>/g, " $1 "),
  json: (out) => fields(JSON.parse(out), ["title", "message", "basis", "fix", "description"]),
  sarif: (out) => fields(JSON.parse(out), ["text", "markdown"]),
};

function fields(tree: unknown, keys: string[]): string {
  if (Array.isArray(tree)) return tree.map((v) => fields(v, keys)).join("\n");
  if (!tree || typeof tree !== "object") return "";
  return Object.entries(tree)
    .map(([k, v]) => (keys.includes(k) && typeof v === "string" ? v : fields(v, keys)))
    .join("\n");
}

/** The output without what the user wrote (resource ids and names, files, the configuration's strings) and rule ids. */
function withoutUserText(text: string, run: (typeof runs)[number], json: { resources: { id: string; type: string }[]; findings: { resource: string; file: string }[] }): string {
  const config = run.config ? readFileSync(run.config.startsWith("/") ? run.config : at(run.config), "utf8") : "{}";
  const user = [
    ...json.resources.flatMap((r) => [r.id, r.type]),
    ...json.findings.flatMap((f) => [f.resource, f.file]),
    ...run.inputs,
    ...(run.config ? [run.config] : []),
    ...ruleIds,
    ...[...config.matchAll(/"([^"\\]*)"/g)].map((m) => m[1]!),
    ...catalogNames,
  ].filter((s) => s.length > 2);
  let rest = text;
  for (const s of [...new Set(user)].sort((a, b) => b.length - a.length)) rest = rest.replaceAll(s, " ");
  return rest;
}

describe("French output", () => {
  for (const [n, run] of runs.entries()) {
    it(`has no English word of ours in any format (run ${n + 1}: ${run.inputs.map((i) => i.split("/").pop()).join(", ")})`, () => {
      const args = (format: string) => ["check", ...run.inputs, "--lang", "fr", "--format", format, ...(run.config ? ["--config", run.config] : [])];
      const json = JSON.parse(souverain([...args("json"), "--all-placements"]).stdout);
      expect(json.findings.length).toBeGreaterThan(0);
      const found: Record<string, string[]> = {};
      for (const [format, read] of Object.entries(readable)) {
        const { stdout, code } = souverain(args(format));
        expect(code, format).not.toBe(2);
        const english = englishIn(withoutUserText(read(stdout), run, json));
        if (english.length) found[format] = english;
      }
      expect(found).toEqual({});
    });
  }

  const fr = (args: string[]) => {
    const run = souverain(args, { env: { LANG: "fr_FR.UTF-8" } });
    expect(run.stderr).toBe("");
    return run.stdout;
  };

  /** Without what is code in any language: rule ids, URLs, files, commands, options and their values. */
  const withoutCode = (out: string) => {
    let rest = out;
    for (const id of ruleIds) rest = rest.replaceAll(id, " ");
    return rest
      .replace(/https:\/\/\S+/g, " ")
      .replace(/\S+\.json\b/g, " ")
      .replace(/(^|\s)--?[\w-]+/g, " ")
      .replace(/\(valeurs\u00a0: [^)]*\)/g, " ")
      .replace(/^\s+(check|normalize|rules|explain|init|catalog|help)\b/gm, " ");
  };

  it("has no English word of ours in rules, explain, catalog and init", () => {
    const outputs = [fr(["rules"]), ...ruleIds.map((id) => fr(["explain", id])), fr(["init", scratch("souverain-fr-init-").dir])];
    // The catalog's own records (ids, sources, notes, names) are quoted as recorded: only our words are checked.
    const records = [...readFileSync(at("policies/catalog/catalog.json"), "utf8").matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    let catalogOutput = fr(["catalog"]);
    for (const r of records.filter((r) => r.length > 2).sort((a, b) => b.length - a.length)) catalogOutput = catalogOutput.replaceAll(r, " ");
    const found = [...outputs, catalogOutput].flatMap((out) => englishIn(withoutCode(out)));
    expect(found).toEqual([]);
  });

  it.each([[[]], [["check"]], [["rules"]], [["explain"]], [["catalog"]], [["init"]], [["normalize"]]])("has no English word of ours in the help of %j", (command) => {
    expect(englishIn(withoutCode(fr([...command, "--help"])))).toEqual([]);
  });

  it("finds English when there is some (the detector works)", () => {
    expect(englishIn("Fondement : Basis: the resources are mandatory, exempt until 2027, in Germany")).toEqual(
      expect.arrayContaining(["basis", "the", "resources", "mandatory", "exempt", "until", "germany"]),
    );
    expect(englishIn("données sensibles sur Amazon Web Services eu-west-3 (Paris, France) : aucune offre qualifiée SecNumCloud ne les couvre.")).toEqual([]);
  });
});
