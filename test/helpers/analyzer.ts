/**
 * Drives the policy pack the way the Pulumi engine does: a stand-in engine gRPC server for its logs,
 * the pack started with @pulumi/pulumi's run-policy-pack, and the real Analyzer protocol.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { repoRoot } from "./root.js";

const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/no-explicit-any -- generated protobuf classes are untyped here */
const grpc = require("@grpc/grpc-js") as any;
const analyzerRpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb.js") as any;
const analyzer = require("@pulumi/pulumi/proto/analyzer_pb.js") as any;
const engineRpc = require("@pulumi/pulumi/proto/engine_grpc_pb.js") as any;
const { Empty } = require("google-protobuf/google/protobuf/empty_pb.js") as any;
const { Struct } = require("google-protobuf/google/protobuf/struct_pb.js") as any;

export const PACK_DIR = join(repoRoot, "packs", "souverain");
/** How the engine marks a value only known after the update, and a secret, in property structs. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });

export interface Diagnostic { policyName: string; message: string; urn: string; enforcementLevel: number }
export const LEVEL = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 } as const;

export interface Resource {
  type: string;
  urn: string;
  name: string;
  properties: Record<string, unknown>;
  provider?: { type: string; urn: string; name: string; properties: Record<string, unknown> };
  propertyDependencies?: Record<string, string[]>;
}

const call = <T>(client: any, method: string, request: unknown): Promise<T> =>
  new Promise((resolve, reject) => client[method](request, (error: Error | null, response: T) => (error ? reject(error) : resolve(response))));

/** The fields AnalyzerProviderResource, AnalyzerResource and AnalyzeRequest share. */
function withIdentity(m: any, r: { type: string; urn: string; name: string; properties: Record<string, unknown> }): any {
  m.setType(r.type);
  m.setUrn(r.urn);
  m.setName(r.name);
  m.setProperties(Struct.fromJavaScript(r.properties));
  return m;
}

/** What AnalyzerResource and AnalyzeRequest share beyond identity: options and provider. */
function withResourceFields(m: any, r: Resource): any {
  withIdentity(m, r);
  m.setOptions(new analyzer.AnalyzerResourceOptions());
  if (r.provider) m.setProvider(withIdentity(new analyzer.AnalyzerProviderResource(), r.provider));
  return m;
}

function resourceMessage(r: Resource): any {
  const m = withResourceFields(new analyzer.AnalyzerResource(), r);
  for (const [property, urns] of Object.entries(r.propertyDependencies ?? {})) {
    const deps = new analyzer.AnalyzerPropertyDependencies();
    deps.setUrnsList(urns);
    m.getPropertydependenciesMap().set(property, deps);
  }
  return m;
}

const diagnostics = (response: any): Diagnostic[] =>
  response.getDiagnosticsList().map((d: any) => ({ policyName: d.getPolicyname(), message: d.getMessage(), urn: d.getUrn(), enforcementLevel: d.getEnforcementlevel() }));

export class AnalyzerSession {
  private constructor(
    private readonly process: ChildProcess,
    private readonly engine: any,
    private readonly client: any,
    readonly logs: string[],
    readonly startupMs: number,
  ) {}

  /** Starts a stand-in engine and the pack, as `pulumi preview --policy-pack packs/souverain` would. */
  static async start(packDir = PACK_DIR): Promise<AnalyzerSession> {
    const logs: string[] = [];
    const engine = new grpc.Server();
    engine.addService(engineRpc.EngineService, {
      log: (c: any, done: any) => { logs.push(c.request.getMessage()); done(null, new Empty()); },
      getRootResource: (_: any, done: any) => done(null, new (require("@pulumi/pulumi/proto/engine_pb.js").GetRootResourceResponse)()),
      setRootResource: (_: any, done: any) => done(null, new (require("@pulumi/pulumi/proto/engine_pb.js").SetRootResourceResponse)()),
    });
    const enginePort: number = await new Promise((resolve, reject) =>
      engine.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e: Error | null, port: number) => (e ? reject(e) : resolve(port))));
    const started = performance.now();
    const child = spawn(process.execPath, [require.resolve("@pulumi/pulumi/cmd/run-policy-pack"), `127.0.0.1:${enginePort}`, "."], { cwd: packDir, stdio: ["ignore", "pipe", "pipe"] });
    child.stderr!.on("data", (chunk) => logs.push(String(chunk)));
    const port: string = await new Promise((resolve, reject) => {
      createInterface({ input: child.stdout! }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`pack exited with ${code}: ${logs.join("")}`)));
    });
    const startupMs = performance.now() - started;
    const client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${port.trim()}`, grpc.credentials.createInsecure());
    return new AnalyzerSession(child, engine, client, logs, startupMs);
  }

  async info(): Promise<{ name: string; policies: { name: string; description: string; enforcementLevel: number; remediationSteps: string; url: string; configSchema?: Record<string, unknown>; framework?: string }[] }> {
    const info: any = await call(this.client, "getAnalyzerInfo", new Empty());
    return {
      name: info.getName(),
      policies: info.getPoliciesList().map((p: any) => ({
        name: p.getName(),
        description: p.getDescription(),
        enforcementLevel: p.getEnforcementlevel(),
        remediationSteps: p.getRemediationSteps(),
        url: p.getUrl(),
        configSchema: p.getConfigschema()?.getProperties()?.toJavaScript(),
        framework: p.getFramework()?.getName(),
      })),
    };
  }

  /** `--policy-pack-config`: policy name -> enforcement level and properties. */
  async configure(config: Record<string, { enforcementLevel?: keyof typeof LEVEL; properties?: Record<string, unknown> }>): Promise<void> {
    const request = new analyzer.ConfigureAnalyzerRequest();
    for (const [name, c] of Object.entries(config)) {
      const pc = new analyzer.PolicyConfig();
      pc.setEnforcementlevel(LEVEL[c.enforcementLevel ?? "mandatory"]);
      pc.setProperties(Struct.fromJavaScript(c.properties ?? {}));
      request.getPolicyconfigMap().set(name, pc);
    }
    await call(this.client, "configure", request);
  }

  async configureStack(tags: Record<string, string>, dryRun = true): Promise<void> {
    const request = new analyzer.AnalyzerStackConfigureRequest();
    request.setStack("dev");
    request.setProject("app");
    request.setOrganization("organization");
    request.setDryRun(dryRun);
    for (const [k, v] of Object.entries(tags)) request.getTagsMap().set(k, v);
    await call(this.client, "configureStack", request);
  }

  async analyze(r: Resource): Promise<Diagnostic[]> {
    return diagnostics(await call(this.client, "analyze", withResourceFields(new analyzer.AnalyzeRequest(), r)));
  }

  async analyzeStack(resources: Resource[]): Promise<Diagnostic[]> {
    const request = new analyzer.AnalyzeStackRequest();
    request.setResourcesList(resources.map(resourceMessage));
    return diagnostics(await call(this.client, "analyzeStack", request));
  }

  async stop(): Promise<void> {
    this.client.close();
    this.process.kill();
    await new Promise((resolve) => this.engine.tryShutdown(resolve));
  }
}
