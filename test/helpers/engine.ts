import { Engine, type Config, type Verdict } from "../../src/index.js";
import type { CanonicalResource } from "../../src/model/canonical.js";

export const TODAY = "2026-11-23";

const engines = new Map<string, Engine>();

/** The real compiled wasm, one engine per configuration. */
export function engine(config: Config = {}): Engine {
  const key = JSON.stringify(config);
  let found = engines.get(key);
  if (!found) {
    found = Engine.createSync({ config, today: TODAY });
    engines.set(key, found);
  }
  return found;
}

let counter = 0;

/** A resource with a classification tag; the rest can be overridden. */
export function resource(cloud: string | null, region: string | null, classes?: string, extra: Partial<CanonicalResource> = {}): CanonicalResource {
  return {
    id: `r${++counter}`,
    type: "test:bucket",
    cloud,
    region,
    ...(classes === undefined ? {} : { tags: { "data-classification": classes } }),
    ...extra,
  };
}

export function judge(resources: CanonicalResource[], config: Config = {}): Verdict {
  return engine(config).evaluate({ resources });
}

/** The active (not exempt) rule ids that fired for one resource, sorted. */
export function policies(r: CanonicalResource, config: Config = {}): string[] {
  return judge([r], config)
    .findings.filter((f) => !f.exempt)
    .map((f) => f.policy)
    .sort();
}
