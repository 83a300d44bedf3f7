import { describe, expect, it } from "vitest";
import { judge, policies, resource } from "./helpers/engine.js";

describe("sensitive-requires-secnumcloud", () => {
  it.each([
    ["aws", "eu-west-3", "sensitive"],
    ["azure", "francecentral", "sensitive"],
    ["gcp", "europe-west9", "sensible"],
    ["bleu", "bleufrancecentral", "sensitive"],
    ["scaleway", "fr-par", "sensitive"],
    ["outscale", "eu-west-2", "sensitive"],
    ["ovh", "GRA7", "restricted"],
    ["aws", null, "sensitive"],
  ])("fires on %s %s (%s)", (cloud, region, cls) => {
    expect(policies(resource(cloud, region, cls))).toContain("sensitive-requires-secnumcloud");
  });

  it.each([["s3ns", "u-france-east1"], ["s3ns", "global"]])("stays quiet on the qualified offer %s %s", (cloud, region) => {
    expect(policies(resource(cloud, region, "sensitive"))).toEqual([]);
  });

  // November 2026 review: these visas are past their three-year term or undated (see the catalog's sources).
  it.each([
    ["outscale", "cloudgouv-eu-west-1", undefined],
    ["ovh", null, "bare-metal-pod-secnumcloud"],
    ["cloudtemple", null, "secure-temple-iaas"],
  ])("fires on %s %s %s, whose qualification cannot be shown current", (cloud, region, service) => {
    expect(policies(resource(cloud, region, "sensitive", service ? { service } : {}))).toEqual(["sensitive-requires-secnumcloud"]);
  });

  it("accepts a qualified offer scoped by service, the region being the customer's own", () => {
    const config = { catalog: { providers: { ovh: { source: "RSSI, ANSSI list checked 2026-11-20", offers: [{
      id: "ovh-bare-metal-pod-snc", name: "Bare Metal Pod SecNumCloud", scope: { services: ["bare-metal-pod-secnumcloud"] },
      location: { country: "FR", source: "OVHcloud documentation, 6 August 2025", asOf: "2025-08-06" },
      secnumcloud: { status: "qualified" as const, qualifiedOn: "2025-01-15", source: "ANSSI list, checked 2026-11-20", asOf: "2026-11-20" },
    }] } } } };
    const onPod = resource("ovh", "RegionOne", "sensitive", { service: "bare-metal-pod-secnumcloud" });
    expect(policies(onPod, config)).toEqual([]);
  });

  it("says why, in both languages, with the offer status", () => {
    const [finding] = judge([resource("outscale", "eu-west-2", "sensitive", { id: "vol" })]).findings;
    expect(finding).toMatchObject({ policy: "sensitive-requires-secnumcloud", resource: "vol", enforcement: "mandatory", exempt: false });
    expect(finding!.message.en).toBe(
      "vol: sensitive data on 3DS Outscale eu-west-2 (France): no SecNumCloud-qualified offer covers it [Outscale IaaS (eu-west-2): unverified].",
    );
    expect(finding!.message.fr).toContain("aucune offre qualifiée SecNumCloud ne les couvre");
  });

  it("judges copies: a replica outside France fires", () => {
    const r = resource("s3ns", "u-france-east1", "sensitive", { copies: [{ kind: "replica", cloud: "gcp", region: "europe-west1" }] });
    const [finding] = judge([r]).findings;
    expect(finding!.message.en).toContain("(replica) on Google Cloud europe-west1 (St. Ghislain, Belgium)");
    expect(finding!.message.en).toContain("it is not in France");
  });
});

describe("archives-stay-in-france", () => {
  it.each([
    ["aws", "eu-west-3"],
    ["gcp", "europe-west9"],
    ["azure", "francecentral"],
    ["oracle", "eu-paris-1"],
    ["ovh", "DE1"],
    ["scaleway", "nl-ams"],
    ["ovh", "BHS5"],
  ])("fires on %s %s", (cloud, region) => {
    expect(policies(resource(cloud, region, "archives"))).toContain("archives-stay-in-france");
  });

  it.each([
    ["ovh", "GRA11"],
    ["ovh", "SBG5"],
    ["ovh", "eu-west-par"],
    ["scaleway", "fr-par"],
    ["outscale", "eu-west-2"],
    ["s3ns", "u-france-east1"],
    ["bleu", "bleufrancesouth"],
  ])("stays quiet on %s %s", (cloud, region) => {
    expect(policies(resource(cloud, region, "archive"))).toEqual([]);
  });

  it("requires SecNumCloud too when configured", () => {
    const r = resource("scaleway", "fr-par", "archive");
    expect(policies(r, { archivesRequireSecnumcloud: true })).toEqual(["archives-stay-in-france"]);
    expect(policies(resource("s3ns", "u-france-east1", "archive"), { archivesRequireSecnumcloud: true })).toEqual([]);
  });
});

