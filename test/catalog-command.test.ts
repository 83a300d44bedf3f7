import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function souverain(...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/souverain.js", ...args], { encoding: "utf8", env: { ...process.env, LANG: "C", NO_COLOR: "1" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("souverain catalog", () => {
  it("lists every cloud with its regions and offers, each with status, source and date", () => {
    const run = souverain("catalog");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^Souverain catalog of \d{4}-\d{2}-\d{2} /);
    for (const id of ["aws", "s3ns", "ovh", "cloudtemple", "cloudavenue", "oodrive", "numergy"]) expect(run.stdout).toMatch(new RegExp(`^${id}  `, "m"));
    expect(run.stdout).toContain("    u-france-east1  FR  France East; source: ");
    expect(run.stdout).toContain("      SecNumCloud: qualified (qualified on 2025-12-17); source: SecNumCloud 3.2 qualification on 17 December 2025");
  });

  it("shows one provider, by id or alias, with its service-scoped offers", () => {
    const run = souverain("catalog", "ovhcloud");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ovh  OVHcloud \(seat FR, law FR\)/m);
    expect(run.stdout).not.toMatch(/^aws  /m);
    expect(run.stdout).toContain("    ovh-hosted-private-cloud-snc  Hosted Private Cloud (VMware) SecNumCloud  [services hosted-private-cloud-secnumcloud]");
    expect(run.stdout).toContain("      runs in: FR, France (Roubaix, Strasbourg); source: ");
    expect(run.stdout).toMatch(/SecNumCloud: unverified; source: Qualified SecNumCloud 3\.1 around 2021 .* \(2026-11-24\)/);
  });

  it("gives JSON, and says retired clouds' dates only when sourced", () => {
    const run = souverain("catalog", "numergy", "--format", "json");
    expect(run.code).toBe(0);
    const shown = JSON.parse(run.stdout) as { asOf: string; providers: Record<string, { retired: { date?: string } }> };
    expect(Object.keys(shown.providers)).toEqual(["numergy"]);
    expect(shown.providers.numergy!.retired.date).toBeUndefined();
  });

  it("refuses a provider it does not know: one line, exit 2", () => {
    const run = souverain("catalog", "digitalocean");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^souverain: no provider "digitalocean" in the catalog \(known: aws, /);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});
