import { describe, expect, it } from "vitest";
import { LEVEL } from "./helpers/analyzer.js";
import { previewExample, recordExample } from "./helpers/pulumi-preview.js";

/** The examples' programs run on the real @pulumi/pulumi SDK (mocked engine), judged by the pack over gRPC. */
const verdicts = async (example: string, stack: string, options?: Parameters<typeof previewExample>[2]) =>
  (await previewExample(example, stack, options))
    .map((d) => `${d.enforcementLevel === LEVEL.mandatory ? "mandatory" : "advisory"} ${d.policyName} ${d.urn.split("::").pop()}`)
    .sort();

describe("Pulumi examples under the pack", () => {
  it("AWS Paris, stack personal: passes, with advisories about non-EU law", async () => {
    expect(await verdicts("pulumi-aws-paris", "personal")).toEqual([
      "advisory personal-stays-in-eu annuaire",
      "advisory personal-stays-in-eu dossiers",
    ]);
  });

  it("AWS Paris, stack sensitive: blocked", async () => {
    expect(await verdicts("pulumi-aws-paris", "sensitive")).toEqual([
      "mandatory sensitive-requires-secnumcloud annuaire",
      "mandatory sensitive-requires-secnumcloud dossiers",
    ]);
  });

  it("multi-cloud: S3NS, Scaleway and OVHcloud pass; Google's US multi-region is blocked", async () => {
    const { resources } = recordExample("pulumi-multicloud", "dev");
    expect(resources.map((r) => `${r.type} ${r.provider?.type}`).sort()).toEqual([
      "gcp:storage/bucket:Bucket pulumi:providers:gcp",
      "gcp:storage/bucket:Bucket pulumi:providers:gcp",
      "ovh:CloudProject/storage:Storage pulumi:providers:ovh",
      "scaleway:object/bucket:Bucket pulumi:providers:scaleway",
    ]);
    expect(await verdicts("pulumi-multicloud", "dev")).toEqual(["mandatory personal-stays-in-eu exports-usagers"]);
  });

  it("Azure: accounts take their resource group's location; the one in the US is blocked", async () => {
    expect(await verdicts("pulumi-azure", "dev")).toEqual(["mandatory health-requires-hds dossiers-us"]);
  });

  it("stack tags classify neither what carries its own classification nor what holds no data", async () => {
    const ds = await verdicts("pulumi-azure", "dev", { stackTags: { "data-classification": "archive" } });
    // The accounts carry their own classification; the resource groups hold no data, so the stack's
    // classification does not reach them either.
    expect(ds).toEqual(["mandatory health-requires-hds dossiers-us"]);
  });
});
