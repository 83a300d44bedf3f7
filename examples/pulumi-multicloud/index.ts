import * as gcp from "@pulumi/gcp";
import * as ovh from "@ovhcloud/pulumi-ovh";
import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";

const config = new pulumi.Config();

// S3NS PREMI3NS (SecNumCloud): the Google provider pointed at the s3nsapis.fr universe.
const s3ns = new gcp.Provider("s3ns", { project: "ministere-prod", region: "u-france-east1", universeDomain: "s3nsapis.fr" });
new gcp.storage.Bucket("dossiers-sensibles", {
  location: "u-france-east1",
  labels: { "data-classification": "sensitive" },
}, { provider: s3ns });

// Public archives with French providers, in France.
new scaleway.object.Bucket("etat-civil", { region: "fr-par", tags: { "data-classification": "archives" } });
new ovh.cloudproject.Storage("deliberations", {
  serviceName: config.require("ovhProject"),
  regionName: "GRA",
  tags: { "data-classification": "archive" },
});

// Blocked: personal data in Google's US multi-region.
new gcp.storage.Bucket("exports-usagers", {
  location: "US",
  labels: { "data-classification": "personal" },
});
