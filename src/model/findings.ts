/** What the engine returns: one shape for every front door. */

export type Enforcement = "mandatory" | "advisory";
export type Lang = "en" | "fr";
export type Localized = Record<Lang, string>;

/** A rule's documentation, read back from its Rego METADATA annotation at build time. */
export interface RuleMetadata {
  /** Stable id, used in configurations and exemptions. */
  id: string;
  title: Localized;
  description: Localized;
  /** Default level; the configuration may change it. */
  enforcement: Enforcement;
  /** Data classes the rule protects. */
  classes: string[];
  /** The legal basis, ready to paste into a ticket. */
  basis: Localized;
  /** What would make the resource compliant. */
  fix: Localized;
  frameworks: string[];
  /** When the legal basis was last reviewed against its sources, YYYY-MM-DD. */
  lastReviewed: string;
  references: { description: string; url: string }[];
}

/** One rule's verdict on one resource (or on one exemption entry of the configuration). */
export interface Finding {
  /** Rule id. */
  policy: string;
  /** Resource id, or `config:exemptions[N]`. */
  resource: string;
  enforcement: Enforcement;
  message: Localized;
  /** True when a valid exemption covers it: reported, but does not block. */
  exempt: boolean;
  /** The entries that cover it: configuration exemptions, or baseline entries (`source: "baseline"`, with who accepted them). */
  exemptions: { justification: string; expires: string; source?: "baseline"; acceptedBy?: string }[];
}

/** Whether a placement's property is proven. Only "yes" satisfies a rule. */
export type Proof = "yes" | "no" | "unknown";

/** Where one placement of a resource's data (the resource, or a copy) was found to land. */
export interface Placement {
  role: string;
  known: boolean;
  /** Why the location is unknown: no-cloud, unknown-cloud, retired-cloud, global-service, no-region, unknown-region, zone-outside-region. */
  reason?: string;
  cloud: string | null;
  provider?: string;
  region?: string | null;
  name?: string;
  countries?: string[];
  service: string | null;
  in_france: Proof;
  in_eu: Proof;
  in_eea: Proof;
  french_law: Proof;
  secnumcloud: Proof;
  hds: Proof;
}

/** What the rules resolved for a resource. */
export interface ResourceSummary {
  index: number;
  id: string;
  type: string;
  classes: string[];
  unrecognizedClasses: string[];
  /** Which tag or setting gave the classes. */
  classifiedBy: string[];
  placements: Placement[];
}

export interface Verdict {
  findings: Finding[];
  resources: ResourceSummary[];
}
