import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider/index.js";
import { StorageBucket } from "@cdktf/provider-google/lib/storage-bucket/index.js";

/** Sensitive data on S3NS PREMI3NS: the Google provider pointed at the s3nsapis.fr universe. */
export class SensitiveOnS3ns extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new GoogleProvider(this, "s3ns", { project: "ministere-prod", region: "u-france-east1", universeDomain: "s3nsapis.fr" });
    new StorageBucket(this, "dossiers-sensibles", {
      name: "dossiers-sensibles",
      location: "u-france-east1",
      labels: { "data-classification": "sensitive" },
    });
  }
}

/** The same bucket on public Google Cloud in Paris ("France Data Boundary" is not PREMI3NS): blocked. */
export class SensitiveOnGooglePublic extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new GoogleProvider(this, "google", { project: "ministere-prod", region: "europe-west9" });
    new StorageBucket(this, "dossiers-sensibles", {
      name: "dossiers-sensibles-gcp",
      location: "europe-west9",
      labels: { "data-classification": "sensitive" },
    });
  }
}
