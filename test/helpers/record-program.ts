/**
 * Runs a Pulumi program with @pulumi/pulumi's mocks in place of the engine and prints, as JSON, every
 * resource it registers (type, name, inputs, provider). Usage: record-program <program.js> <project> <stack> <config JSON>.
 * A child process per program, so that each run starts with a fresh SDK.
 */
import * as pulumi from "@pulumi/pulumi";
import { pathToFileURL } from "node:url";

const [programFile, project, stack, configJson] = process.argv.slice(2) as [string, string, string, string];
const registered: { type: string; name: string; inputs: Record<string, unknown>; provider?: string; state: Record<string, unknown> }[] = [];

pulumi.runtime.setAllConfig(JSON.parse(configJson) as Record<string, string>);
await pulumi.runtime.setMocks(
  {
    newResource: ({ type, name, inputs, provider }) => {
      // What the engine would know during preview: the inputs, and the names it gives resources.
      const state = { ...inputs, name: inputs.name ?? name, ...(type === "azure-native:resources:ResourceGroup" ? { resourceGroupName: inputs.resourceGroupName ?? name } : {}) };
      registered.push({ type, name, inputs, provider, state });
      return { id: `${name}-id`, state };
    },
    call: () => ({}),
  },
  project,
  stack,
  true,
);
await import(pathToFileURL(programFile).href);
// Registrations resolve on later turns of the event loop: wait until none arrives for a while.
for (let seen = -1; seen !== registered.length; ) {
  seen = registered.length;
  await new Promise((resolve) => setTimeout(resolve, 300));
}
process.stdout.write(JSON.stringify(registered));
