import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rules } from "../src/index.js";
import { repoRoot } from "./helpers/root.js";
import { AnalyzerSession, LEVEL, UNKNOWN, secret, type Diagnostic, type Resource } from "./helpers/analyzer.js";

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
      description: rules["sensitive-requires-secnumcloud"]!.title.en,
      enforcementLevel: LEVEL.mandatory,
      remediationSteps: rules["sensitive-requires-secnumcloud"]!.fix.en,
      framework: "Cloud au centre",
    });
    expect(info.policies.find((p) => p.name === "classification-required")!.enforcementLevel).toBe(LEVEL.advisory);
    // The settings are souverain.json's: the configuration schema's properties, every one of them.
    const configSchema = JSON.parse(readFileSync(join(repoRoot, "schemas", "config.schema.json"), "utf8")) as { properties: Record<string, unknown> };
    expect(Object.keys(info.policies[0]!.configSchema!).sort()).toEqual(Object.keys(configSchema.properties).sort());
    expect(Object.keys(configSchema.properties)).toEqual(expect.arrayContaining(["enforcement", "lang", "packageClouds", "exemptions"]));
  });

  /** What the engine does in one run: ConfigureStack, Analyze for each resource in order, then AnalyzeStack. */
  async function deploy(resources: Resource[], options: { stackTags?: Record<string, string>; dryRun?: boolean } = {}) {
    await session.configureStack(options.stackTags ?? {}, options.dryRun ?? true);
    const analyze: Diagnostic[] = [];
    for (const r of resources) analyze.push(...(await session.analyze(r)));
    const stack = await session.analyzeStack(resources);
    return { analyze, stack, all: [...analyze, ...stack] };
  }

  it("Analyze judges each resource before its create, unknown regions included; AnalyzeStack does not repeat it", async () => {
    await session.configure({});
    const { analyze, stack } = await deploy([
      bucket("sensible", { tags: { "data-classification": "sensitive" } }),
      bucket("rh", { region: UNKNOWN, tags: { "data-classification": "personal" } }),
      bucket("annuaire", {}, awsProvider("eu-west-3", { "data-classification": "personal" })),
    ]);
    expect(summary(analyze)).toEqual([
      "location-must-be-known rh mandatory",
      "personal-stays-in-eu annuaire advisory",
      "personal-stays-in-eu rh advisory",
      "sensitive-requires-secnumcloud sensible mandatory",
    ]);
    expect(stack).toEqual([]);
    const sensitive = analyze.find((d) => d.policyName === "sensitive-requires-secnumcloud")!;
    expect(sensitive.message).toContain("sensitive data on Amazon Web Services eu-west-3 (Paris, France): no SecNumCloud-qualified offer covers it.");
    expect(sensitive.message).toContain("Classified by: tag data-classification (resource).");
    expect(analyze.every((d) => !d.message.includes("can't run"))).toBe(true);
    expect(analyze.find((d) => d.urn.endsWith("annuaire"))!.message).toContain("Classified by: tag data-classification (provider default).");
  });

  it("Analyze reports each resource's own findings, one call at a time", async () => {
    await session.configure({});
    await session.configureStack({});
    expect(summary(await session.analyze(bucket("public", { tags: { "data-classification": "public" } })))).toEqual([]);
    expect(summary(await session.analyze(bucket("sensible", { tags: { "data-classification": "sensitive" } })))).toEqual(["sensitive-requires-secnumcloud sensible mandatory"]);
    expect(summary(await session.analyze(bucket("non-classe", {})))).toEqual(["classification-required non-classe advisory"]);
  });

  it("AnalyzeStack reports everything when no Analyze came first (pulumi policy analyze)", async () => {
    await session.configure({});
    await session.configureStack({});
    expect(summary(await session.analyzeStack([bucket("sensible", { tags: { "data-classification": "sensitive" } })]))).toEqual(["sensitive-requires-secnumcloud sensible mandatory"]);
  });

  it("a tag map only known after the update is unproven during preview, not unclassified", async () => {
    await session.configure({ souverain: { properties: { classificationTags: ["confidentialite"] } } });
    const { analyze } = await deploy([bucket("inconnu", { tags: UNKNOWN }), bucket("declare", { tags: { confidentialite: "public", autre: UNKNOWN } })]);
    expect(summary(analyze)).toEqual(["classification-required inconnu mandatory"]);
    expect(analyze[0]!.message).toContain("the classification value is unknown until the Pulumi update");
  });

  it("stack tags classify untagged resources, and the message says so", async () => {
    await session.configure({});
    const { analyze, stack } = await deploy([bucket("registre", {})], { stackTags: { "data-classification": "archive" } });
    expect(summary(analyze)).toEqual(["archives-stay-in-france registre mandatory"]);
    expect(stack).toEqual([]);
    expect(analyze[0]!.message).toContain("Classified by: tag data-classification (stack).");
  });

  it("the pack configuration classifies when the backend has no stack tags", async () => {
    await session.configure({ souverain: { properties: { defaultClassification: "archive" } } });
    expect(summary((await deploy([bucket("registre", {})])).all)).toEqual(["archives-stay-in-france registre mandatory"]);
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
    const { analyze, stack } = await deploy([
      bucket("sensible", { tags: { "data-classification": "sensitive" } }),
      bucket("archives", { tags: { "data-classification": "archives" } }),
    ]);
    expect(summary(analyze)).toEqual(["archives-stay-in-france archives advisory", "sensitive-requires-secnumcloud sensible advisory"]);
    expect(stack).toEqual([]);
    const archives = analyze.find((d) => d.urn.endsWith("archives"))!.message;
    expect(archives).toContain("Dérogation jusqu'au 31 décembre 2999\u00a0: DINUM-7.");
    expect(archives).toContain("Classification donnée par\u00a0: ");
    expect(archives).not.toMatch(/Exempt until|Classified by/);
    expect(analyze.find((d) => d.urn.endsWith("sensible"))!.message).toContain("données sensibles sur Amazon Web Services eu-west-3");
  });

  it("reads souverain.json's `enforcement`: it sets the level of the rules it names, over Pulumi's per-policy level", async () => {
    await session.configure({
      souverain: { properties: { enforcement: { "sensitive-requires-secnumcloud": "advisory", "classification-required": "mandatory", "personal-stays-in-eu": "disabled" } } },
      // Named in the map: the map wins. Not named: Pulumi's level applies, as before.
      "sensitive-requires-secnumcloud": { enforcementLevel: "mandatory" },
      "archives-stay-in-france": { enforcementLevel: "advisory" },
    });
    const { all } = await deploy([
      bucket("sensible", { tags: { "data-classification": "sensitive" } }),
      bucket("non-classe", {}),
      bucket("annuaire", { tags: { "data-classification": "personal" } }),
      bucket("archives", { tags: { "data-classification": "archive" } }),
    ]);
    expect(summary(all)).toEqual([
      "archives-stay-in-france archives advisory",
      "classification-required non-classe mandatory",
      "sensitive-requires-secnumcloud sensible advisory",
    ]);
  });

  it("blocks the run when the settings policy is disabled: its settings would be ignored", async () => {
    await session.configure({ souverain: { enforcementLevel: "disabled", properties: { defaultClassification: "public" } } });
    const { all } = await deploy([bucket("public", { tags: { "data-classification": "public" } })]);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ enforcementLevel: LEVEL.mandatory });
    expect(all[0]!.message).toContain('the "souverain" policy is disabled in the policy pack configuration');
  });

  it("an invalid exemption is reported once, with the stack, not on every resource", async () => {
    await session.configure({ souverain: { properties: { exemptions: [{ rule: "archives-stay-in-france", resource: "x", justification: "T-1", expires: "2020-01-01" }] } } });
    const { analyze, stack } = await deploy([bucket("a", { tags: { "data-classification": "public" } }), bucket("b", { tags: { "data-classification": "public" } })]);
    expect(analyze).toEqual([]);
    expect(summary(stack)).toEqual(["exemption-must-be-valid (stack) mandatory"]);
  });

  it("an exemption naming no resource of the stack is reported once, as stale, with the stack", async () => {
    await session.configure({ souverain: { properties: { exemptions: [{ rule: "archives-stay-in-france", resource: "urn:pulumi:dev::app::aws:s3/bucket:Bucket::gone", justification: "T-1", expires: "2999-01-01" }] } } });
    const { analyze, stack } = await deploy([bucket("a", { tags: { "data-classification": "public" } }), bucket("b", { tags: { "data-classification": "public" } })]);
    expect(analyze).toEqual([]);
    expect(summary(stack)).toEqual(["exemption-must-be-valid (stack) advisory"]);
  });

  it("a tag made from an exemption on the resource does not exempt it", async () => {
    await session.configure({});
    const { all } = await deploy([bucket("sensible", { tags: { "data-classification": "sensitive", "souverain-exempt": "sensitive-requires-secnumcloud" } })]);
    expect(summary(all)).toEqual(["sensitive-requires-secnumcloud sensible mandatory"]);
  });

  it("secret values are not echoed", async () => {
    await session.configure({});
    const { all } = await deploy([
      bucket("sensible", { tags: { "data-classification": "sensitive", token: secret("s3cr3t-t0ken") } }, { ...awsProvider("eu-west-3"), properties: { region: "eu-west-3", secretKey: secret("AKIA-SECRET") } }),
    ]);
    expect(all).toHaveLength(1);
    expect(JSON.stringify(all)).not.toMatch(/s3cr3t|AKIA/);
  });

  describe("Azure resources that take their resource group's location", () => {
    const group = (name: string, properties: Record<string, unknown>) => ({ type: "azure-native:resources:ResourceGroup", urn: `urn:pulumi:dev::app::azure-native:resources:ResourceGroup::${name}`, name, properties });
    const account = (name: string, resourceGroupName: unknown, groupUrn?: string): Resource => ({
      type: "azure-native:storage:StorageAccount",
      urn: `urn:pulumi:dev::app::azure-native:storage:StorageAccount::${name}`,
      name,
      properties: { resourceGroupName, tags: { "data-classification": "health" } },
      ...(groupUrn ? { propertyDependencies: { resourceGroupName: [groupUrn] } } : {}),
    });

    it("preview: the group is only an output, so Analyze waits and AnalyzeStack judges", async () => {
      await session.configure({});
      const rg = group("rg", { location: "westus", resourceGroupName: "rg1234567" });
      const { analyze, stack } = await deploy([rg, account("dossiers", UNKNOWN, rg.urn)]);
      expect(analyze).toEqual([]);
      expect(summary(stack)).toEqual(["health-requires-hds dossiers mandatory"]);
      expect(stack[0]!.message).toContain("Microsoft Azure westus (California, United States)");
    });

    it("update: the group's name is known, so Analyze blocks before the create", async () => {
      await session.configure({});
      const france = group("sante-france", { location: "francecentral", resourceGroupName: "sante-france1a2b3c4" });
      const us = group("sante-us", { location: "eastus", resourceGroupName: "sante-us5d6e7f8" });
      const { analyze, stack } = await deploy([france, account("dossiers", "sante-france1a2b3c4", france.urn), us, account("dossiers-us", "sante-us5d6e7f8", us.urn)], { dryRun: false });
      expect(summary(analyze)).toEqual(["health-requires-hds dossiers-us mandatory"]);
      expect(stack).toEqual([]);
    });

    it("a group this run has not seen leaves the location unknown: a finding, not a guess", async () => {
      await session.configure({});
      expect(summary((await deploy([account("dossiers", "rg-existant")], { dryRun: false })).analyze)).toEqual(["location-must-be-known dossiers mandatory"]);
    });
  });

  describe("copies", () => {
    const replication = (name: string, properties: Record<string, unknown>, deps?: Record<string, string[]>): Resource => ({
      type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
      urn: `urn:pulumi:dev::app::aws:s3/bucketReplicationConfig:BucketReplicationConfig::${name}`,
      name,
      properties,
      provider: awsProvider("eu-west-3"),
      ...(deps ? { propertyDependencies: deps } : {}),
    });
    const source = bucket("registre", { bucket: "registre-7c1d2e3", tags: { "data-classification": "personal" } });
    const destination = bucket("copie", { bucket: "copie-4f5a6b7" }, awsProvider("us-east-1"));

    it("update: the replication is blocked before its create, and says whose data it copies", async () => {
      await session.configure({});
      const { analyze, stack } = await deploy([source, destination, replication("repl", { bucket: "registre-7c1d2e3", rules: [{ destination: { bucket: "arn:aws:s3:::copie-4f5a6b7" } }] })], { dryRun: false });
      // The bucket itself is in the EU (an advisory about non-EU law); its replica in the US is not.
      expect(summary(analyze)).toEqual([
        "classification-required copie advisory",
        "classification-required repl advisory",
        "personal-stays-in-eu registre advisory",
        "personal-stays-in-eu repl mandatory",
      ]);
      expect(analyze.find((d) => d.urn.endsWith("repl") && d.enforcementLevel === LEVEL.mandatory)!.message).toMatch(/^Data of registre, copied by this resource: .*\(replica\) on Amazon Web Services us-east-1/);
      expect(stack).toEqual([]);
    });

    it("preview: the ends are outputs, so the stack judges the copy", async () => {
      await session.configure({});
      const { analyze, stack } = await deploy([source, destination, replication("repl", { bucket: UNKNOWN, rules: [{ destination: { bucket: UNKNOWN } }] }, { bucket: [source.urn], rules: [destination.urn] })]);
      expect(summary(analyze)).toEqual(["classification-required copie advisory", "classification-required repl advisory", "personal-stays-in-eu registre advisory"]);
      expect(summary(stack)).toEqual(["personal-stays-in-eu registre mandatory"]);
      expect(stack[0]!.message).toContain("(replica) on Amazon Web Services us-east-1");
    });

    it("an RDS read replica in another region and CloudFront over a bucket, before their create", async () => {
      await session.configure({});
      const db = { type: "aws:rds/instance:Instance", urn: "urn:pulumi:dev::app::aws:rds/instance:Instance::annuaire", name: "annuaire", properties: { identifier: "annuaire-db", tags: { "data-classification": "health" } }, provider: awsProvider("eu-west-3") };
      const replica = { ...db, urn: "urn:pulumi:dev::app::aws:rds/instance:Instance::replica", name: "replica", properties: { replicateSourceDb: "arn:aws:rds:eu-west-3:123456789012:db:annuaire-db" }, provider: awsProvider("us-east-1") };
      const cdn = { type: "aws:cloudfront/distribution:Distribution", urn: "urn:pulumi:dev::app::aws:cloudfront/distribution:Distribution::cdn", name: "cdn", properties: { origins: [{ domainName: "registre-7c1d2e3.s3.eu-west-3.amazonaws.com" }] }, provider: awsProvider("eu-west-3") };
      const { analyze } = await deploy([db, replica, source, cdn], { dryRun: false });
      expect(summary(analyze)).toEqual([
        "classification-required cdn advisory",
        "classification-required replica advisory",
        "health-requires-hds annuaire mandatory",
        "health-requires-hds replica mandatory",
        "location-must-be-known cdn mandatory",
        "personal-stays-in-eu cdn mandatory",
        "personal-stays-in-eu registre advisory",
      ]);
    });
  });

  it("an invalid configuration blocks every resource before its create, and the stack", async () => {
    await session.configure({ souverain: { properties: { catalog: { providers: { mine: { name: "no source" } } } } } });
    const { analyze, stack } = await deploy([bucket("public", { tags: { "data-classification": "public" } })]);
    // The settings policy says why; every rule policy blocks too, in case the settings policy is disabled.
    const everyPolicy = ["souverain", ...Object.keys(rules)];
    expect(summary(analyze)).toEqual(everyPolicy.map((id) => `${id} public mandatory`).sort());
    expect(summary(stack)).toEqual(everyPolicy.map((id) => `${id} (stack) mandatory`).sort());
    expect(analyze.find((d) => d.policyName === "souverain")!.message).toContain("could not judge this resource");
    expect(stack.find((d) => d.policyName === "souverain")!.message).toContain("could not judge this stack");
    expect([...analyze, ...stack].every((d) => d.message.includes("/catalog/providers/mine: must have required property 'source'"))).toBe(true);
  });
});
