/**
 * A sandbox: one QuickJS instance (quickjs-host.ts) running compiled programs and script
 * steps over batches. Browser-safe: the server's worker threads and the studio's Web Worker
 * both build on this.
 *
 * A program is compiled once per VM and run context, then cached (keyed by the source and
 * the identity of the context object, so keep one RunContext per run); a recycled VM drops
 * the cache with it.
 */
import type { CompiledProgram, RunContext } from '../formula/program';
import type { EncodedBatch } from './columnar-encode';
import type { EncodedOutputs } from './columnar-decode';
import { createQuickJSHost, type CompiledWasm, type Outcome, type VmInstance } from './quickjs-host';
import type { SandboxError } from './sandbox-error';
import type { SandboxLimits } from './sandbox-limits';
import type { QuickJSHandle } from 'quickjs-emscripten-core';

export type BatchResult = { readonly ok: true; readonly outputs: EncodedOutputs } | { readonly ok: false; readonly error: SandboxError };

export interface Sandbox {
  readonly limits: SandboxLimits;
  /** One batch of a compiled program. */
  runBatch(args: { program: CompiledProgram; context: RunContext; batch: EncodedBatch; timeoutMs?: number }): Promise<BatchResult>;
  /** One batch of a script step: rows as JSON in, JSON of [0, value] | [1, message] per row out. */
  runScriptJson(args: { source: string; context: RunContext; rowsJson: string; timeoutMs?: number }): Promise<Outcome<string>>;
  /** Benchmark hook: the program alone, `reps` times over one batch already inside the VM. */
  timeProgram(args: { program: CompiledProgram; context: RunContext; batch: EncodedBatch; reps: number }): Promise<Outcome<number>>;
  /** Benchmark hook: the naive design (row records as a JSON string in, JSON string out). */
  runJsonBatch(args: { program: CompiledProgram; context: RunContext; rowsJson: string }): Promise<Outcome<string>>;
  /** generation: VM instances so far; compiles: programs and scripts compiled into a VM. */
  stats(): { generation: number; recycles: number; wasmBytes: number; compiles: number };
  /** Replaces the VM now (e.g. between untrusted users); otherwise it happens when needed. */
  recycle(): void;
}

/** Prepared programs kept per VM; the oldest is released past this. */
const MAX_PREPARED = 16;

