import { Help, type Command, type Option } from "commander";
import type { Lang } from "../model/findings.js";

const nbsp = "\u00a0";

/** Every word of the CLI's help, in both languages. */
export const helpWords = {
  en: {
    program: "Stops deploys that put sensitive, archival, health or personal data where French law does not allow it.",
    check: "judge what a deploy plans; exit 0 when nothing blocks, 1 on a mandatory finding, 2 on bad input",
    inputs: "canonical JSON, Terraform plan JSON (terraform show -json), cdk.tf.json, a cdktf.out folder, or folders of them",
    format: "report format",
    output: "write the report to a file; the terminal still gets the text report",
    quiet: "text report: the summary line only",
    allPlacements: "JSON report: also the placements of resources without findings",
    config: "configuration file (JSON, see schemas/config.schema.json)",
    lang: "language of messages (default from LANG)",
    noColor: "no colour, even on a terminal (so does the NO_COLOR variable)",
    baseline: "findings accepted earlier (a file written by --write-baseline): only new findings are reported",
    writeBaseline: "record every finding of this run as accepted in a file (needs --accepted-by, --expires, --justification), then judge with it",
    acceptedBy: "who accepts the findings recorded by --write-baseline (a person or a role)",
    expires: "last day the recorded findings stay accepted, YYYY-MM-DD",
    justification: "why they are accepted: a reference a reviewer can follow",
    normalize: "print the canonical resources an input becomes (to use with opa eval, conftest...)",
    normalizeInput: "canonical JSON, Terraform plan JSON, cdk.tf.json or a CDKTF stack folder",
    rules: "list the rules: id, default level, legal basis, frameworks, last review",
    rulesFormat: "output format",
    catalog: "list the catalog's clouds, regions and offers with their status, source and date",
    catalogProvider: "one provider, by id or alias",
    explain: "explain one rule: what it checks, its legal basis, how to comply, references",
    ruleId: "a rule id (souverain rules lists them)",
    init: "write souverain.json (the configuration, with $schema) and souverain-policy.json (the same settings for the Pulumi policy pack); never overwrites",
    initFolder: "folder to write them in",
    help: "display help for command",
    version: "output the version number",
    titles: {} as Record<string, string>,
    choices: "choices",
    colon: ":",
    default: "default",
    examples: [
      "Examples:",
      "  terraform show -json plan.tfplan > plan.json && souverain check plan.json",
      "  souverain check cdktf.out --config souverain.json --format sarif --output souverain.sarif",
      "  souverain check plan.json --write-baseline baseline.json --accepted-by \"RSSI\" --expires 2027-06-30 --justification \"SEC-42\"",
      "  souverain check plan.json --baseline baseline.json",
      "  souverain rules",
      "  souverain explain sensitive-requires-secnumcloud --lang fr",
      "  souverain init",
      "",
      "Exit codes: 0 nothing blocks, 1 a mandatory finding, 2 a usage or input error.",
    ],
  },
  fr: {
    program: "Bloque les déploiements qui placent des données sensibles, d'archives, de santé ou personnelles là où le droit français ne le permet pas.",
    check: "juger ce qu'un déploiement prévoit ; code 0 si rien ne bloque, 1 sur un constat bloquant, 2 sur une entrée invalide",
    inputs: "JSON canonique, plan Terraform en JSON (terraform show -json), cdk.tf.json, un dossier cdktf.out, ou des dossiers qui en contiennent",
    format: "format du rapport",
    output: "écrire le rapport dans un fichier ; le terminal reçoit toujours le rapport texte",
    quiet: "rapport texte : la ligne de synthèse seulement",
    allPlacements: "rapport JSON : aussi les emplacements des ressources sans constat",
    config: "fichier de configuration (JSON, voir schemas/config.schema.json)",
    lang: "langue des messages (par défaut selon LANG)",
    noColor: "pas de couleur, même dans un terminal (la variable NO_COLOR aussi)",
    baseline: "constats acceptés auparavant (un fichier écrit par --write-baseline) : seuls les nouveaux constats sont signalés",
    writeBaseline: "enregistrer chaque constat de cette exécution comme accepté dans un fichier (avec --accepted-by, --expires, --justification), puis juger avec",
    acceptedBy: "qui accepte les constats enregistrés par --write-baseline (une personne ou une fonction)",
    expires: "dernier jour où les constats enregistrés restent acceptés, AAAA-MM-JJ",
    justification: "pourquoi ils sont acceptés : une référence qu'un relecteur peut suivre",
    normalize: "afficher les ressources canoniques tirées d'une entrée (pour opa eval, conftest…)",
    normalizeInput: "JSON canonique, plan Terraform en JSON, cdk.tf.json ou dossier de stack CDKTF",
    rules: "lister les règles : identifiant, niveau par défaut, fondement juridique, référentiels, dernière revue",
    rulesFormat: "format de sortie",
    catalog: "lister les clouds, régions et offres du catalogue, avec leur statut, leur source et leur date",
    catalogProvider: "un seul fournisseur, par identifiant ou alias",
    explain: "expliquer une règle : ce qu'elle vérifie, son fondement juridique, comment s'y conformer, références",
    ruleId: "identifiant d'une règle (souverain rules les liste)",
    init: "écrire souverain.json (la configuration, avec $schema) et souverain-policy.json (les mêmes réglages pour le policy pack Pulumi) ; n'écrase jamais rien",
    initFolder: "dossier où les écrire",
    help: "afficher l'aide de la commande",
    version: "afficher le numéro de version",
    titles: { "Usage:": `Utilisation${nbsp}:`, "Options:": `Options${nbsp}:`, "Commands:": `Commandes${nbsp}:`, "Arguments:": `Arguments${nbsp}:` } as Record<string, string>,
    choices: "valeurs",
    colon: `${nbsp}:`,
    default: "par défaut",
    examples: [
      `Exemples${nbsp}:`,
      "  terraform show -json plan.tfplan > plan.json && souverain check plan.json --lang fr",
      "  souverain check cdktf.out --config souverain.json --format sarif --output souverain.sarif",
      "  souverain check plan.json --write-baseline baseline.json --accepted-by \"RSSI\" --expires 2027-06-30 --justification \"SEC-42\"",
      "  souverain check plan.json --baseline baseline.json",
      "  souverain rules --lang fr",
      "  souverain explain sensitive-requires-secnumcloud --lang fr",
      "  souverain init --lang fr",
      "",
      `Codes de sortie${nbsp}: 0 rien ne bloque, 1 un constat bloquant, 2 une erreur d'utilisation ou d'entrée.`,
    ],
  },
} satisfies Record<Lang, Record<string, unknown>>;

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
  const w = helpWords[lang];
  const extras = (choices: readonly string[] | undefined, value: unknown, show: boolean) =>
    [choices && `${w.choices}${w.colon} ${choices.join(", ")}`, show && value !== undefined && `${w.default}${w.colon} ${JSON.stringify(value)}`].filter(Boolean).join(`${w.colon === ":" ? "" : nbsp}; `);
  const withExtras = (description: string, extra: string) => (extra ? `${description} (${extra})` : description);
  const configure = (command: Command) => {
    command.helpOption("-h, --help", w.help);
    command.configureHelp({
      styleTitle: (title: string) => w.titles[title] ?? title,
      // Commander wraps at any white space; a no-break space (before a French colon) must hold.
      boxWrap(this: Help, text: string, width: number) {
        return Help.prototype.boxWrap.call(this, text.replaceAll(nbsp, "\u0001"), width).replaceAll("\u0001", nbsp);
      },
      optionDescription: (option: Option) =>
        withExtras(option.description, extras(option.argChoices, option.defaultValue, !option.negate && typeof option.defaultValue !== "boolean")),
    } as Partial<Help>);
    command.commands.forEach(configure);
  };
  configure(program);
  program.helpCommand("help [command]", w.help);
  program.addHelpText("after", `\n${w.examples.join("\n")}`);
}
