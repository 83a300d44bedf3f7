/**
 * What `pulumi preview --policy-pack packs/souverain` does with an example program, without the CLI:
 * the program runs on the real SDK with mocks, and what it registers goes to the pack over the real
 * Analyzer protocol (provider resources, stack config as default providers, stack tags).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { AnalyzerSession, type Diagnostic, type Resource } from "./analyzer.js";
import { repoRoot } from "./root.js";

interface Registered { type: string; name: string; inputs: Record<string, unknown>; provider?: string; state: Record<string, unknown> }

export interface PreviewOptions {
  stackTags?: Record<string, string>;
  packConfig?: Parameters<AnalyzerSession["configure"]>[0];
}

const build = join(repoRoot, ".examples-build");

/** Provider props as the engine sends them: strings, objects JSON-encoded. */
const providerProps = (inputs: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(inputs).filter(([, v]) => v !== undefined).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));

export function recordExample(example: string, stack: string): { project: string; resources: Resource[] } {
  const dir = join(repoRoot, "examples", example);
  const project = (parse(readFileSync(join(dir, "Pulumi.yaml"), "utf8")) as { name: string }).name;
  const config = ((parse(readFileSync(join(dir, `Pulumi.${stack}.yaml`), "utf8")) as { config?: Record<string, unknown> }).config ?? {}) as Record<string, string>;
  const output = execFileSync(process.execPath, [join(build, "test", "helpers", "record-program.js"), join(build, "examples", example, "index.js"), project, stack, JSON.stringify(config)], { encoding: "utf8" });
  const registered = JSON.parse(output) as Registered[];
  const urn = (r: { type: string; name: string }) => `urn:pulumi:${stack}::${project}::${r.type}::${r.name}`;
  const providers = new Map(registered.filter((r) => r.type.startsWith("pulumi:providers:")).map((r) => [`${urn(r)}::${r.name}-id`, r]));
  const defaultProvider = (pkg: string) => ({
    type: `pulumi:providers:${pkg}`,
    urn: `urn:pulumi:${stack}::${project}::pulumi:providers:${pkg}::default`,
    name: "default",
    properties: Object.fromEntries(Object.entries(config).filter(([k]) => k.startsWith(`${pkg}:`)).map(([k, v]) => [k.slice(pkg.length + 1), String(v)])),
  });
  const resources = registered
    .filter((r) => !r.type.startsWith("pulumi:providers:"))
    .map((r): Resource => {
      const explicit = r.provider ? providers.get(r.provider) : undefined;
      const pkg = r.type.split(":")[0]!;
      return {
        type: r.type,
        urn: urn(r),
        name: r.name,
        properties: r.state,
        provider: explicit ? { type: explicit.type, urn: urn(explicit), name: explicit.name, properties: providerProps(explicit.inputs) } : defaultProvider(pkg),
      };
    });
  return { project, resources };
}

/**
 * The pack's diagnostics for one stack of an example, as `pulumi preview` would show them: the engine
 * asks about each resource in registration order (Analyze), then about the whole stack (AnalyzeStack).
 */
export async function previewExample(example: string, stack: string, options: PreviewOptions = {}): Promise<Diagnostic[]> {
  const { resources } = recordExample(example, stack);
  const session = await AnalyzerSession.start();
  try {
    await session.configure(options.packConfig ?? {});
    await session.configureStack(options.stackTags ?? {});
    const diagnostics: Diagnostic[] = [];
    for (const resource of resources) diagnostics.push(...(await session.analyze(resource)));
    return [...diagnostics, ...(await session.analyzeStack(resources))];
  } finally {
    await session.stop();
  }
}
