import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

// The data this stack holds, declared once: every resource gets it through the provider's default tags.
const classification = new pulumi.Config().require("dataClassification");

const paris = new aws.Provider("paris", {
  region: "eu-west-3",
  defaultTags: { tags: { "data-classification": classification, team: "usagers" } },
});

export const bucket = new aws.s3.Bucket("dossiers", { forceDestroy: true }, { provider: paris }).bucket;

new aws.rds.Instance("annuaire", {
  engine: "postgres",
  instanceClass: "db.t4g.micro",
  allocatedStorage: 20,
  username: "app",
  manageMasterUserPassword: true,
  skipFinalSnapshot: true,
}, { provider: paris });

// Holds no data (and IAM is global): the default tags do not classify it, and classification-required
// does not ask for a tag here.
new aws.iam.Role("lecture", {
  assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }),
}, { provider: paris });
