/**
 * Reading Pulumi property values during preview. @pulumi/policy wraps props in a proxy that throws an
 * UnknownValueError when a value is only known after the update; here that becomes `unknown`, so that
 * the rules decide (a location-must-be-known finding), never CrossGuard's "can't run during preview" skip.
 */
export type Read<T> = { known: true; value: T | undefined } | { known: false };

const isUnknownValueError = (error: unknown): boolean => (error as Error)?.constructor?.name === "UnknownValueError";

export function read(object: unknown, key: string): Read<unknown> {
  if (object === null || typeof object !== "object") return { known: true, value: undefined };
  try {
    return { known: true, value: (object as Record<string, unknown>)[key] };
  } catch (error) {
    if (isUnknownValueError(error)) return { known: false };
    throw error;
  }
}

/** A string property: a non-empty string, absent (undefined), or unknown. */
export function readString(object: unknown, key: string): Read<string> {
  const r = read(object, key);
  if (!r.known) return r;
  return { known: true, value: typeof r.value === "string" && r.value !== "" ? r.value : undefined };
}

/** A string property when it is known and set; otherwise undefined. */
export function knownString(object: unknown, key: string): string | undefined {
  const r = readString(object, key);
  return r.known ? r.value : undefined;
}

/** Provider inputs arrive as strings, objects JSON-encoded ("defaultTags": "{\"tags\":{...}}"). */
export function providerObject(props: unknown, key: string): Read<Record<string, unknown>> {
  const r = read(props, key);
  if (!r.known) return r;
  if (typeof r.value === "string") {
    try {
      const parsed = JSON.parse(r.value) as unknown;
      return { known: true, value: parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined };
    } catch {
      return { known: true, value: undefined };
    }
  }
  return { known: true, value: r.value && typeof r.value === "object" ? (r.value as Record<string, unknown>) : undefined };
}

/** A tag value only known after the update: it names no class, so a classification tag holding it is a finding. */
export const UNKNOWN_TAG = "(unknown until the update)";

/** A plain copy of tags whose values are known strings, whatever the shape: map, ["k=v"], [{key, value}]. */
export function readTags(object: unknown, key: string): Read<Record<string, string>> {
  const r = read(object, key);
  if (!r.known) return r;
  const value = r.value;
  const tags: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = read(value, String(i));
      // An element, or its key, only known after the update (or secret) may be the classification: "*"
      // says so to the rules, which believe it only where no readable classification tag is.
      if (!item.known) {
        tags["*"] = UNKNOWN_TAG;
      } else if (typeof item.value === "string") {
        const [k, ...rest] = item.value.split(/[=:]/);
        if (k) tags[k] = rest.join("=");
      } else if (item.value && typeof item.value === "object") {
        const k = readString(item.value, "key");
        const v = readString(item.value, "value");
        if (!k.known) tags["*"] = UNKNOWN_TAG;
        else if (k.value) tags[k.value] = v.known ? v.value ?? "" : UNKNOWN_TAG;
      }
    }
    return { known: true, value: tags };
  }
  if (value && typeof value === "object") {
    for (const k of Object.keys(value)) {
      const v = readString(value, k);
      if (!v.known) tags[k] = UNKNOWN_TAG;
      else if (v.value !== undefined) tags[k] = v.value;
    }
    return { known: true, value: tags };
  }
  return { known: true, value: undefined };
}
