import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { InputError } from "./errors.js";
import { readJsonAsset } from "./assets.js";

const ajv = new Ajv2020({ strict: true, strictRequired: false, strictTypes: false });
ajv.addSchema(readJsonAsset<object>("schemas", "catalog.schema.json"), "catalog.schema.json");
ajv.addSchema(readJsonAsset<object>("schemas", "canonical.schema.json"), "canonical.schema.json");
ajv.addSchema(readJsonAsset<object>("schemas", "config.schema.json"), "config.schema.json");

const validators = new Map<string, ValidateFunction>();

function validator(schema: string): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.getSchema(schema);
    if (!validate) throw new Error(`unknown schema ${schema}`);
    validators.set(schema, validate);
  }
  return validate;
}

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
export function shapeChecker(schema: object): (value: unknown, file: string) => void {
  let validate: ValidateFunction | undefined;
  return (value, file) => {
    validate ??= ajv.compile(schema);
    if (validate(value)) return;
    const error = validate.errors![0]!;
    throw new InputError(file, place(error), describe(error));
  };
}

/** Throws an InputError naming `file` and the first place that breaks the schema. */
export function assertValid(schema: "canonical" | "config" | "catalog", value: unknown, file: string): void {
  const validate = validator(`${schema}.schema.json`);
  if (validate(value)) return;
  const error = validate.errors![0]!;
  throw new InputError(file, place(error), describe(error));
}
