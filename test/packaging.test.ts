/**
 * What is published: manifests without the repository's scripts, a Node range every shipped
 * dependency supports, and a pack package that starts no server when it is only required.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AnalyzerSession, PACK_DIR } from "./helpers/analyzer.js";
import { repoRoot } from "./helpers/root.js";

interface Manifest { name: string; version: string; engines: { node: string }; dependencies?: Record<string, string>; peerDependencies?: Record<string, string>; scripts?: object; workspaces?: object }
interface Locked { engines?: { node?: string } | string[]; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }

const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
const lock = (JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8")) as { packages: Record<string, Locked> }).packages;

/** Every installed package a dependency pulls in, as npm resolves it (nearest node_modules up the tree). */
function closure(names: string[]): Map<string, Locked> {
  const found = new Map<string, Locked>();
  const queue = names.map((name) => ({ name, from: "" }));
  while (queue.length) {
    const { name, from } = queue.pop()!;
    let key: string | undefined;
    for (let base = from; key === undefined; base = base.includes("/node_modules/") ? base.slice(0, base.lastIndexOf("/node_modules/")) : "") {
      const candidate = `${base ? `${base}/` : ""}node_modules/${name}`;
      if (lock[candidate]) key = candidate;
      else if (!base) break;
    }
    if (key === undefined) throw new Error(`${name} (needed by ${from || "the package"}) is not in package-lock.json`);
    if (found.has(key)) continue;
    found.set(key, lock[key]!);
    for (const dep of Object.keys({ ...lock[key]!.dependencies, ...lock[key]!.optionalDependencies })) queue.push({ name: dep, from: key });
  }
  return found;
}

/**
 * Whether a version satisfies an npm engines range, for the forms these ranges use: ||, >=, >, <, <=,
 * ^, a bare major ("20"), x-ranges ("8.*") and space-separated comparators that must all hold.
 */
function satisfies(version: string, range: string): boolean {
  const v = version.split(".").map(Number);
  const cmp = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  const parts = (text: string) => text.split(".").map((p) => (p === "*" || p === "x" ? undefined : Number(p)));
  const comparator = (c: string): boolean => {
    const [, op = "", text] = /^(>=|<=|>|<|\^|~|=)?\s*(.+)$/.exec(c)!;
    const [major, minor, patch] = parts(text!);
    const floor = [major ?? 0, minor ?? 0, patch ?? 0];
    if (op === ">=") return cmp(v, floor) >= 0;
    if (op === ">") return cmp(v, floor) > 0;
    if (op === "<") return cmp(v, floor) < 0;
    if (op === "<=") return cmp(v, floor) <= 0;
    if (op === "^") return cmp(v, floor) >= 0 && v[0] === floor[0];
    if (op === "~") return cmp(v, floor) >= 0 && v[0] === floor[0] && v[1] === floor[1];
    return [major, minor, patch].every((p, i) => p === undefined || p === v[i]);
  };
  return range.split("||").some((alternative) => alternative.trim().replace(/(>=|<=|>|<|\^|~|=)\s+/g, "$1").split(/\s+/).every(comparator));
}

/** The Node versions a range admits, sampled: each major from 18 to 30 at its first, a middle and a late minor. */
const admitted = (range: string): string[] =>
  Array.from({ length: 13 }, (_, i) => 18 + i).flatMap((major) => [0, 9, 12, 17, 19, 99].map((minor) => `${major}.${minor}.0`)).filter((v) => satisfies(v, range));

