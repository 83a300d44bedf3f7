import type { LoadedPolicy } from "@open-policy-agent/opa-wasm";

/** One evaluation of the compiled policy: `[{ result }]`, as @open-policy-agent/opa-wasm returns it. */
export interface WasmEvaluator {
  evaluate(input: unknown, entrypoint: string): unknown;
}

/** What a LoadedPolicy of @open-policy-agent/opa-wasm 1.x keeps of its instance (ABI 1.2 and later). */
interface Loaded {
  wasmInstance: WebAssembly.Instance;
  mem: WebAssembly.Memory;
  dataAddr: number;
  dataHeapPtr: number;
  minorVersion: number;
  entrypoints: Record<string, number>;
}

type OpaEval = (reserved: number, entrypoint: number, data: number, input: number, inputLength: number, heap: number, format: number) => number;

const PAGE = 64 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The SDK's `evaluate`, except that the result's end is found with `indexOf` rather than a JavaScript
 * loop over every byte. Its single-call entry point (opa_eval) is used the way the SDK uses it: the
 * input is written after the data, the heap starts after the input, so nothing outlives a call. A
 * policy of another ABI is evaluated by the SDK itself.
 */
export function wasmEvaluator(policy: LoadedPolicy): WasmEvaluator {
  const loaded = policy as unknown as Loaded;
  const opaEval = (loaded.wasmInstance?.exports as { opa_eval?: OpaEval } | undefined)?.opa_eval;
  if (!(loaded.minorVersion >= 2) || typeof opaEval !== "function") return policy;
  return {
    evaluate(input, entrypoint) {
      const id = loaded.entrypoints[entrypoint];
      if (id === undefined) throw new Error(`entrypoint ${entrypoint} is not in the policy`);
      const bytes = encoder.encode(JSON.stringify(input));
      const at = loaded.dataHeapPtr;
      const missing = at + bytes.length - loaded.mem.buffer.byteLength;
      if (missing > 0) loaded.mem.grow(Math.ceil(missing / PAGE));
      new Uint8Array(loaded.mem.buffer).set(bytes, at);
      const result = opaEval(0, id, loaded.dataAddr, at, bytes.length, at + bytes.length, 0);
      const memory = new Uint8Array(loaded.mem.buffer);
      const end = memory.indexOf(0, result);
      return JSON.parse(decoder.decode(memory.subarray(result, end < 0 ? memory.length : end)));
    },
  };
}
