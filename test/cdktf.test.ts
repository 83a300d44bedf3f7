import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { enforce } from "../src/cdktf/enforce.js";
import { fromTerraformJson } from "../src/terraform/config-json.js";
import { PersonalDataParis, SensitiveOutsideSecNumCloud } from "../examples/cdktf-aws/stacks.js";
import { SensitiveOnGooglePublic, SensitiveOnS3ns } from "../examples/cdktf-s3ns/stacks.js";
import { judge } from "./helpers/engine.js";

/** The part of cdktf / cdktn (same API) the tests use. */
interface Framework {
  App: new (options?: { outdir?: string }) => { synth(): void; node: unknown };
  TerraformStack: new (scope: unknown, id: string) => object;
  TerraformVariable: new (scope: unknown, id: string, options: object) => { stringValue: string };
  Testing: { synth(stack: object): string; app(): unknown };
}
interface AwsModules {
  AwsProvider: new (scope: object, id: string, config: object) => object;
  S3Bucket: new (scope: object, id: string, config: object) => object;
}

const frameworks: Record<string, () => Promise<{ core: Framework; aws: AwsModules }>> = {
  cdktf: async () => ({
    core: (await import("cdktf")) as unknown as Framework,
    aws: { ...(await import("@cdktf/provider-aws/lib/provider/index.js")), ...(await import("@cdktf/provider-aws/lib/s3-bucket/index.js")) } as unknown as AwsModules,
  }),
  "cdktn (CDK Terrain)": async () => ({
    core: (await import("cdktn")) as unknown as Framework,
    aws: { ...(await import("@cdktn/provider-aws/lib/provider/index.js")), ...(await import("@cdktn/provider-aws/lib/s3-bucket/index.js")) } as unknown as AwsModules,
  }),
};

const verdicts = (json: string, file = "cdk.tf.json") => {
  const { resources, findings } = judge(fromTerraformJson(JSON.parse(json), file).resources);
  return {
    where: Object.fromEntries(resources.map((r) => [r.id, [r.placements[0]!.cloud, r.placements[0]!.region, r.classes.join(",")]])),
    mandatory: findings.filter((f) => f.enforcement === "mandatory").map((f) => `${f.resource} ${f.policy}`).sort(),
  };
};

describe("the cdktf examples, synthesised by the real cdktf and @cdktf/provider-aws, judged resource by resource", () => {
  it("personal data in Paris: default tags and a variable's default region; nothing mandatory", async () => {
    const { Testing } = await import("cdktf");
    const stack = new PersonalDataParis(Testing.app(), "personal");
    const { where, mandatory } = verdicts(Testing.synth(stack));
    expect(where).toEqual({
      "aws_s3_bucket.pieces-justificatives": ["aws", "eu-west-3", "personal"],
      "aws_db_instance.annuaire": ["aws", "eu-west-3", "personal"],
      // IAM is global and holds no data: the provider's default tags do not classify it.
      "aws_iam_role.lecture": ["aws", undefined, ""],
    });
    expect(mandatory).toEqual([]);
  });

  it("sensitive and archival data through an alias and a per-resource region: blocked", async () => {
    const { Testing } = await import("cdktf");
    const stack = new SensitiveOutsideSecNumCloud(Testing.app(), "sensitive");
    const { where, mandatory } = verdicts(Testing.synth(stack));
    expect(where).toEqual({
      "aws_s3_bucket.notes-cabinet": ["aws", "eu-west-3", "sensitive"],
      "aws_s3_bucket.dossiers-rh": ["aws", "eu-west-1", "archive,personal"],
      "aws_s3_bucket.archives-etat-civil": ["aws", "us-east-1", "archive"],
    });
    expect(mandatory).toEqual([
      "aws_s3_bucket.archives-etat-civil archives-stay-in-france",
      "aws_s3_bucket.dossiers-rh archives-stay-in-france",
      "aws_s3_bucket.notes-cabinet sensitive-requires-secnumcloud",
    ]);
  });

  it("the Google provider with the s3nsapis.fr universe domain is S3NS; public Google Paris is not", async () => {
    const { Testing } = await import("cdktf");
    expect(verdicts(Testing.synth(new SensitiveOnS3ns(Testing.app(), "s3ns")))).toEqual({
      where: { "google_storage_bucket.dossiers-sensibles": ["s3ns", "u-france-east1", "sensitive"] },
      mandatory: [],
    });
    expect(verdicts(Testing.synth(new SensitiveOnGooglePublic(Testing.app(), "gcp"))).mandatory).toEqual([
      "google_storage_bucket.dossiers-sensibles sensitive-requires-secnumcloud",
    ]);
  });
});

