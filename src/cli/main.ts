import { readFileSync, writeFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { assetPath } from "../assets.js";
import { loadConfigFile, type Config } from "../config.js";
import { Engine } from "../engine.js";
import { EvaluationError, InputError } from "../errors.js";
import { langFromEnvironment } from "../lang.js";
import type { Lang } from "../model/findings.js";
import { expand, readInput } from "./inputs.js";
import { formatJunit } from "./junit.js";
import { buildReport, type JudgedInput, type Report } from "./report.js";
import { formatSarif } from "./sarif.js";
import { formatText } from "./text.js";

/** Exit codes: what a CI pipeline branches on. */
export const EXIT = { ok: 0, blocked: 1, error: 2 } as const;

const version = (JSON.parse(readFileSync(assetPath("package.json"), "utf8")) as { version: string }).version;

type Format = "text" | "json" | "sarif" | "junit";

interface CheckOptions {
  format: Format;
  output?: string;
  config?: string;
  lang?: Lang;
}

const formatters: Record<Exclude<Format, "text">, (report: Report) => string> = {
  json: (report) => JSON.stringify(report, null, 2) + "\n",
  sarif: formatSarif,
  junit: formatJunit,
};

const colour = () => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

async function check(paths: string[], options: CheckOptions): Promise<number> {
  const config: Config = options.config ? loadConfigFile(options.config) : {};
  const inputs = paths.flatMap(expand).map(readInput);
  const engine = await Engine.create({ config });
  const judged: JudgedInput[] = inputs.map(({ file, format, description, document, empty }) => ({
    file,
    format,
    description,
    ...(empty ? { empty } : {}),
    verdict: engine.evaluate(document, file),
  }));
  const report = buildReport(judged, options.lang ?? langFromEnvironment(), version);
  const text = () => formatText(report, colour());
  if (options.output) {
    // The file gets the report; the terminal still gets the readable one.
    writeFileSync(options.output, options.format === "text" ? formatText(report, false) : formatters[options.format](report));
    process.stdout.write(text() + `Report (${options.format}) written to ${options.output}\n`);
  } else {
    process.stdout.write(options.format === "text" ? text() : formatters[options.format](report));
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

function program(): Command {
  const cli = new Command("souverain")
    .description("Stops deploys that put sensitive, archival, health or personal data where French law does not allow it.")
    .version(version)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`souverain: ${text.replace(/^error: /, "")}`) });
  cli
    .command("check")
    .description("judge what a deploy plans; exit 0 when nothing blocks, 1 on a mandatory finding, 2 on bad input")
    .argument("<inputs...>", "canonical JSON, Terraform plan JSON (terraform show -json), cdk.tf.json, a cdktf.out folder, or folders of them")
    .addOption(new Option("-f, --format <format>", "report format").choices(["text", "json", "sarif", "junit"]).default("text"))
    .option("-o, --output <file>", "write the report to a file; the terminal still gets the text report")
    .option("-c, --config <file>", "configuration file (JSON, see schemas/config.schema.json)")
    .addOption(new Option("-l, --lang <lang>", "language of messages (default from LANG)").choices(["fr", "en"]))
    .action(async (files: string[], options: CheckOptions) => {
      process.exitCode = await check(files, options);
    });
  cli
    .command("normalize")
    .description("print the canonical resources an input becomes (to use with opa eval, conftest...)")
    .argument("<input>", "canonical JSON, Terraform plan JSON, cdk.tf.json or a CDKTF stack folder")
    .action((input: string) => {
      process.exitCode = normalize(input);
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
