import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { assetPath } from "../assets.js";
import type { Config } from "../config.js";
import { Engine } from "../engine.js";
import { EvaluationError, InputError, UsageError } from "../errors.js";
import { langFromEnvironment } from "../lang.js";
import type { Finding, Lang } from "../model/findings.js";
import { baselineOf, loadBaseline, writeBaseline, type Acceptance } from "./baseline.js";
import { assertDefaultClassification, loadConfiguration } from "./configuration.js";
import { langOfArguments, localiseHelp } from "./help.js";
import { expand, readInput, type Input } from "./inputs.js";
import { buildReport, type Report } from "./report.js";
import { forTerminal, jsonForTerminal, useColour } from "./terminal.js";
import { formatText } from "./text.js";
import { fill, plural, words } from "../words.js";

/** Exit codes: what a CI pipeline branches on. */
export const EXIT = { ok: 0, blocked: 1, error: 2 } as const;

const version = (JSON.parse(readFileSync(assetPath("package.json"), "utf8")) as { version: string }).version;

type Format = "text" | "json" | "sarif" | "junit" | "html" | "markdown";

interface CheckOptions {
  format: Format;
  output?: string;
  config?: string;
  lang?: Lang;
  color: boolean;
  quiet: boolean;
  allPlacements: boolean;
  baseline?: string;
  writeBaseline?: string;
  acceptedBy?: string;
  expires?: string;
  justification?: string;
}

/**
 * The report in the chosen format, through `write`: the JSON one in pieces, never one huge string. Each
 * format's module is loaded only when asked for, as are the other commands' below.
 */
async function emit(report: Report, options: CheckOptions, config: Config, write: (text: string) => void, text: () => string): Promise<void> {
  if (options.format === "json") {
    const { writeJsonReport } = await import("./json-report.js");
    writeJsonReport(report, options.allPlacements, (piece) => write(jsonForTerminal(piece)));
  } else if (options.format === "sarif") {
    write((await import("./sarif.js")).formatSarif(report));
  } else if (options.format === "junit") {
    write((await import("./junit.js")).formatJunit(report));
  } else if (options.format === "html") {
    write((await import("./html.js")).formatHtml(report, { config, ...(options.config ? { configFile: options.config } : {}) }));
  } else if (options.format === "markdown") {
    write((await import("./markdown.js")).formatMarkdown(report, { config, ...(options.config ? { configFile: options.config } : {}) }));
  } else {
    write(text());
  }
}

/** Who accepts the findings --write-baseline records, until when and why: all three, or a usage error. */
function acceptance(options: CheckOptions): Acceptance {
  const missing = (["acceptedBy", "expires", "justification"] as const).filter((k) => !options[k]);
  if (missing.length) {
    throw new UsageError(`--write-baseline needs ${missing.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(", ")}: who accepts the findings, until when, and why`);
  }
  return { acceptedBy: options.acceptedBy!, justification: options.justification!, expires: options.expires! };
}

/** Where the configuration and the baseline were read from, for findings about their entries. */
interface Sources {
  config: string;
  baseline: string;
}

function judge(engine: Engine, inputs: Input[], lang: Lang, sources: Sources): Report {
  const judged = inputs.map(({ file, format, description, document, empty }) => ({
    file,
    format,
    description,
    ...(empty ? { empty } : {}),
    verdict: engine.evaluate(document, file),
  }));
  const unused = engine.unusedExemptions(inputs.flatMap(({ document }) => document.resources.map((r) => r.id)));
  const ofBaseline = (f: Finding) => f.resource.startsWith("config:baseline");
  return buildReport(judged, lang, version, [
    { file: sources.config, findings: unused.filter((f) => !ofBaseline(f)) },
    { file: sources.baseline, findings: unused.filter(ofBaseline) },
  ]);
}

async function check(paths: string[], options: CheckOptions): Promise<number> {
  const config = loadConfiguration(options.config);
  const accepting = options.writeBaseline ? acceptance(options) : undefined;
  const baseline = options.baseline ? loadBaseline(options.baseline) : undefined;
  const engine = await Engine.create({ config, ...(baseline ? { baseline } : {}) });
  assertDefaultClassification(engine, config, options.config);
  const inputs = paths.flatMap(expand).map((file) => readInput(file, config));
  const lang = options.lang ?? config.lang ?? langFromEnvironment();
  const configFile = options.config ?? "configuration";
  let report = judge(engine, inputs, lang, { config: configFile, baseline: options.baseline ?? "baseline" });
  if (options.writeBaseline && accepting) {
    // The new baseline is then judged like any other: this run reports what it does not accept.
    const entries = baselineOf(report.findings, accepting);
    writeBaseline(options.writeBaseline, entries);
    process.stderr.write(`${fill(plural(lang, words[lang].text.baselineWritten, entries.length), { file: forTerminal(options.writeBaseline) })}\n`);
    report = judge(await Engine.create({ config, baseline: entries }), inputs, lang, { config: configFile, baseline: options.writeBaseline });
  }
  const text = () => formatText(report, useColour(options.color), options.quiet);
  if (options.output) {
    // The file gets the report; the terminal still gets the readable one.
    const file = openSync(options.output, "w");
    try {
      await emit(report, options, config, (piece) => writeSync(file, piece), () => formatText(report, false));
    } finally {
      closeSync(file);
    }
    process.stdout.write(text() + `${fill(words[lang].text.reportWritten, { format: options.format, file: forTerminal(options.output) })}\n`);
  } else {
    await emit(report, options, config, (piece) => process.stdout.write(piece), text);
  }
  return report.summary.blocked ? EXIT.blocked : EXIT.ok;
}