describe.each(Object.keys(frameworks))("Souverain.enforce with %s", (name) => {
  const build = async (violating: boolean) => {
    const { core, aws } = await frameworks[name]!();
    const app = new core.App({ outdir: mkdtempSync(join(tmpdir(), "souverain-synth-")) });
    const stack = new core.TerraformStack(app, violating ? "violating" : "compliant");
    const region = new core.TerraformVariable(stack, "region", { type: "string", default: "eu-west-3" });
    new aws.AwsProvider(stack, "aws", { region: region.stringValue, defaultTags: [{ tags: { "data-classification": "personal" } }] });
    const ireland = new aws.AwsProvider(stack, "ireland", { region: "eu-west-1", alias: "ireland" });
    new aws.S3Bucket(stack, "annuaire", { bucket: "annuaire" });
    if (violating) {
      new aws.S3Bucket(stack, "sensible", { bucket: "sensible", tags: { "data-classification": "sensitive" } });
      new aws.S3Bucket(stack, "archives", { provider: ireland, bucket: "archives", tags: { "data-classification": "archive" } });
      new aws.S3Bucket(stack, "archives-us", { region: "us-east-1", bucket: "archives-us", tags: { "data-classification": "archive" } });
    }
    return app;
  };

  it("fails the synth with every mandatory finding", async () => {
    const app = await build(true);
    const warnings: string[] = [];
    enforce(app as never, { warn: (line) => warnings.push(line) });
    let error: Error | undefined;
    try {
      app.synth();
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(/validation failed/);
    const lines = error!.message.split("\n").filter((l) => l.includes("souverain "));
    expect(lines).toHaveLength(3);
    expect(lines.join("\n")).toContain("[violating] souverain sensitive-requires-secnumcloud: aws_s3_bucket.sensible: sensitive data on Amazon Web Services eu-west-3 (Paris, France)");
    expect(lines.join("\n")).toContain("[violating] souverain archives-stay-in-france: aws_s3_bucket.archives: public archive data on Amazon Web Services eu-west-1 (Ireland)");
    expect(lines.join("\n")).toContain("[violating] souverain archives-stay-in-france: aws_s3_bucket.archives-us: public archive data on Amazon Web Services us-east-1");
    expect(warnings.some((w) => w.startsWith("[violating] souverain personal-stays-in-eu: aws_s3_bucket.annuaire"))).toBe(true);
  });

  it("lets a compliant stack synthesise, printing the advisory findings", async () => {
    const app = await build(false);
    const warnings: string[] = [];
    enforce(app as never, { warn: (line) => warnings.push(line), lang: "fr" });
    expect(() => app.synth()).not.toThrow();
    expect(warnings).toEqual([expect.stringContaining("[compliant] souverain personal-stays-in-eu\u00a0: aws_s3_bucket.annuaire\u00a0: données personnelles sur Amazon Web Services eu-west-3")]);
  });

  const exemptionsFor = (stack: string) =>
    ["aws_s3_bucket.sensible", "aws_s3_bucket.archives", "aws_s3_bucket.archives-us"].map((resource) => ({
      rule: resource.endsWith("sensible") ? "sensitive-requires-secnumcloud" : "archives-stay-in-france",
      resource: `${stack}/${resource}`,
      justification: "DINUM-TEST",
      expires: "2999-01-01",
    }));

  it("honours exemptions from the configuration, naming resources by stack/address", async () => {
    const app = await build(true);
    const warnings: string[] = [];
    enforce(app as never, { config: { exemptions: exemptionsFor("violating") }, warn: (line) => warnings.push(line) });
    expect(() => app.synth()).not.toThrow();
    expect(warnings.filter((w) => w.includes("[exempt until 2999-01-01: DINUM-TEST]"))).toHaveLength(3);
  });

  it("an exemption for another stack, or without the stack, covers nothing", async () => {
    for (const exemptions of [exemptionsFor("compliant"), exemptionsFor("violating").map((e) => ({ ...e, resource: e.resource.replace("violating/", "") }))]) {
      const app = await build(true);
      enforce(app as never, { config: { exemptions }, warn: () => undefined });
      expect(() => app.synth()).toThrow(/validation failed/);
    }
  });
});
