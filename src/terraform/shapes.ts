/**
 * The shapes of the Terraform formats as far as Souverain reads them: every field an adapter walks
 * has the type it expects, or the input is refused with the file and a JSON pointer (exit 2).
 * Fields Souverain does not read are not checked; values inside a resource are read defensively.
 */
import { shapeChecker } from "../schemas.js";

const string = { type: "string" };
const name = { type: "string", minLength: 1 };
const object = { type: "object" };

/** `terraform show -json` of a plan or a state. */
export const checkPlanShape = shapeChecker({
  $id: "souverain:terraform-show-json",
  type: "object",
  properties: {
    terraform_version: string,
    variables: { type: "object", additionalProperties: object },
    resource_changes: { type: "array", items: { $ref: "#/$defs/change" } },
    deferred_changes: { type: "array" },
    complete: { type: "boolean" },
    errored: { type: "boolean" },
    planned_values: { $ref: "#/$defs/values" },
    values: { $ref: "#/$defs/values" },
    configuration: {
      type: "object",
      properties: {
        provider_config: { type: "object", additionalProperties: { $ref: "#/$defs/provider" } },
        root_module: { $ref: "#/$defs/configModule" },
      },
    },
  },
  $defs: {
    change: {
      type: "object",
      required: ["address", "type", "name", "provider_name", "change"],
      properties: {
        address: name,
        module_address: string,
        mode: string,
        type: name,
        name: name,
        provider_name: name,
        change: {
          type: "object",
          required: ["actions"],
          properties: {
            actions: { type: "array", minItems: 1, items: string },
            after: { type: ["object", "null"] },
          },
        },
      },
    },
    values: { type: "object", properties: { root_module: { $ref: "#/$defs/module" } } },
    module: {
      type: "object",
      properties: {
        resources: {
          type: "array",
          items: {
            type: "object",
            required: ["address", "type", "name", "provider_name"],
            properties: { address: name, mode: string, type: name, name: name, provider_name: name, deposed_key: string, values: object },
          },
        },
        child_modules: { type: "array", items: { $ref: "#/$defs/module" } },
      },
    },
    provider: { type: "object", properties: { name: string, alias: string, module_address: string, expressions: object } },
    configModule: {
      type: "object",
      properties: {
        resources: {
          type: "array",
          items: { type: "object", required: ["address"], properties: { address: string, mode: string, provider_config_key: string, expressions: object } },
        },
        module_calls: { type: "object", additionalProperties: { type: "object", properties: { module: { $ref: "#/$defs/configModule" } } } },
      },
    },
  },
});

/** Terraform JSON configuration (cdk.tf.json). */
export const checkTerraformJsonShape = shapeChecker({
  $id: "souverain:terraform-json",
  type: "object",
  properties: {
    resource: { type: "object", additionalProperties: { type: "object", additionalProperties: object } },
    provider: {
      type: "object",
      additionalProperties: {
        type: ["object", "array"],
        properties: { alias: string },
        items: { type: "object", properties: { alias: string } },
      },
    },
    variable: { type: "object", additionalProperties: object },
    module: { type: "object", additionalProperties: object },
    terraform: {
      type: "object",
      properties: {
        required_providers: { type: "object", additionalProperties: { type: ["object", "string"], properties: { source: string } } },
      },
    },
  },
});
