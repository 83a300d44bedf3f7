#!/usr/bin/env node
// The Pulumi examples under the pack, as `pulumi preview --policy-pack packs/souverain` would judge
// them: each program runs on the real SDK (engine mocked), and what it registers goes to the pack
// over the Analyzer gRPC protocol. Prints the policy violations per stack and exits 1 if a stack's
// outcome differs from the one expected.
import { previewExample } from "../.examples-build/test/helpers/pulumi-preview.js";

const LEVELS = ["advisory", "mandatory"];
const stacks = [
  ["pulumi-aws-paris", "personal", false],
  ["pulumi-aws-paris", "sensitive", true],
  ["pulumi-multicloud", "dev", true],
  ["pulumi-azure", "dev", true],
];

let unexpected = 0;
for (const [example, stack, expectBlocked] of stacks) {
  const diagnostics = await previewExample(example, stack);
  const blocked = diagnostics.some((d) => LEVELS[d.enforcementLevel] === "mandatory");
  console.log(`\nexamples/${example}, stack ${stack}: ${blocked ? "BLOCKED" : "passes"}`);
  for (const d of diagnostics) console.log(`  [${LEVELS[d.enforcementLevel]}] ${d.policyName} (${d.urn.split("::").slice(-2).join(": ")})\n    ${d.message}`);
  if (blocked !== expectBlocked) {
    unexpected++;
    console.log(`  UNEXPECTED: this stack should ${expectBlocked ? "be blocked" : "pass"}`);
  }
}
process.exit(unexpected ? 1 : 0);
