/**
 * The shapes of the Terraform formats as far as Souverain reads them (schemas/terraform-plan.shape.json,
 * schemas/terraform-json.shape.json): every field an adapter walks has the type it expects, or the input
 * is refused with the file and a JSON pointer (exit 2). Fields Souverain does not read are not checked;
 * values inside a resource are read defensively.
 */
import { shapeChecker } from "../schemas.js";

/** `terraform show -json` of a plan or a state. */
export const checkPlanShape = shapeChecker("terraformPlan");

/** Terraform JSON configuration (cdk.tf.json). */
export const checkTerraformJsonShape = shapeChecker("terraformJson");
