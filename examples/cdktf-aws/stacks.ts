import { TerraformStack, TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { DbInstance } from "@cdktf/provider-aws/lib/db-instance/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";

/** Personal data in AWS Paris: allowed (with an advisory about US law), classified by default tags. */
export class PersonalDataParis extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const region = new TerraformVariable(this, "region", { type: "string", default: "eu-west-3" });
    new AwsProvider(this, "aws", {
      region: region.stringValue,
      defaultTags: [{ tags: { "data-classification": "personal", team: "usagers" } }],
    });
    new S3Bucket(this, "pieces-justificatives", { bucket: "pieces-justificatives-usagers" });
    new DbInstance(this, "annuaire", {
      identifier: "annuaire-usagers",
      engine: "postgres",
      instanceClass: "db.t4g.small",
      allocatedStorage: 20,
      tags: { "data-classification": "Données personnelles" },
    });
    new IamRole(this, "lecture", { name: "lecture-annuaire", assumeRolePolicy: "{}" });
  }
}

/** Sensitive data and archives where the rules forbid them: the synth must fail. */
export class SensitiveOutsideSecNumCloud extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-west-3" });
    const ireland = new AwsProvider(this, "aws-ireland", { region: "eu-west-1", alias: "ireland" });
    // Sensitive data at a US provider's Paris region: not a SecNumCloud-qualified offer.
    new S3Bucket(this, "notes-cabinet", { bucket: "notes-cabinet", tags: { "data-classification": "sensible" } });
    // Through an aliased provider, in Ireland.
    new S3Bucket(this, "dossiers-rh", { provider: ireland, bucket: "dossiers-rh", tags: { "data-classification": "personal,archive" } });
    // A per-resource region (AWS provider v6): archives in the United States.
    new S3Bucket(this, "archives-etat-civil", { region: "us-east-1", bucket: "archives-etat-civil", tags: { "data-classification": "archives" } });
  }
}
