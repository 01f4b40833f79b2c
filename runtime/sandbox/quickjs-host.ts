/**
 * Owns one QuickJS wasm module instance at a time: its limits, its booted VM library, and
 * its replacement. Browser-safe: the same file runs in a worker thread and in a Web Worker.
 *
 * Every call into the VM goes through `call`, which arms the deadline, turns whatever goes
 * wrong into a SandboxError, and recycles the module after a host-side failure, a memory
 * error, or large memory growth: wasm memory never shrinks, and after an out-of-memory
 * QuickJS's heap cannot be trusted. A fresh VM costs ~5–20 ms to instantiate (less with a
 * shared compiled module) plus ~40 ms to evaluate the VM library and harden the context.
 */
import RELEASE_SYNC from '@jitl/quickjs-wasmfile-release-sync';
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type VmCallResult,
} from 'quickjs-emscripten-core';
import { clip, kindOfVmError, limitMessage, type SandboxError, type SandboxErrorKind } from './sandbox-error';
import { MAX_STACK_BYTES, memoryPlan, resolveLimits, type SandboxLimits } from './sandbox-limits';
import { VM_LIBRARY_SOURCE } from './vm-library.gen';

/** A booted VM: the context plus handles to the frozen driver's functions (vm/entry.ts). */
export interface VmInstance {
  readonly vm: QuickJSContext;
  readonly runtime: QuickJSRuntime;
  readonly prepareProgram: QuickJSHandle;
  readonly prepareScript: QuickJSHandle;
  /** Increments with every module instance; handles from an older generation are dead. */
  readonly generation: number;
  /** Throws VmFailure for a failed VM call, else returns its value handle. */
  unwrap(result: VmCallResult<QuickJSHandle>): QuickJSHandle;
}

/** A VM call that failed; `call` turns it into a SandboxError. */
export class VmFailure extends Error {
  constructor(
    readonly vmName: string,
    message: string,
  ) {
    super(message);
  }
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SandboxError };

export interface QuickJSHost {
  readonly limits: SandboxLimits;
  /** Runs `run` against the current instance under the deadline; never throws for VM failures. */
  call<T>(args: { timeoutMs?: number; run: (vm: VmInstance) => T }): Promise<Outcome<T>>;
  stats(): { generation: number; recycles: number; wasmBytes: number };
  /** Drops the module instance; the next call starts a fresh one. */
  recycle(): void;
}

/** The slice of WebAssembly used here (the runtime tsconfig has no DOM lib to declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
const { Memory } = (globalThis as unknown as { WebAssembly: { Memory: new (d: { initial: number; maximum: number }) => WasmMemory } })
  .WebAssembly;

/** Generous: the library evaluates in ~10 ms, but a cold start in CI can be slow. */
const BOOT_TIMEOUT_MS = 10_000;
/** Reading a thrown value's name and message must not hang on a hostile getter. */
const DESCRIBE_TIMEOUT_MS = 100;

/** A compiled WebAssembly.Module (opaque here: the runtime tsconfig has no DOM lib). */
export type CompiledWasm = object;

