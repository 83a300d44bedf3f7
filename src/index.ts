export { Engine, rules, type EngineOptions } from "./engine.js";
export { loadConfigFile, validateConfig, type Config, type DataClass, type Exemption } from "./config.js";
export { EvaluationError, InputError } from "./errors.js";
export type { CanonicalCopy, CanonicalDocument, CanonicalResource } from "./model/canonical.js";
export type { Enforcement, Finding, Lang, Localized, Placement, Proof, ResourceSummary, RuleMetadata, Verdict } from "./model/findings.js";
