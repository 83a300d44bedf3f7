import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rules } from "../src/index.js";
import { AnalyzerSession, LEVEL, UNKNOWN, secret, type Resource } from "./helpers/analyzer.js";

const awsProvider = (region: unknown, defaultTags?: Record<string, string>): NonNullable<Resource["provider"]> => ({
  type: "pulumi:providers:aws",
  urn: "urn:pulumi:dev::app::pulumi:providers:aws::default_7_0_0",
  name: "default_7_0_0",
  properties: { region, ...(defaultTags ? { defaultTags: JSON.stringify({ tags: defaultTags }) } : {}), version: "7.0.0" },
});
const bucket = (name: string, properties: Record<string, unknown>, provider = awsProvider("eu-west-3")): Resource => ({
  type: "aws:s3/bucket:Bucket",
  urn: `urn:pulumi:dev::app::aws:s3/bucket:Bucket::${name}`,
  name,
  properties,
  provider,
});
const summary = (ds: { policyName: string; urn: string; enforcementLevel: number }[]) =>
  ds.map((d) => `${d.policyName} ${d.urn.split("::").pop() || "(stack)"} ${d.enforcementLevel === LEVEL.mandatory ? "mandatory" : "advisory"}`).sort();

describe("the pack over the Analyzer gRPC protocol", () => {
  let session: AnalyzerSession;
  beforeAll(async () => {
    session = await AnalyzerSession.start();
  }, 60_000);
  afterAll(() => session?.stop());

  it("GetAnalyzerInfo lists the settings policy and one policy per rule, from the rule metadata", async () => {
    const info = await session.info();
    expect(info.name).toBe("souverain");
    expect(info.policies.map((p) => p.name)).toEqual(["souverain", ...Object.keys(rules)]);
    const sensitive = info.policies.find((p) => p.name === "sensitive-requires-secnumcloud")!;
    expect(sensitive).toMatchObject({
      description: rules["sensitive-requires-secnumcloud"]!.title,
      enforcementLevel: LEVEL.mandatory,
      remediationSteps: rules["sensitive-requires-secnumcloud"]!.fix.en,
      framework: "Cloud au centre",
    });
    expect(info.policies.find((p) => p.name === "classification-required")!.enforcementLevel).toBe(LEVEL.advisory);
    expect(Object.keys(info.policies[0]!.configSchema!).sort()).toEqual([
      "archivesRequireSecnumcloud", "catalog", "classAliases", "classificationTags", "defaultClassification", "exemptions", "lang", "packageClouds",
    ]);
  });

  it("AnalyzeStack during preview: mandatory findings with the resource's URN, unknown regions included", async () => {
    await session.configure({});
    await session.configureStack({}, true);
    const ds = await session.analyzeStack([
      bucket("sensible", { tags: { "data-classification": "sensitive" } }),
      bucket("rh", { region: UNKNOWN, tags: { "data-classification": "personal" } }),
      bucket("annuaire", {}, awsProvider("eu-west-3", { "data-classification": "personal" })),
    ]);
    expect(summary(ds)).toEqual([
      "location-must-be-known rh mandatory",
      "personal-stays-in-eu annuaire advisory",
      "personal-stays-in-eu rh advisory",
      "sensitive-requires-secnumcloud sensible mandatory",
    ]);
    const sensitive = ds.find((d) => d.policyName === "sensitive-requires-secnumcloud")!;
    expect(sensitive.message).toContain("sensitive data on Amazon Web Services eu-west-3 (Paris, France): no SecNumCloud-qualified offer covers it.");
    expect(sensitive.message).toContain("Classified by: tag data-classification (resource).");
    expect(ds.every((d) => !d.message.includes("can't run"))).toBe(true);
    const annuaire = ds.find((d) => d.urn.endsWith("annuaire"))!;
    expect(annuaire.message).toContain("Classified by: tag data-classification (provider-default).");
  });

  it("stack tags classify untagged resources, and the message says so", async () => {
    await session.configure({});
    await session.configureStack({ "data-classification": "archive" });
    const ds = await session.analyzeStack([bucket("registre", {})]);
    expect(summary(ds)).toEqual(["archives-stay-in-france registre mandatory"]);
    expect(ds[0]!.message).toContain("Classified by: tag data-classification (stack).");
  });

  it("the pack configuration classifies when the backend has no stack tags", async () => {
    await session.configure({ souverain: { properties: { defaultClassification: "archive" } } });
    await session.configureStack({});
    expect(summary(await session.analyzeStack([bucket("registre", {})]))).toEqual(["archives-stay-in-france registre mandatory"]);
  });

  it("honours per-policy levels, French messages and exemptions from --policy-pack-config", async () => {
    await session.configure({
      souverain: {
        properties: {
          lang: "fr",
          exemptions: [{ rule: "archives-stay-in-france", resource: "urn:pulumi:dev::app::aws:s3/bucket:Bucket::archives", justification: "DINUM-7", expires: "2999-12-31" }],
        },
      },
      "sensitive-requires-secnumcloud": { enforcementLevel: "advisory" },
    });
    await session.configureStack({});
    const ds = await session.analyzeStack([
      bucket("sensible", { tags: { "data-classification": "sensitive" } }),
      bucket("archives", { tags: { "data-classification": "archives" } }),
    ]);
    expect(summary(ds)).toEqual(["archives-stay-in-france archives advisory", "sensitive-requires-secnumcloud sensible advisory"]);
    expect(ds.find((d) => d.urn.endsWith("archives"))!.message).toContain("Exempt until 2999-12-31: DINUM-7.");
    expect(ds.find((d) => d.urn.endsWith("sensible"))!.message).toContain("données sensibles sur Amazon Web Services eu-west-3");
  });

  it("a tag made from an exemption on the resource does not exempt it", async () => {
    await session.configure({});
    await session.configureStack({});
    const ds = await session.analyzeStack([bucket("sensible", { tags: { "data-classification": "sensitive", "souverain-exempt": "sensitive-requires-secnumcloud" } })]);
    expect(summary(ds)).toEqual(["sensitive-requires-secnumcloud sensible mandatory"]);
  });

  it("secret values are not echoed", async () => {
    await session.configure({});
    await session.configureStack({});
    const ds = await session.analyzeStack([
      bucket("sensible", { tags: { "data-classification": "sensitive", token: secret("s3cr3t-t0ken") } }, { ...awsProvider("eu-west-3"), properties: { region: "eu-west-3", secretKey: secret("AKIA-SECRET") } }),
    ]);
    expect(ds).toHaveLength(1);
    expect(JSON.stringify(ds)).not.toMatch(/s3cr3t|AKIA/);
  });

  it("Azure resources inherit their resource group's location at stack level", async () => {
    await session.configure({});
    await session.configureStack({});
    const rg = { type: "azure-native:resources:ResourceGroup", urn: "urn:pulumi:dev::app::azure-native:resources:ResourceGroup::rg", name: "rg", properties: { location: "westus" } };
    const account = {
      type: "azure-native:storage:StorageAccount",
      urn: "urn:pulumi:dev::app::azure-native:storage:StorageAccount::dossiers",
      name: "dossiers",
      properties: { resourceGroupName: UNKNOWN, tags: { "data-classification": "health" } },
      propertyDependencies: { resourceGroupName: [rg.urn] },
    };
    const ds = await session.analyzeStack([rg, account]);
    expect(summary(ds)).toEqual(["health-requires-hds dossiers mandatory"]);
    expect(ds[0]!.message).toContain("Microsoft Azure westus (California, United States)");
  });

  it("Analyze (per resource) reports nothing: judgement needs the whole stack", async () => {
    expect(await session.analyze(bucket("sensible", { tags: { "data-classification": "sensitive" } }))).toEqual([]);
  });

  it("an invalid configuration blocks the stack rather than passing it", async () => {
    await session.configure({ souverain: { properties: { catalog: { providers: { mine: { name: "no source" } } } } } });
    await session.configureStack({});
    const ds = await session.analyzeStack([bucket("public", { tags: { "data-classification": "public" } })]);
    // The settings policy says why; every rule policy blocks too, in case the settings policy is disabled.
    expect(summary(ds)).toEqual(["souverain (stack) mandatory", ...Object.keys(rules).map((id) => `${id} (stack) mandatory`)].sort());
    expect(ds.find((d) => d.policyName === "souverain")!.message).toContain("could not judge this stack");
    expect(ds.every((d) => d.message.includes("/catalog/providers/mine: must have required property 'source'"))).toBe(true);
  });
});
