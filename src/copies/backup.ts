/**
 * Which resources an AWS Backup selection assigns to its plan, after AWS's BackupSelection
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupSelection.html and "Assign
 * resources with AWS CLI"): `resources` ARNs (any may match) filtered by `condition` tag tests (all
 * must match), or-ed with `selection_tag` tests (ListOfTags, any may match); a selection naming nothing
 * assigns every supported resource.
 *
 * Fail closed: a resource is selected unless the selection provably leaves it out. A wildcard ARN
 * (unless the resource's ARN is known and does not match), a value unknown until apply, a tag test
 * whose key or value is unknown may each select any candidate: a resource of the input of an AWS type
 * (not AWS Backup's own), in the selection's region or in an unknown one (a plan backs up its own
 * region; copying elsewhere is what copy_action does). Resources the selection references are selected
 * wherever they are. `not_resources` is not read: an exclusion never removes a copy. Tag tests use the
 * resources' effective tags (provider default tags included, as AWS sees them).
 */
import type { Selection } from "./families.js";
import type { CopyNode, CopyReader, Leaf } from "./resolve.js";

/** 0: provably not, 1: maybe, 2: provably yes. */
type Maybe = 0 | 1 | 2;
type Test = { key: string; value: string };

const glob = (pattern: string) => new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);

/** Key/value leaves read in parallel: the tests, or undefined when any part is not known. */
function tests<N>(keys: Leaf<N>[], values: Leaf<N>[]): Test[] | undefined {
  if (keys.length !== values.length) return undefined;
  const out: Test[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = values[i]!;
    if (!("value" in key) || !("value" in value)) return undefined;
    out.push({ key: key.value.replace(/^aws:ResourceTag\//, ""), value: value.value });
  }
  return out;
}

const CONDITIONS: Record<string, (tag: string | undefined, value: string) => boolean> = {
  string_equals: (tag, value) => tag === value,
  string_like: (tag, value) => tag !== undefined && glob(value).test(tag),
  string_not_equals: (tag, value) => tag !== value,
  string_not_like: (tag, value) => !(tag !== undefined && glob(value).test(tag)),
};

export function selectedBy<N extends CopyNode>(reader: CopyReader<N>, node: N, selection: Selection, named: (value: string) => N[]): N[] {
  const arns = reader.leaves(node, selection.resources);
  const listOfTags = reader.leaves(node, selection.tags.key);
  const tagTests = listOfTags.length ? tests(listOfTags, reader.leaves(node, selection.tags.value)) : [];
  const conditions = selection.conditions.map((op) => {
    const keys = reader.leaves(node, ["condition", op, "key"]);
    return { op, present: keys.length > 0, tests: tests(keys, reader.leaves(node, ["condition", op, "value"])) };
  });
  const hasConditions = conditions.some((c) => c.present);
  // Named through the values of `resources` (references, or ARNs of resources of the input).
  const resolved = arns.map((leaf) => ("to" in leaf ? leaf.to : "value" in leaf && !leaf.value.includes("*") ? named(leaf.value) : undefined));

  const byArn = (n: N): Maybe =>
    Math.max(0, ...arns.map((leaf, i): Maybe => {
      if (resolved[i]) return resolved[i]!.includes(n) ? 2 : 0;
      if (!("value" in leaf)) return 1;
      if (leaf.value === "*") return 2;
      const arn = reader.leaves(n, ["arn"]).find((l) => "value" in l);
      return arn && "value" in arn ? (glob(leaf.value).test(arn.value) ? 2 : 0) : 1;
    })) as Maybe;
  const byConditions = (n: N): Maybe =>
    Math.min(2, ...conditions.filter((c) => c.present).map(({ op, tests: t }): Maybe =>
      !t ? 1 : t.every((test) => CONDITIONS[op]!(n.resource.tags?.[test.key], test.value)) ? 2 : 0,
    )) as Maybe;
  const byTags = (n: N): Maybe => (!tagTests ? 1 : tagTests.some((t) => n.resource.tags?.[t.key] === t.value) ? 2 : 0);

  const region = node.resource.region;
  const candidates = new Set(reader.nodes.filter((n) => n !== node && selection.candidates.test(n.type) && (!region || !n.resource.region || n.resource.region === region)));
  for (const nodes of resolved) for (const n of nodes ?? []) candidates.add(n);
  return [...candidates].filter((n) => {
    const assigned: Maybe = arns.length ? (Math.min(byArn(n), hasConditions ? byConditions(n) : 2) as Maybe) : hasConditions ? byConditions(n) : listOfTags.length ? 0 : 2;
    return Math.max(assigned, listOfTags.length ? byTags(n) : 0) > 0;
  });
}