describe("the Node range", () => {
  const shipped = {
    souverain: { manifest: manifest(repoRoot), dependencies: Object.keys(manifest(repoRoot).dependencies!) },
    // The pack depends on the engine and on @pulumi/policy and @pulumi/pulumi, which it installs.
    "@souverain/pulumi-policy-pack": { manifest: manifest(PACK_DIR), dependencies: Object.keys(manifest(PACK_DIR).dependencies!).filter((d) => d !== "souverain") },
  };

  it("reads ranges as npm does", () => {
    expect([satisfies("20.19.0", "^20.17.0 || >=22.9.0"), satisfies("21.7.0", "^20.17.0 || >=22.9.0"), satisfies("22.8.0", "^20.17.0 || >=22.9.0")]).toEqual([true, false, false]);
    expect([satisfies("14.17.0", ">=16 || 14 >=14.17"), satisfies("14.16.0", ">=16 || 14 >=14.17"), satisfies("9.0.0", "6.* || 8.* || >= 10.*")]).toEqual([true, false, false]);
  });

  it("is the same for both packages, and every dependency they ship supports every version in it", () => {
    expect(shipped.souverain.manifest.engines.node).toBe(shipped["@souverain/pulumi-policy-pack"].manifest.engines.node);
    for (const { manifest: m, dependencies } of Object.values(shipped)) {
      const versions = admitted(m.engines.node);
      expect(versions.length).toBeGreaterThan(10);
      const unsupported = [...closure(dependencies)].flatMap(([key, p]) => {
        const range = !Array.isArray(p.engines) ? p.engines?.node : undefined;
        return range ? versions.filter((v) => !satisfies(v, range)).map((v) => `${key} (${range}) on Node ${v}`) : [];
      });
      expect(unsupported, `${m.name} ${m.engines.node}`).toEqual([]);
    }
  });

  it("the dependencies of the pack's peers (Pulumi) rule out Node 21 and 22 before 22.9: the range says so", () => {
    expect(admitted(manifest(repoRoot).engines.node).some((v) => v.startsWith("21.") || v === "22.0.0")).toBe(false);
  });
});

describe("the published manifests", () => {
  const out = mkdtempSync(join(tmpdir(), "souverain-release-"));
  const tarballs = () => execFileSync(process.execPath, [join(repoRoot, "scripts", "pack-release.mjs"), out], { encoding: "utf8" }).trim().split("\n");
  const publishedManifest = (tarball: string) => JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" })) as Manifest;

  it("have no prepare (no scripts at all) and no workspaces; the rest is the repository's", () => {
    const [engine, pack] = tarballs();
    const published = publishedManifest(engine!);
    const { scripts, workspaces, ...rest } = manifest(repoRoot);
    expect(scripts).toHaveProperty("prepare");
    expect(workspaces).toBeDefined();
    expect(published).toEqual(rest);
    expect(publishedManifest(pack!)).toMatchObject({ name: "@souverain/pulumi-policy-pack", dependencies: { souverain: `^${rest.version}` } });
    expect(publishedManifest(pack!)).not.toHaveProperty("scripts");
    const files = execFileSync("tar", ["-tzf", engine!], { encoding: "utf8" }).split("\n");
    expect(files).toEqual(expect.arrayContaining(["package/dist/cli/main.js", "package/bin/souverain.js", "package/policies/compiled/souverain.wasm", "package/schemas/baseline.schema.json", "package/README.md"]));
    expect(files.filter((f) => f.startsWith("package/src/") || f.startsWith("package/test/"))).toEqual([]);
  }, 300_000);
});

describe("the policy pack package", () => {
  it("starts nothing when required: it exports how to build the pack, and the process ends at once", () => {
    const run = spawnSync(process.execPath, ["-e", `const pack = require(${JSON.stringify(PACK_DIR)}); console.log(typeof pack)`], { cwd: PACK_DIR, encoding: "utf8", timeout: 20_000 });
    expect(run.signal).toBeNull();
    expect(run).toMatchObject({ status: 0, stdout: "function\n", stderr: "" });
  });

  it("still serves when Pulumi runs it (run-policy-pack)", async () => {
    const session = await AnalyzerSession.start();
    try {
      expect((await session.info()).policies.length).toBeGreaterThan(1);
    } finally {
      await session.stop();
    }
  });
});
