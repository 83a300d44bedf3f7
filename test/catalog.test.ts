import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assertValid } from "../src/schemas.js";
import { Engine } from "../src/index.js";
import { judge, resource } from "./helpers/engine.js";

interface Region { country?: string; countries?: string[]; source: string; asOf: string; coordinates?: { lat: number; lon: number; place: string } }
interface Provider {
  regions: Record<string, Region>;
  regionPatterns?: (Region & { pattern: string })[];
  offers: { id: string; scope: { regions?: string[]; services?: string[] }; secnumcloud?: { status: string; qualifiedOn?: string }; hds?: { status: string }; homologation?: unknown }[];
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
      "alibaba", "aws", "aws-eusc", "azure", "bleu", "cloudavenue", "cloudtemple", "cloudwatt", "docaposte", "exoscale", "gcp", "hetzner",
      "ibm", "numergy", "numspot", "oodrive", "openstack", "oracle", "outscale", "ovh", "s3ns", "scaleway", "whaller", "worldline",
    ]);
  });

  it("knows every country it places a region in", () => {
    for (const { r } of regions) for (const c of r.countries ?? [r.country!]) expect(catalog.countries).toHaveProperty(c);
  });

  it("places every region of one country on the map, within that country's rough bounds", () => {
    const located = [...regions, ...Object.entries(catalog.providers).flatMap(([cloud, p]) => (p.regionPatterns ?? []).map((r) => ({ cloud, region: r.pattern, r })))]
      .filter(({ r }) => r.country);
    expect(located.length).toBeGreaterThan(100);
    const missing = located.filter(({ r }) => !r.coordinates).map(({ cloud, region }) => `${cloud}/${region}`);
    expect(missing).toEqual([]);
    // A swapped latitude and longitude would put a European region in the sea or on another continent.
    const europe = located.filter(({ r }) => catalog.countries[r.country!]?.eu || ["GB", "CH", "NO", "RS"].includes(r.country!));
    for (const { cloud, region, r } of europe) {
      expect([cloud, region, r.coordinates!.lat > 34 && r.coordinates!.lat < 72 && r.coordinates!.lon > -25 && r.coordinates!.lon < 45]).toEqual([cloud, region, true]);
    }
  });

  it("gives no coordinates to a region of several countries: it is not one place", () => {
    expect(regions.filter(({ r }) => r.countries && r.coordinates)).toEqual([]);
  });

  it("lists the qualified SecNumCloud offers of the facts sheet, and only those", () => {
    const qualified = Object.entries(catalog.providers).flatMap(([cloud, p]) =>
      p.offers.filter((o) => o.secnumcloud?.status === "qualified").map((o) => `${cloud}/${o.id}`),
    );
    // November 2026 review: a visa lasts three years. OVHcloud Hosted Private Cloud (3.1, ~2021) and Cloud
    // Temple (3.1, 2022) have no renewal source; Outscale's and Bare Metal Pod's visa dates were not found.
    expect(qualified.sort()).toEqual(["s3ns/s3ns-premi3ns"]);
  });

  it("dates every qualified SecNumCloud offer, and the schema refuses one without a date", () => {
    const premi3ns = catalog.providers.s3ns!.offers[0]!;
    expect(premi3ns.secnumcloud).toMatchObject({ status: "qualified", qualifiedOn: "2025-12-17" });
    const undated = structuredClone(catalog);
    delete undated.providers.s3ns!.offers[0]!.secnumcloud!.qualifiedOn;
    expect(() => assertValid("catalog", undated, "catalog.json")).toThrow(/\/providers\/s3ns\/offers\/0\/secnumcloud: must have required property 'qualifiedOn'/);
    const withEnd = structuredClone(undated);
    Object.assign(withEnd.providers.s3ns!.offers[0]!.secnumcloud!, { validUntil: "2028-12-16" });
    expect(() => assertValid("catalog", withEnd, "catalog.json")).not.toThrow();
    Object.assign(withEnd.providers.s3ns!.offers[0]!.secnumcloud!, { validUntil: "next year" });
    expect(() => assertValid("catalog", withEnd, "catalog.json")).toThrow(/validUntil: must match pattern/);
  });

  it("holds no homologation: only the configuration declares a homologated system", () => {
    for (const p of Object.values(catalog.providers)) for (const o of p.offers) expect(o.homologation).toBeUndefined();
  });

  it("records Numergy's closure without an unsourced date", () => {
    expect(catalog.providers.numergy!.retired).toEqual({ source: expect.stringContaining("no source gives an end date") });
  });

  it("records Scaleway's HDS scope, unverified", () => {
    const hds = catalog.providers.scaleway!.offers.find((o) => o.hds)!;
    expect(hds).toMatchObject({ scope: { regions: ["fr-par"], services: ["object-storage", "block-storage", "hds-instances"] }, hds: { status: "unverified" } });
  });

  it("scopes Cloud Temple's SecNumCloud offer to its service, not the provider", () => {
    const snc = catalog.providers.cloudtemple!.offers.find((o) => o.secnumcloud)!;
    expect(snc.scope).toEqual({ services: ["secure-temple-iaas"] });
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
    ["scaleway", "it-mil", "IT"],
    ["oracle", "eu-turin-1", "IT"],
    ["oracle", "eu-madrid-3", "ES"],
    ["oracle", "eu-jovanovac-1", "RS"],
    ["oracle", "eu-frankfurt-2", "DE"],
    ["oracle", "eu-madrid-2", "ES"],
    ["azure", "swedensouth", "SE"],
    ["azure", "denmarkeast", "DK"],
    ["ovh", "EU-WEST-LZ-LUX-A", "LU"],
  ])("%s %s is in %s", (cloud, region, country) => {
    expect(placement(cloud, region)).toMatchObject({ known: true, in_france: "no", countries: [country] });
  });

  it("an OVHcloud local zone no source gives is not guessed from its name", () => {
    expect(placement("ovh", "EU-WEST-LZ-MRS-A")).toMatchObject({ known: false, reason: "unknown-region" });
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

describe("the November 2026 review, through the rules", () => {
  it("Serbia is neither EU nor EEA, and Oracle's EU Sovereign Cloud is still under US law", () => {
    expect(placement("oracle", "eu-jovanovac-1")).toMatchObject({ in_eu: "no", in_eea: "no" });
    expect(placement("oracle", "eu-frankfurt-2")).toMatchObject({ in_eu: "yes", french_law: "no" });
  });

  it("S3NS's global location holds only u-france-east1", () => {
    expect(placement("s3ns", "global")).toMatchObject({ known: true, in_france: "yes", secnumcloud: "yes" });
    expect(placement("gcp", "global")).toMatchObject({ known: false, reason: "unknown-region" });
  });

  it("an OVHcloud service-scoped offer places a resource that names its service", () => {
    const r = resource("ovh", null, "archive", { service: "hosted-private-cloud-secnumcloud" });
    const verdict = judge([r]);
    expect(verdict.resources[0]!.placements[0]).toMatchObject({ known: true, in_france: "yes", service: "hosted-private-cloud-secnumcloud" });
    expect(verdict.findings.filter((f) => !f.exempt)).toEqual([]);
  });

  it("a vSphere endpoint the configuration declares as that service is judged as it", () => {
    const config = { catalog: { providers: {
      vsphere: { source: "Contract OVH-HPC-2026, reviewed by the RSSI", serviceOf: { provider: "ovh", service: "hosted-private-cloud-secnumcloud" } },
    } } };
    const verdict = judge([resource("vsphere", null, "sensitive")], config);
    expect(verdict.resources[0]!.placements[0]).toMatchObject({ cloud: "ovh", in_france: "yes", secnumcloud: "no" });
    expect(verdict.findings.map((f) => f.policy)).toEqual(["sensitive-requires-secnumcloud"]);
    expect(verdict.findings[0]!.message.en).toContain("Hosted Private Cloud (VMware) SecNumCloud: unverified");
  });

  it("an offer the user marks verified with their own source counts", () => {
    const config = { catalog: { providers: { scaleway: {
      source: "RSSI, ANS list checked on 2026-11-20 (ticket SEC-42)",
      offers: [{ id: "scaleway-hds", name: "Scaleway HDS", scope: { regions: ["fr-par"], services: ["object-storage"] },
        hds: { status: "qualified", source: "ANS list of certified hosts, checked 2026-11-20", asOf: "2026-11-20" } }],
    } } } };
    const bucket = resource("scaleway", "fr-par", "health", { service: "object-storage" });
    expect(judge([bucket]).findings.map((f) => f.policy)).toEqual(["health-requires-hds"]);
    expect(judge([bucket], config).findings).toEqual([]);
  });

  it("warns once, about the catalog, when it is more than 180 days old", () => {
    const late = Engine.createSync({ today: "2027-06-01" });
    const rs = Array.from({ length: 600 }, (_, i) => resource("ovh", "GRA7", i % 2 ? "public" : "archive", { id: `old-${i}` }));
    const about = late.evaluate({ resources: rs }).findings.filter((f) => f.policy === "catalog-must-be-current");
    expect(about).toEqual([expect.objectContaining({ resource: "config:catalog", enforcement: "advisory", exempt: false })]);
    expect(about[0]!.message.en).toContain("the catalog is dated 2026-11-24, 189 days before this run (2027-06-01)");
    expect(Engine.createSync({ today: "2027-05-23" }).evaluate({ resources: rs }).findings.filter((f) => f.policy === "catalog-must-be-current")).toEqual([]);
  });
});
