// The pack Pulumi runs: every policy, its description and its configuration schema come from
// souverain's rule metadata (see souverain/pulumi). run-policy-pack awaits the exported promise.
module.exports = import("souverain/pulumi").then(({ souverainPolicyPack }) => souverainPolicyPack());
