import { Help, type Argument, type Command, type Option } from "commander";
import type { Lang } from "../model/findings.js";
import { fill, words } from "../words.js";

const nbsp = "\u00a0";

/** The language asked on the command line (--lang fr, --lang=fr, -l fr), before commander parses it. */
export function langOfArguments(argv: string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const value = /^--lang=(.*)$/.exec(argv[i]!)?.[1] ?? (argv[i] === "--lang" || argv[i] === "-l" ? argv[i + 1] : undefined);
    if (value === "fr" || value === "en") return value;
  }
  return undefined;
}

/** Help in the user's language: section titles, commander's own words, and the examples after the root help. */
export function localiseHelp(program: Command, lang: Lang): void {
  const w = words[lang].help;
  const { labelled, semicolon } = words[lang].common;
  const titles: Record<string, string> = w.titles;
  const extras = (choices: readonly string[] | undefined, value: unknown, show: boolean) =>
    [
      choices && fill(labelled, { label: w.choices, value: choices.join(", ") }),
      show && value !== undefined && fill(labelled, { label: w.default, value: fill(w.quoted, { value: String(value) }) }),
    ].filter(Boolean).join(semicolon);
  const withExtras = (description: string, extra: string) => (extra ? `${description} (${extra})` : description);
  const configure = (command: Command) => {
    command.helpOption("-h, --help", w.help);
    command.configureHelp({
      styleTitle: (title: string) => (Object.hasOwn(titles, title) ? titles[title]! : title),
      // Commander wraps at any white space; a no-break space (before a French colon) must hold.
      boxWrap(this: Help, text: string, width: number) {
        return Help.prototype.boxWrap.call(this, text.replaceAll(nbsp, "\u0001"), width).replaceAll("\u0001", nbsp);
      },
      optionDescription: (option: Option) =>
        withExtras(option.description, extras(option.argChoices, option.defaultValue, !option.negate && typeof option.defaultValue !== "boolean")),
      argumentDescription: (argument: Argument) => withExtras(argument.description, extras(argument.argChoices, argument.defaultValue, true)),
    } as Partial<Help>);
    command.commands.forEach(configure);
  };
  configure(program);
  program.helpCommand(`help [${w.values.command}]`, w.help);
  program.addHelpText("after", `\n${w.examples.join("\n")}`);
}