describe("health-requires-hds", () => {
  it.each([
    ["hetzner", "fsn1"],
    ["exoscale", "de-fra-1"],
    ["aws", "eu-west-3"],
    ["scaleway", "fr-par"],
    ["azure", "eastus"],
    ["gcp", "europe-west2"],
  ])("fires on %s %s", (cloud, region) => {
    expect(policies(resource(cloud, region, "health"))).toContain("health-requires-hds");
  });

  it.each([
    ["ovh", "GRA7"],
    ["azure", "francecentral"],
    ["gcp", "europe-west9"],
    ["azure", "norwayeast"],
  ])("stays quiet on certified %s %s", (cloud, region) => {
    expect(policies(resource(cloud, region, "santé"))).not.toContain("health-requires-hds");
  });
});

describe("personal-stays-in-eu", () => {
  it.each([
    ["aws", "us-east-1"],
    ["aws", "eu-west-2"],
    ["azure", "switzerlandnorth"],
    ["gcp", "europe-west6"],
    ["exoscale", "ch-gva-2"],
  ])("fires (mandatory) outside the EU/EEA: %s %s", (cloud, region) => {
    const findings = judge([resource(cloud, region, "personal")]).findings;
    expect(findings.map((f) => [f.policy, f.enforcement])).toContainEqual(["personal-stays-in-eu", "mandatory"]);
  });

  it("warns (advisory) about non-EU law in an EU region", () => {
    const findings = judge([resource("aws", "eu-west-3", "personal")]).findings;
    expect(findings.map((f) => [f.policy, f.enforcement])).toEqual([["personal-stays-in-eu", "advisory"]]);
    expect(findings[0]!.message.en).toContain("subject to non-EU law (applicable law: United States)");
  });

  it.each([
    ["ovh", "GRA7"],
    ["scaleway", "pl-waw"],
    ["hetzner", "hel1"],
  ])("stays quiet with an EU provider in the EU: %s %s", (cloud, region) => {
    expect(judge([resource(cloud, region, "personal")]).findings).toEqual([]);
  });
});

describe("location-must-be-known", () => {
  it.each([
    ["unknown during preview", resource("aws", null, "personal")],
    ["typo region", resource("aws", "eu-west-33", "archive")],
    ["region of another provider", resource("scaleway", "eu-west-3", "archive")],
    ["unknown cloud", resource("digitalocean", "fra1", "health")],
    ["no cloud", resource(null, "eu-west-3", "sensitive")],
    ["retired cloud", resource("cloudwatt", "fr1", "archive")],
    ["retired cloud Numergy", resource("numergy", null, "personal")],
    ["global service", resource("aws", null, "archive", { global: true })],
    ["zone outside its region", resource("aws", "eu-west-3", "personal", { zone: "eu-west-1a" })],
    ["OpenStack not declared", resource("openstack", "RegionOne", "sensitive")],
  ])("fires: %s", (_, r) => {
    expect(policies(r)).toContain("location-must-be-known");
  });

  it("names the retired cloud instead of calling it unknown", () => {
    const [finding] = judge([resource("cloudwatt", "fr1", "archive")]).findings.filter((f) => f.policy === "location-must-be-known");
    expect(finding!.message.en).toContain("Cloudwatt (a retired cloud): this cloud has closed");
  });

  it("does not fire for classes without a location requirement", () => {
    expect(policies(resource("digitalocean", null, "public,internal"))).toEqual([]);
  });

  it("stays quiet when the location is known", () => {
    expect(policies(resource("ovh", "GRA7", "archive"))).toEqual([]);
  });
});

describe("classification-required", () => {
  it("is advisory by default for an unclassified resource that may hold data", () => {
    const findings = judge([resource("aws", "eu-west-3", undefined)]).findings;
    expect(findings.map((f) => [f.policy, f.enforcement])).toEqual([["classification-required", "advisory"]]);
  });

  it("does not nag resources that hold no data", () => {
    expect(judge([resource("aws", null, undefined, { global: true, holdsData: false })]).findings).toEqual([]);
  });

  it("is mandatory for a value that names no class", () => {
    const findings = judge([resource("s3ns", "u-france-east1", "sensitve")]).findings;
    expect(findings.map((f) => [f.policy, f.enforcement])).toEqual([["classification-required", "mandatory"]]);
  });

  it("still judges the known classes beside an unknown one", () => {
    expect(policies(resource("aws", "eu-west-3", "sensitive, top-secret"))).toEqual(["classification-required", "sensitive-requires-secnumcloud"]);
  });
});

describe("several classes", () => {
  it("must meet every class's requirement", () => {
    expect(policies(resource("aws", "eu-west-3", "personal,archive"))).toEqual(["archives-stay-in-france", "personal-stays-in-eu"]);
    expect(policies(resource("scaleway", "fr-par", "health;archive"))).toEqual(["health-requires-hds"]);
    expect(policies(resource("ovh", "GRA7", "archive|health|personal"))).toEqual([]);
  });

  it("reads several classification keys", () => {
    const r = resource("aws", "eu-west-3", undefined, { tags: { "Data_Classification": "archive", classification: "sensitive" } });
    expect(policies(r, { classificationTags: ["data-classification", "classification"] })).toEqual([
      "archives-stay-in-france",
      "sensitive-requires-secnumcloud",
    ]);
  });
});
