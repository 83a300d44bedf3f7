import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { assetPath } from "../assets.js";
import { loadConfigFile, type Config } from "../config.js";
import { Engine } from "../engine.js";
import { EvaluationError, InputError } from "../errors.js";
import type { Lang } from "../model/findings.js";
import { expand, readInput } from "./inputs.js";
import { buildReport, type JudgedInput } from "./report.js";
import { formatText } from "./text.js";

/** Exit codes: what a CI pipeline branches on. */
export const EXIT = { ok: 0, blocked: 1, error: 2 } as const;

const version = (JSON.parse(readFileSync(assetPath("package.json"), "utf8")) as { version: string }).version;

interface CheckOptions {
  format: "text" | "json";
  config?: string;
  lang?: Lang;
}

const defaultLang = (): Lang => (/^fr/i.test(process.env.LC_ALL || process.env.LANG || "") ? "fr" : "en");

async function check(paths: string[], options: CheckOptions): Promise<number> {
  const config: Config = options.config ? loadConfigFile(options.config) : {};
  const inputs = paths.flatMap(expand).map(readInput);
  const engine = await Engine.create({ config });
  const judged: JudgedInput[] = inputs.map(({ file, format, document }) => ({
    file,
    format,
    verdict: engine.evaluate(document, file),
  }));
  const report = buildReport(judged, options.lang ?? defaultLang(), version);
  if (options.format === "json") process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  else process.stdout.write(formatText(report, Boolean(process.stdout.isTTY) && !process.env.NO_COLOR));
  return report.summary.blocked ? EXIT.blocked : EXIT.ok;
}

function program(): Command {
  const cli = new Command("souverain")
    .description("Stops deploys that put sensitive, archival, health or personal data where French law does not allow it.")
    .version(version)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`souverain: ${text.replace(/^error: /, "")}`) });
  cli
    .command("check")
    .description("judge canonical resources; exit 0 when nothing blocks, 1 on a mandatory finding, 2 on bad input")
    .argument("<files...>", "canonical JSON files or folders of them")
    .addOption(new Option("-f, --format <format>", "report format").choices(["text", "json"]).default("text"))
    .option("-c, --config <file>", "configuration file (JSON, see schemas/config.schema.json)")
    .addOption(new Option("-l, --lang <lang>", "language of messages (default from LANG)").choices(["fr", "en"]))
    .action(async (files: string[], options: CheckOptions) => {
      process.exitCode = await check(files, options);
    });
  return cli;
}

/** Runs the CLI and returns its exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  process.exitCode = EXIT.ok;
  try {
    await program().parseAsync(argv);
    return Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    if (error instanceof InputError) {
      process.stderr.write(`souverain: ${error.message}\n`);
    } else if (error instanceof EvaluationError) {
      process.stderr.write(`souverain: blocked, the rules could not be evaluated: ${error.message}\n`);
    } else {
      process.stderr.write(`souverain: internal error, nothing was judged: ${String(error)}\n`);
    }
    return EXIT.error;
  }
}