/** Prints the canonical resources an input becomes, for conftest, opa eval or other tools. */
function normalize(path: string): number {
  const files = expand(path);
  if (files.length !== 1) {
    throw new InputError(path, "", `normalize reads one input; this folder holds ${files.length} (${files.slice(0, 3).join(", ")}${files.length > 3 ? ", ..." : ""})`);
  }
  const { document } = readInput(files[0]!);
  process.stdout.write(JSON.stringify({ version: 1, resources: document.resources }, null, 2) + "\n");
  return EXIT.ok;
}

function program(lang: Lang): Command {
  const w = words[lang].help;
  // What each option's value is, in the user's language: commander shows it, never uses it.
  const v = w.values;
  const langOption = () => new Option(`-l, --lang <${v.lang}>`, w.lang).choices(["fr", "en"]);
  const cli = new Command("souverain")
    .description(w.program)
    .usage(w.usage)
    .version(version, "-V, --version", w.version)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`souverain: ${forTerminal(text.replace(/^error: /, "").trimEnd())}\n`) });
  cli
    .command("check")
    .description(w.check)
    .argument(`<${v.inputs}...>`, w.inputs)
    .addOption(new Option(`-f, --format <${v.format}>`, w.format).choices(["text", "json", "sarif", "junit", "html", "markdown"]).default("text"))
    .option(`-o, --output <${v.file}>`, w.output)
    .option("-q, --quiet", w.quiet, false)
    .option("--all-placements", w.allPlacements, false)
    .option(`-c, --config <${v.file}>`, w.config)
    .addOption(langOption())
    .option("--no-color", w.noColor)
    .option(`--baseline <${v.file}>`, w.baseline)
    .option(`--write-baseline <${v.file}>`, w.writeBaseline)
    .option(`--accepted-by <${v.who}>`, w.acceptedBy)
    .option(`--expires <${v.date}>`, w.expires)
    .option(`--justification <${v.text}>`, w.justification)
    .action(async (files: string[], options: CheckOptions) => {
      process.exitCode = await check(files, options);
    });
  cli
    .command("normalize")
    .description(w.normalize)
    .argument(`<${v.input}>`, w.normalizeInput)
    .action((input: string) => {
      process.exitCode = normalize(input);
    });
  cli
    .command("rules")
    .description(w.rules)
    .addOption(new Option(`-f, --format <${v.format}>`, w.rulesFormat).choices(["text", "json"]).default("text"))
    .addOption(langOption())
    .option("--no-color", w.noColor)
    .action(async (options: { format: "text" | "json"; lang?: Lang; color: boolean }) => {
      const { listRules } = await import("./rules.js");
      const text = listRules(options.lang ?? lang, options.format, useColour(options.color));
      process.stdout.write(options.format === "json" ? jsonForTerminal(text) : text);
    });
  cli
    .command("explain")
    .description(w.explain)
    .argument(`<${v.ruleId}>`, w.ruleId)
    .addOption(langOption())
    .option("--no-color", w.noColor)
    .action(async (id: string, options: { lang?: Lang; color: boolean }) => {
      const { explainRule } = await import("./rules.js");
      process.stdout.write(explainRule(id, options.lang ?? lang, useColour(options.color)));
    });
  cli
    .command("init")
    .description(w.init)
    .argument(`[${v.folder}]`, w.initFolder, ".")
    .addOption(langOption())
    .action(async (folder: string, options: { lang?: Lang }) => {
      const { init } = await import("./init.js");
      const say = options.lang ?? lang;
      for (const file of init(folder, options.lang, say)) process.stdout.write(`${fill(words[say].init.wrote, { file: forTerminal(file) })}\n`);
    });
  cli
    .command("catalog")
    .description(w.catalog)
    .argument(`[${v.provider}]`, w.catalogProvider)
    .addOption(new Option(`-f, --format <${v.format}>`, w.rulesFormat).choices(["text", "json"]).default("text"))
    .addOption(langOption())
    .action(async (provider: string | undefined, options: { format: "text" | "json"; lang?: Lang }) => {
      const { builtInCatalog, showCatalog } = await import("./catalog.js");
      const text = showCatalog(builtInCatalog(), provider, options.format, options.lang ?? lang);
      process.stdout.write(options.format === "json" ? jsonForTerminal(text) : text.split("\n").map(forTerminal).join("\n"));
    });
  localiseHelp(cli, lang);
  return cli;
}

/** Runs the CLI and returns its exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  process.exitCode = EXIT.ok;
  try {
    await program(langOfArguments(argv) ?? langFromEnvironment()).parseAsync(argv);
    return Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    if (error instanceof InputError || error instanceof UsageError) {
      process.stderr.write(`souverain: ${forTerminal(error.message)}\n`);
    } else if (error instanceof EvaluationError) {
      process.stderr.write(`souverain: blocked, the rules could not be evaluated: ${forTerminal(error.message)}\n`);
    } else {
      process.stderr.write(`souverain: internal error, nothing was judged: ${forTerminal(String(error))}\n`);
    }
    return EXIT.error;
  }
}