export async function createSandbox({
  limits,
  wasmModule,
}: { limits?: Partial<SandboxLimits>; wasmModule?: CompiledWasm } = {}): Promise<Sandbox> {
  const host = await createQuickJSHost({ limits, wasmModule });
  const prepared = new Map<string, readonly QuickJSHandle[]>();
  const contextIds = new WeakMap<RunContext, number>();
  let nextContextId = 0;
  let compiles = 0;
  /** The VM generation the prepared handles belong to. */
  let generation = 0;

  function contextId(context: RunContext): number {
    let id = contextIds.get(context);
    if (id === undefined) contextIds.set(context, (id = nextContextId++));
    return id;
  }

  /** The VM-side object for `key`, compiling it (once per VM) with `prepare`. */
  function cached(instance: VmInstance, key: string, names: readonly string[], prepare: () => QuickJSHandle): readonly QuickJSHandle[] {
    if (instance.generation !== generation) {
      // A new VM: the old handles are dead, and holding them would keep the old wasm memory alive.
      prepared.clear();
      generation = instance.generation;
    }
    const hit = prepared.get(key);
    prepared.delete(key);
    if (hit) {
      prepared.set(key, hit); // most recently used last
      return hit;
    }
    const handles = prepare().consume((object) => names.map((name) => instance.vm.getProp(object, name)));
    compiles += 1;
    prepared.set(key, handles);
    if (prepared.size > MAX_PREPARED) {
      const [oldestKey, oldest] = prepared.entries().next().value!;
      prepared.delete(oldestKey);
      oldest.forEach((h) => h.dispose());
    }
    return handles;
  }

  function programHandles(instance: VmInstance, program: CompiledProgram, context: RunContext) {
    const { vm } = instance;
    // Output types are part of the key: they decide the encoding of the same source's outputs.
    const types = JSON.stringify(program.outputs.map((o) => o.type));
    const key = `p${contextId(context)}\u0000${types}\u0000${program.source}`;
    const [run, time, runJson] = cached(instance, key, ['run', 'time', 'runJson'], () => {
      const args = [vm.newString(program.source), vm.newString(JSON.stringify(context)), vm.newString(types)];
      try {
        return instance.unwrap(vm.callFunction(instance.prepareProgram, vm.undefined, args));
      } finally {
        args.forEach((h) => h.dispose());
      }
    });
    return { run, time, runJson };
  }

  /** Calls `fn` with a fresh ArrayBuffer and string holding the batch. */
  function withBatch<T>(instance: VmInstance, batch: EncodedBatch, fn: (buffer: QuickJSHandle, text: QuickJSHandle) => T): T {
    const buffer = instance.vm.newArrayBuffer(batch.buffer);
    const text = instance.vm.newString(batch.text);
    try {
      return fn(buffer, text);
    } finally {
      buffer.dispose();
      text.dispose();
    }
  }

  function callForString(instance: VmInstance, fn: QuickJSHandle, arg: string): string {
    const { vm } = instance;
    const handle = vm.newString(arg);
    try {
      return instance.unwrap(vm.callFunction(fn, vm.undefined, handle)).consume((r) => vm.getString(r));
    } finally {
      handle.dispose();
    }
  }

  return {
    limits: host.limits,
    async runBatch({ program, context, batch, timeoutMs }) {
      const result = await host.call({
        timeoutMs,
        run: (instance) => {
          const { vm } = instance;
          const { run } = programHandles(instance, program, context);
          return withBatch(instance, batch, (buffer, text) =>
            instance.unwrap(vm.callFunction(run, vm.undefined, buffer, text)).consume(
              (r): EncodedOutputs => ({
                rows: batch.rows,
                columns: program.outputs.length,
                // slice(): the view points into wasm memory, which the next call may move.
                buffer: vm.getProp(r, 0).consume((h) => vm.getArrayBuffer(h).consume((view) => view.value.slice().buffer)),
                text: vm.getProp(r, 1).consume((h) => vm.getString(h)),
                textMode: vm.getProp(r, 2).consume((h) => vm.getNumber(h)),
              }),
            ),
          );
        },
      });
      return result.ok ? { ok: true, outputs: result.value } : result;
    },
    runScriptJson({ source, context, rowsJson, timeoutMs }) {
      return host.call({
        timeoutMs,
        run: (instance) => {
          const { vm } = instance;
          const [run] = cached(instance, `s${contextId(context)}\u0000${source}`, ['run'], () => {
            const args = [vm.newString(source), vm.newString(JSON.stringify(context))];
            try {
              return instance.unwrap(vm.callFunction(instance.prepareScript, vm.undefined, args));
            } finally {
              args.forEach((h) => h.dispose());
            }
          });
          return callForString(instance, run, rowsJson);
        },
      });
    },
    timeProgram({ program, context, batch, reps }) {
      return host.call({
        timeoutMs: host.limits.timeoutMs * reps,
        run: (instance) => {
          const { vm } = instance;
          const { time } = programHandles(instance, program, context);
          const count = vm.newNumber(reps);
          try {
            return withBatch(instance, batch, (buffer, text) =>
              instance.unwrap(vm.callFunction(time, vm.undefined, buffer, text, count)).consume((r) => vm.getNumber(r)),
            );
          } finally {
            count.dispose();
          }
        },
      });
    },
    runJsonBatch({ program, context, rowsJson }) {
      return host.call({ run: (instance) => callForString(instance, programHandles(instance, program, context).runJson, rowsJson) });
    },
    stats: () => ({ ...host.stats(), compiles }),
    recycle: () => host.recycle(),
  };
}