export async function createQuickJSHost({
  limits: partial,
  wasmModule,
}: {
  limits?: Partial<SandboxLimits>;
  /**
   * The QuickJS wasm, compiled once and shared: new instances (recycles, worker threads)
   * then skip compiling it and run on code V8 has already optimised. Without it each
   * instance compiles its own copy from the file.
   */
  wasmModule?: CompiledWasm;
} = {}): Promise<QuickJSHost> {
  const limits = resolveLimits(partial);
  const plan = memoryPlan(limits);
  // A fresh capped Memory per module instance: the hard memory limit (sandbox-limits.ts).
  const variant = newVariant(RELEASE_SYNC, {
    wasmMemory: () => new Memory({ initial: plan.initialPages, maximum: plan.maximumPages }) as never,
    ...(wasmModule ? { wasmModule: wasmModule as never } : {}),
  });
  let deadline = Infinity;
  let interruptedFor: 'timeout' | 'memory' | undefined;
  let current: (VmInstance & { memory: WasmMemory }) | undefined;
  let starting: Promise<VmInstance & { memory: WasmMemory }> | undefined;
  let generation = 0;
  let recycles = 0;

  async function start() {
    const module = await newQuickJSWASMModuleFromVariant(variant);
    const memory: WasmMemory = module.getWasmMemory();
    const runtime = module.newRuntime();
    runtime.setMaxStackSize(MAX_STACK_BYTES);
    runtime.setMemoryLimit(limits.memoryBytes);
    runtime.setInterruptHandler(() => {
      if (performance.now() > deadline) interruptedFor = 'timeout';
      else if (memory.buffer.byteLength > plan.softCapBytes) interruptedFor = 'memory';
      else return false;
      return true;
    });
    const vm = runtime.newContext();
    let describe: QuickJSHandle | undefined;
    const unwrap = (result: VmCallResult<QuickJSHandle>): QuickJSHandle => {
      if (!result.error) return result.value;
      const [name, message] = describeError(vm, describe, result.error);
      throw new VmFailure(name, message);
    };
    deadline = performance.now() + BOOT_TIMEOUT_MS;
    try {
      const driver = unwrap(vm.evalCode(VM_LIBRARY_SOURCE, 'opspilot-vm-library.js')).consume((exports) =>
        vm.getProp(exports, 'boot').consume((boot) => unwrap(vm.callFunction(boot, vm.undefined))),
      );
      describe = vm.getProp(driver, 'describe');
      const prepareProgram = vm.getProp(driver, 'prepareProgram');
      const prepareScript = vm.getProp(driver, 'prepareScript');
      driver.dispose();
      generation += 1;
      return { vm, runtime, memory, prepareProgram, prepareScript, generation, unwrap };
    } finally {
      deadline = Infinity;
    }
  }

  /** A thrown value as [name, message], read by the VM driver under a short deadline of its own. */
  function describeError(vm: QuickJSContext, describe: QuickJSHandle | undefined, error: QuickJSHandle): [string, string] {
    const saved = deadline;
    deadline = performance.now() + DESCRIBE_TIMEOUT_MS;
    try {
      if (!describe) return ['Error', vm.typeof(error) === 'object' ? JSON.stringify(vm.dump(error)) : 'boot failed'];
      const result = vm.callFunction(describe, vm.undefined, error);
      if (result.error) {
        result.error.dispose();
        return ['Uncaught', 'a value that could not be read'];
      }
      return result.value.consume((pair) => [vm.getProp(pair, 0).consume(vm.getString), vm.getProp(pair, 1).consume(vm.getString)]);
    } finally {
      error.dispose();
      deadline = saved;
    }
  }

  function classify(e: unknown, timeoutMs: number): { error: SandboxError; hostSide: boolean } {
    if (e instanceof VmFailure) {
      const kind: SandboxErrorKind =
        e.message === 'interrupted' && interruptedFor ? interruptedFor : kindOfVmError(e.vmName, e.message);
      const message = kind === 'exception' ? clip(`${e.vmName}: ${e.message}`) : limitMessage(kind, { ...limits, timeoutMs });
      return { error: { kind, message }, hostSide: false };
    }
    // The wasm instance itself failed (a trap, an abort): nothing in it can be trusted. Deep C
    // recursion in QuickJS (JSON.parse of '[[[[…', String() of a deeply nested array) spends
    // the host's native stack, which wasm frames share, before QuickJS's own stack check
    // trips: V8 then throws its RangeError here. That is the stack limit, met one level down.
    const text = e instanceof Error ? e.message : String(e);
    if (e instanceof RangeError && /call stack/i.test(text)) {
      return { error: { kind: 'stack', message: limitMessage('stack', limits) }, hostSide: true };
    }
    const kind: SandboxErrorKind = /memory|OOM|alloc/i.test(text) ? 'memory' : 'exception';
    return { error: { kind, message: clip(`The sandbox failed and was restarted: ${text}`) }, hostSide: true };
  }

  const host: QuickJSHost = {
    limits,
    async call({ timeoutMs, run }) {
      if (!current) {
        // Concurrent first calls share one start.
        starting ??= start().finally(() => (starting = undefined));
        current = await starting;
      }
      const instance = current;
      const budget = timeoutMs ?? limits.timeoutMs;
      interruptedFor = undefined;
      deadline = performance.now() + budget;
      let outcome: Outcome<ReturnType<typeof run>>;
      try {
        outcome = { ok: true, value: run(instance) };
      } catch (e) {
        const { error, hostSide } = classify(e, budget);
        outcome = { ok: false, error };
        if (hostSide || error.kind === 'memory') host.recycle();
      } finally {
        deadline = Infinity;
      }
      if (current === instance && (instance.memory.buffer.byteLength > plan.recycleBytes || instance.runtime.hasPendingJob())) {
        // Pending jobs mean user code queued promise callbacks: they would run in a later call.
        host.recycle();
      }
      return outcome;
    },
    stats: () => ({ generation, recycles, wasmBytes: current?.memory.buffer.byteLength ?? 0 }),
    recycle() {
      // Dropping the references frees the instance: its heap, handles and memory go together.
      if (current) recycles += 1;
      current = undefined;
    },
  };
  return host;
}
