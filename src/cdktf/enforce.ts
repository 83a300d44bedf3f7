import type { IConstruct } from "constructs";
import { loadConfigFile, type Config } from "../config.js";
import { Engine, rules } from "../engine.js";
import { langFromEnvironment } from "../lang.js";
import type { Finding, Lang } from "../model/findings.js";
import { fromTerraformJson, type TerraformJson } from "../terraform/config-json.js";
import { dateIn, fill, words } from "../words.js";

export interface EnforceOptions {
  /** The reviewed configuration, or the path of its JSON file. */
  config?: Config | string;
  /** Language of the messages. Default: French when LANG says so, else English. */
  lang?: Lang;
  /** Where advisory findings are printed. Default: stderr. */
  warn?: (line: string) => void;
}

/** A CDKTF (or CDK Terrain) stack, recognised by shape so that neither framework is imposed. */
interface StackLike extends IConstruct {
  toTerraform(): unknown;
  prepareStack(): void;
}

// Resources have toTerraform too; only stacks are prepared for synthesis.
const isStack = (c: IConstruct): c is StackLike =>
  typeof (c as Partial<StackLike>).toTerraform === "function" && typeof (c as Partial<StackLike>).prepareStack === "function";

const describe = (f: Finding, lang: Lang): string => {
  const w = words[lang].cdktf;
  const exemption = f.exemptions[0];
  const exempt = f.exempt && exemption ? fill(w.exempt, { date: dateIn(lang, exemption.expires), justification: exemption.justification }) : "";
  return fill(w.finding, { policy: f.policy, message: f.message[lang], exempt, basis: rules[f.policy]!.basis[lang] });
};

/**
 * Makes `cdktf synth` fail when a stack of `app` puts classified data where the rules forbid it.
 * One line in main.ts: `Souverain.enforce(app)`. Mandatory findings fail the synth with the list;
 * advisory ones are printed as warnings. Works with cdktf and cdktn alike. The check is attached to
 * the app and finds the stacks when synth validates, so stacks added after this call are judged too.
 */
export function enforce(app: IConstruct, options: EnforceOptions = {}): void {
  const config = typeof options.config === "string" ? loadConfigFile(options.config) : options.config ?? {};
  const engine = Engine.createSync({ config });
  const lang: Lang = options.lang ?? langFromEnvironment();
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  app.node.addValidation({
    validate: () =>
      app.node.findAll().filter(isStack).flatMap((stack) => {
        const document = fromTerraformJson(stack.toTerraform() as TerraformJson, stack.node.path);
        const { findings } = engine.evaluate(document, stack.node.path);
        for (const f of findings.filter((f) => f.enforcement === "advisory" || f.exempt)) warn(`[${stack.node.path}] ${describe(f, lang)}`);
        return findings.filter((f) => f.enforcement === "mandatory" && !f.exempt).map((f) => `[${stack.node.path}] ${describe(f, lang)}`);
      }),
  });
}

/** `Souverain.enforce(app)`, for those who prefer a namespace. */
export const Souverain = { enforce };
