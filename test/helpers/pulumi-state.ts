/**
 * A stack state file (the format of `pulumi stack export`) holding what an example program registers,
 * so that the real Pulumi CLI can judge it with `pulumi policy analyze --file`.
 */
import { writeFileSync } from "node:fs";
import { recordExample } from "./pulumi-preview.js";

export function writeStateFile(example: string, stack: string, file: string): void {
  const { project, resources } = recordExample(example, stack);
  const stackUrn = `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
  const providers = new Map(resources.flatMap((r) => (r.provider ? [[r.provider.urn, r.provider] as const] : [])));
  const deployment = {
    manifest: { time: new Date().toISOString(), magic: "", version: "v3.259.0" },
    resources: [
      { urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack" },
      ...[...providers.values()].map((p) => ({ urn: p.urn, custom: true, id: `${p.name}-id`, type: p.type, inputs: p.properties, outputs: p.properties, parent: stackUrn })),
      ...resources.map((r) => ({
        urn: r.urn,
        custom: true,
        id: `${r.name}-id`,
        type: r.type,
        inputs: r.properties,
        outputs: r.properties,
        parent: stackUrn,
        provider: `${r.provider!.urn}::${r.provider!.name}-id`,
      })),
    ],
  };
  writeFileSync(file, JSON.stringify({ version: 3, deployment }, null, 2));
}
