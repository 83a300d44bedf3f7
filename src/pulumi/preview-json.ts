/**
 * `pulumi preview --json`: the steps the update would take, each with the resource's new state (type,
 * inputs, provider reference, property dependencies). The resources that exist after the update go
 * through the pack's own resolution (toCanonical, resolveStack): one translation for both front doors.
 */
import { InputError } from "../errors.js";
import type { CanonicalResource } from "../model/canonical.js";
import { assertValid } from "../schemas.js";
import { packageOf, type PulumiResource } from "./resolve.js";
import { resolveStack, type StackResource } from "./stack.js";

/** How the engine writes a value only known after the update. */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** How `pulumi preview --json` writes a secret (unless --show-secrets, which prints it). */
export const SECRET_SENTINEL = "[secret]";
/** A secret tag value: it names no class, and is never shown. */
export const SECRET_TAG = "(secret value not shown)";

interface State {
  urn: string;
  type: string;
  custom?: boolean;
  inputs?: Record<string, unknown>;
  provider?: string;
  propertyDependencies?: Record<string, string[]>;
}
interface Step { op: string; urn: string; newState?: State }
export interface PreviewJson { steps: Step[]; config?: Record<string, unknown>; diagnostics?: { severity?: string }[] }

/** Steps after which the resource exists and is this program's: not deletions, not reads of resources it does not manage. */
const KEPT = new Set(["same", "create", "update", "replace", "create-replacement", "import", "import-replacement"]);

/** Tag maps the resolution reads: a secret value there becomes SECRET_TAG, never the value. */
const TAG_MAPS = new Set(["tags", "labels", "tagsAll", "effectiveLabels"]);

export const isPulumiPreview = (value: object): boolean => "steps" in value && !("resources" in value) && !("format_version" in value);

/** Named so that the resolution's reader (src/pulumi/read.ts) treats it as @pulumi/policy's unknown. */
class UnknownValueError extends Error {}

/**
 * Property values as @pulumi/policy gives them to the pack: reading an unknown (or secret) value
 * throws UnknownValueError, which the resolution turns into "unknown", never a guess.
 */
function unknownChecking<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  return new Proxy(value as object, {
    get(target, key) {
      const field = (target as Record<string | symbol, unknown>)[key];
      if (field === UNKNOWN_SENTINEL || field === SECRET_SENTINEL) throw new UnknownValueError(`${String(key)} is not known`);
      return unknownChecking(field);
    },
  }) as T;
}

const secretAsTag = (value: unknown) => (value === SECRET_SENTINEL ? SECRET_TAG : value);

/**
 * Inputs with secret tag values replaced by SECRET_TAG, in maps and in `[{key, value}]` lists: a
 * classification tag holding one is unproven.
 */
function hideSecretTags(inputs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...inputs };
  for (const key of TAG_MAPS) {
    const tags = inputs[key];
    if (Array.isArray(tags)) {
      out[key] = tags.map((item: unknown) => (item && typeof item === "object" && "value" in item ? { ...item, value: secretAsTag(item.value) } : item));
    } else if (tags && typeof tags === "object") {
      out[key] = Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, secretAsTag(v)]));
    }
  }
  return out;
}

/** A provider reference is `<provider urn>::<provider id>`; the id is unknown until the provider exists. */
const providerUrn = (reference: string): string => reference.slice(0, reference.lastIndexOf("::"));

/** The URN's last part: the resource's name. */
const nameOf = (urn: string): string => urn.slice(urn.lastIndexOf("::") + 2);

/** Every property a provider the preview does not show could have: unknown. */
const ALL_UNKNOWN = new Proxy({}, { get: () => UNKNOWN_SENTINEL });

/**
 * A provider's inputs. An explicit provider's are in its own step; a default provider
 * (`pulumi:providers:aws::default_7_0_0`) is configured by the stack's `<package>:<key>` settings,
 * which the preview's `config` holds; an explicit provider the preview does not show (unchanged, without
 * --show-sames) is unknown, never guessed.
 */
// Pulumi names a default provider "default" or "default_<version>" ("default_7_0_0"); a provider of
// the program named "default-us" is not one.
const isDefaultProvider = (name: string): boolean => name === "default" || /^default_\d+(_\d+)*(_[0-9A-Za-z]+)*$/.test(name);

function providerOf(reference: string, states: Map<string, State>, config: Record<string, unknown>): NonNullable<PulumiResource["provider"]> {
  const urn = providerUrn(reference);
  const type = urn.split("::")[2] ?? "pulumi:providers:unknown";
  const shown = states.get(urn);
  let props: Record<string, unknown>;
  if (shown) props = shown.inputs ?? {};
  else if (isDefaultProvider(nameOf(urn))) {
    const pkg = packageOf(type);
    props = Object.fromEntries(Object.entries(config).filter(([k]) => k.startsWith(`${pkg}:`)).map(([k, v]) => [k.slice(pkg.length + 1), v]));
  } else props = ALL_UNKNOWN;
  return { type, urn, name: nameOf(urn), props: unknownChecking(props) };
}

/** The stack a preview is for, from its URNs: `urn:pulumi:<stack>::<project>::...`. */
export function stackOf(preview: PreviewJson): string | undefined {
  const urn = preview.steps[0]?.urn;
  return urn?.startsWith("urn:pulumi:") ? urn.slice("urn:pulumi:".length, urn.indexOf("::")) : undefined;
}

export interface PreviewOptions {
  /** Catalog cloud ids for Pulumi packages whose cloud is the user's (configuration `packageClouds`). */
  packageClouds?: Record<string, string>;
}

/**
 * The canonical resources of a preview: each managed resource that exists after the update. Stack
 * tags are not in the preview: they classify nothing here (the pack reads them).
 */
export function fromPulumiPreview(value: unknown, file: string, options: PreviewOptions = {}): CanonicalResource[] {
  assertValid("pulumiPreview", value, file);
  const preview = value as PreviewJson;
  const errors = (preview.diagnostics ?? []).filter((d) => d.severity === "error").length;
  if (errors > 0) {
    throw new InputError(file, "/diagnostics", `the preview did not finish (${errors} error diagnostic${errors > 1 ? "s" : ""}): fix them, then run pulumi preview --json again`);
  }
  const states = new Map<string, State>();
  preview.steps.forEach((step) => {
    if (KEPT.has(step.op) && step.newState) states.set(step.newState.urn, step.newState);
  });
  const config = preview.config ?? {};
  const resources = new Map<string, StackResource>();
  for (const state of states.values()) {
    if (state.custom !== true || state.type.startsWith("pulumi:providers:")) continue;
    resources.set(state.urn, {
      type: state.type,
      urn: state.urn,
      name: nameOf(state.urn),
      props: unknownChecking(hideSecretTags(state.inputs ?? {})),
      ...(state.provider ? { provider: providerOf(state.provider, states, config) } : {}),
    });
  }
  for (const state of states.values()) {
    const r = resources.get(state.urn);
    if (!r || !state.propertyDependencies) continue;
    r.propertyDependencies = Object.fromEntries(
      Object.entries(state.propertyDependencies).map(([property, urns]) => [property, urns.flatMap((u) => resources.get(u) ?? [])]),
    );
  }
  return resolveStack([...resources.values()], { stackTags: new Map(), packageClouds: options.packageClouds });
}
