import { readJsonFile } from "./json.js";
import type { Lang } from "./model/findings.js";
import { assertValid } from "./schemas.js";

/** The classes Souverain knows. Other names reach them through `classAliases`. */
export type DataClass = "public" | "internal" | "personal" | "health" | "sensitive" | "restricted" | "classified" | "archive" | "definitive-archive";

/** A recorded derogation. The rules check every field; a malformed or expired one is a finding. */
export interface Exemption {
  /** Rule id it exempts from. */
  rule: string;
  /** Resource id or address it covers, exactly. */
  resource: string;
  /** A reference a reviewer can follow: ticket, DINUM decision. */
  justification: string;
  /** Last day it holds, YYYY-MM-DD. */
  expires: string;
}

/**
 * The configuration a security team reviews. Schema: schemas/config.schema.json.
 * Every field is optional; defaults are the rules' own.
 */
export interface Config {
  /** Tag keys carrying the classification. Default `["data-classification", "classification", "confidentialite", "sensibilite", "mention-de-protection"]`. */
  classificationTags?: string[];
  /** Your own class names mapped to Souverain's. */
  classAliases?: Record<string, DataClass>;
  /** Classification of resources that carry none (e.g. `archive`). */
  defaultClassification?: string;
  /** Also require SecNumCloud for archives. Default false. */
  archivesRequireSecnumcloud?: boolean;
  /** Per-rule level. */
  enforcement?: Record<string, "mandatory" | "advisory" | "disabled">;
  exemptions?: Exemption[];
  /** Additions to and overrides of the built-in catalog (schemas/catalog.schema.json `providerOverride`). */
  catalog?: { providers?: Record<string, unknown> };
  /** Language of the messages: the Pulumi pack's, and souverain check's when --lang is not given. */
  lang?: Lang;
  /** Catalog cloud ids for Pulumi packages whose cloud is yours, e.g. {"openstack": "cloud-pi"}. */
  packageClouds?: Record<string, string>;
}

/** Checks a configuration object against the schema; `origin` names it in errors. */
export function validateConfig(config: unknown, origin: string): Config {
  assertValid("config", config, origin);
  return config as Config;
}

/** Reads and checks a JSON configuration file. */
export function loadConfigFile(file: string): Config {
  return validateConfig(readJsonFile(file), file);
}
