import type { ErrorObject } from "ajv";
import { InputError } from "./errors.js";
import * as validators from "./generated/validators.js";

/**
 * The validators of schemas/*.json, compiled ahead of time (scripts/validators.mjs): no schema is
 * compiled at run time, which was a third of the start-up.
 */
type Validator = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };
export type SchemaName = keyof typeof validators;

/** "must NOT have additional properties (regoin)", "must be string"… */
function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (params.additionalProperty) return `unknown property "${String(params.additionalProperty)}"`;
  if (params.allowedValues) return `${error.message}: ${(params.allowedValues as unknown[]).join(", ")}`;
  if (params.propertyName) return `property name "${String(params.propertyName)}" is not allowed`;
  return error.message ?? "is invalid";
}

/** JSON pointer of the error, as `/resources/3/region`. */
const place = (error: ErrorObject): string => error.instancePath || "/";

/**
 * A checker for the shape of a foreign format (the parts of a Terraform plan Souverain reads), so that a
 * malformed input is one line naming the file and the JSON pointer, never a crash further on.
 */
export function shapeChecker(schema: "terraformPlan" | "terraformJson"): (value: unknown, file: string) => void {
  return (value, file) => assertValid(schema, value, file);
}

/** Throws an InputError naming `file` and the first place that breaks the schema. */
export function assertValid(schema: SchemaName, value: unknown, file: string): void {
  const validate = validators[schema] as Validator;
  if (validate(value)) return;
  const error = validate.errors![0]!;
  throw new InputError(file, place(error), describe(error));
}
