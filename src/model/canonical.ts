/**
 * The canonical resource: what every front door produces and the rules judge.
 * JSON Schema: schemas/canonical.schema.json (version 1).
 */

/** A document of canonical resources, as read by `souverain check` and printed by front doors. */
export interface CanonicalDocument {
  /** Version of the shape; absent means 1. */
  version?: 1;
  resources: CanonicalResource[];
}

/** One planned resource: where its data lands and what data it holds. */
export interface CanonicalResource {
  /** Unique id or address: a Pulumi URN, a Terraform address. */
  id: string;
  /** Native type, e.g. `aws:s3/bucket:Bucket` or `aws_s3_bucket`. */
  type: string;
  /** A short name for messages (the Pulumi resource name); the id is used when absent. */
  name?: string;
  /**
   * The legal cloud reached: a catalog provider id or alias (`aws`, `s3ns`, `bleu`, `ovh`…), not the SDK.
   * Google with universe domain `s3nsapis.fr` is `s3ns`. `null` or absent: unknown.
   */
  cloud?: string | null;
  /** Region code of that cloud (`eu-west-3`, `GRA7`…). `null`: unknown, e.g. computed during preview. */
  region?: string | null;
  /** Availability zone; gives the region when `region` is null. */
  zone?: string | null;
  /** A region-less service (IAM, CloudFront, Route 53): never France or the EU. */
  global?: boolean;
  /** The offer's service, where an offer's scope is a service (`hosted-private-cloud-secnumcloud`). */
  service?: string | null;
  /** Whether it stores data. Absent: unknown, which `classification-required` treats as yes. */
  holdsData?: boolean;
  /**
   * Something whose resources this input does not show: `module`, a Terraform module call read from
   * cdk.tf.json. `location-must-be-known` always fires (mandatory) for it: judge the plan instead.
   */
  opaque?: "module";
  /** Effective tags: resource, provider defaults and stack merged. NFC-normalised by the engine. */
  tags?: Record<string, string>;
  /** Where each tag came from: `resource`, `provider-default`, `stack`… */
  tagSources?: Record<string, string>;
  /** Where copies of its data go: replicas, backups, CDN edges. */
  copies?: CanonicalCopy[];
  /** Where it was read from, for reports; `note` says why something is unknown that the other fields cannot (a provider's endpoints overridden). */
  source?: { file?: string; address?: string; note?: string };
}

/** A copy of a resource's data elsewhere; judged by the same rules as the resource. */
export interface CanonicalCopy {
  /** `replica`, `backup`, `cdn`… */
  kind: string;
  /** Id of the resource the copy goes to, when known. */
  target?: string;
  /** Defaults to the resource's cloud. */
  cloud?: string | null;
  region?: string | null;
  zone?: string | null;
  global?: boolean;
  service?: string | null;
}
