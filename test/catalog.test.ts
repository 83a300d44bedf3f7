import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assertValid } from "../src/schemas.js";
import { judge, resource } from "./helpers/engine.js";

interface Region { country?: string; countries?: string[]; source: string; asOf: string }
interface Provider {
  regions: Record<string, Region>;
  offers: { id: string; secnumcloud?: { status: string }; hds?: { status: string } }[];
  jurisdiction?: string;
  retired?: unknown;
}
const catalog = JSON.parse(readFileSync("policies/catalog/catalog.json", "utf8")) as {
  providers: Record<string, Provider>;
  countries: Record<string, { eu: boolean }>;
};
const regions = Object.entries(catalog.providers).flatMap(([cloud, p]) =>
  Object.entries(p.regions).map(([region, r]) => ({ cloud, region, r })),
);

const placement = (cloud: string, region: string) => judge([resource(cloud, region, "public")]).resources[0]!.placements[0]!;

describe("the catalog", () => {
  it("is valid against its JSON Schema", () => {
    expect(() => assertValid("catalog", catalog, "catalog.json")).not.toThrow();
  });

  it("rejects an entry without provenance", () => {
    const broken = structuredClone(catalog) as unknown as { providers: Record<string, { source?: string }> };
    delete broken.providers.aws!.source;
    expect(() => assertValid("catalog", broken, "catalog.json")).toThrow(/catalog.json: \/providers\/aws: must have required property 'source'/);
  });

  it("covers every provider the rules are expected to know", () => {
    expect(Object.keys(catalog.providers).sort()).toEqual([
      "alibaba", "aws", "aws-eusc", "azure", "bleu", "cloudtemple", "cloudwatt", "exoscale", "gcp", "hetzner",
      "ibm", "numergy", "numspot", "openstack", "oracle", "outscale", "ovh", "s3ns", "scaleway",
    ]);
  });

  it("knows every country it places a region in", () => {
    for (const { r } of regions) for (const c of r.countries ?? [r.country!]) expect(catalog.countries).toHaveProperty(c);
  });

  it("lists the qualified SecNumCloud offers of the facts sheet, and only those", () => {
    const qualified = Object.entries(catalog.providers).flatMap(([cloud, p]) =>
      p.offers.filter((o) => o.secnumcloud?.status === "qualified").map((o) => `${cloud}/${o.id}`),
    );
    expect(qualified.sort()).toEqual([
      "cloudtemple/cloudtemple-secure-temple-iaas",
      "outscale/outscale-iaas-cloudgouv",
      "ovh/ovh-bare-metal-pod-snc",
      "ovh/ovh-hosted-private-cloud-snc",
      "s3ns/s3ns-premi3ns",
    ]);
  });
});

describe("French regions in the catalog are in France, through the rules", () => {
  const french = regions.filter(({ r }) => r.country === "FR");
  it.each(french.map(({ cloud, region }) => [cloud, region]))("%s %s", (cloud, region) => {
    expect(placement(cloud, region)).toMatchObject({ known: true, in_france: "yes", in_eu: "yes", in_eea: "yes" });
  });

  it.each([
    ["ovh", "GRA7"], ["ovh", "gra11"], ["ovh", "SBG5"], ["ovh", "RBX8"], ["ovh", "eu-west-par-b"],
  ])("OVHcloud pattern %s %s", (cloud, region) => {
    expect(placement(cloud, region)).toMatchObject({ known: true, in_france: "yes" });
  });
});

describe("look-alikes outside France", () => {
  it.each([
    ["aws", "eu-west-2", "GB"],
    ["aws", "eu-west-1", "IE"],
    ["aws", "eu-central-2", "CH"],
    ["aws-eusc", "eusc-de-east-1", "DE"],
    ["azure", "westeurope", "NL"],
    ["gcp", "europe-west1", "BE"],
    ["gcp", "europe-west2", "GB"],
    ["oracle", "eu-frankfurt-1", "DE"],
    ["ovh", "BHS5", "CA"],
    ["ovh", "DE1", "DE"],
    ["scaleway", "nl-ams", "NL"],
    ["alibaba", "eu-west-1", "GB"],
    ["outscale", "us-east-2", "US"],
    ["exoscale", "ch-gva-2", "CH"],
    ["ibm", "eu-gb", "GB"],
  ])("%s %s is in %s", (cloud, region, country) => {
    expect(placement(cloud, region)).toMatchObject({ known: true, in_france: "no", countries: [country] });
  });

  it("the same code is France at Outscale and London at AWS", () => {
    expect(placement("outscale", "eu-west-2").in_france).toBe("yes");
    expect(placement("aws", "eu-west-2").in_france).toBe("no");
  });

  it("Google's EU multi-region is in the EU but never France", () => {
    expect(placement("gcp", "EU")).toMatchObject({ in_france: "no", in_eu: "yes" });
  });

  it("S3NS is not Google: same technology, French law and a qualified offer", () => {
    expect(placement("s3ns", "u-france-east1")).toMatchObject({ french_law: "yes", secnumcloud: "yes" });
    expect(placement("gcp", "europe-west9")).toMatchObject({ french_law: "no", secnumcloud: "no" });
  });

  it("the AWS European Sovereign Cloud is still under US law", () => {
    expect(placement("aws-eusc", "eusc-de-east-1")).toMatchObject({ french_law: "no", in_eu: "yes", secnumcloud: "no" });
  });
});
