// The pack Pulumi runs: every policy, its description and its configuration schema come from
// souverain's rule metadata (see souverain/pulumi). A PolicyPack starts serving the Analyzer protocol
// as soon as it is constructed, so this module only exports how to build it: requiring it (tests,
// tooling) starts nothing. Pulumi's run-policy-pack calls an exported function, then awaits its result.
module.exports = () => import("souverain/pulumi").then(({ souverainPolicyPack }) => souverainPolicyPack());
