/**
 * The server's sandbox pool: one worker thread per core, each with its own sandbox. Node-only.
 *
 * Batches are encoded on this thread when a worker is about to need them (so a million-row
 * run never holds more than a few encoded batches), sent with their buffers transferred,
 * and decoded into place, so results come out in row order whatever order workers finish.
 * Each worker gets up to two batches at once: it starts the second while this thread
 * decodes the first. A worker that dies fails only the batch it was running; it is
 * replaced, and batches queued behind it go to the next free worker. The QuickJS wasm is
 * compiled once here and handed to every worker (compiled-wasm.ts).
 */
import { availableParallelism } from 'node:os';
import type { RunContext } from '../../formula/program';
import { encodeBatch } from '../columnar-encode';
import { decodeOutputs } from '../columnar-decode';
import { compiledQuickJSWasm } from './compiled-wasm';
import { createWorkerSlot, resolveWorkerEntry, type Job, type WorkerSlot } from './pool-worker-slot';
import type { CompiledWasm } from '../quickjs-host';
import { checkColumns, DEFAULT_BATCH_SIZE, emptyResult, type ProgramRun, type ProgramRunResult } from '../run-program';
import type { SandboxError } from '../sandbox-error';
import type { SandboxLimits } from '../sandbox-limits';
import { decodeScriptResults, encodeScriptRows, type ScriptBatchResult } from '../script';
import type { WorkerReply, WorkerRequest } from '../worker-protocol';

export interface SandboxPool {
  readonly size: number;
  /** Rejects with the signal's reason when aborted; batch failures are reported, not thrown. */
  runProgram(args: ProgramRun & { signal?: AbortSignal }): Promise<ProgramRunResult>;
  runScriptBatch(args: {
    source: string;
    context: RunContext;
    rows: readonly Readonly<Record<string, unknown>>[];
    timeoutMs?: number;
  }): Promise<ScriptBatchResult>;
  close(): Promise<void>;
}

export function createSandboxPool({
  size = availableParallelism(),
  limits,
  workerEntry = resolveWorkerEntry(),
}: { size?: number; limits?: Partial<SandboxLimits>; workerEntry?: string | URL } = {}): SandboxPool {
  const queue: Job[] = [];
  const slots: WorkerSlot[] = [];
  const contextKeys = new WeakMap<RunContext, string>();
  let nextId = 0;
  let closed = false;
  if (!(size >= 1)) throw new RangeError(`A sandbox pool needs at least one worker; got ${size}.`);
  let wasmModule: CompiledWasm | undefined;
  const compiling = compiledQuickJSWasm({ resolveFrom: workerEntry }).then((m) => (wasmModule = m));
  compiling.catch(() => {}); // reported to each submit below

  const keyOf = (context: RunContext) => {
    let key = contextKeys.get(context);
    if (key === undefined) contextKeys.set(context, (key = `c${nextId++}`));
    return key;
  };

  function pump(): void {
    if (closed || !wasmModule) return;
    if (slots.length === 0) {
      for (let i = 0; i < size; i++) slots.push(createWorkerSlot({ entry: workerEntry, workerData: { limits, wasmModule }, onIdle: pump, requeue }));
    }
    for (const depth of [1, 2]) {
      for (const slot of slots) {
        while (queue.length > 0 && slot.load() < depth) slot.send(queue.shift()!);
      }
    }
  }

  function requeue(jobs: readonly Job[]): void {
    queue.unshift(...jobs);
    pump();
  }

  function submit(runId: number, context: RunContext, make: (id: number, contextKey: string) => { request: WorkerRequest; transfer: ArrayBuffer[] }): Promise<WorkerReply> {
    if (closed) return Promise.reject(new Error('The sandbox pool is closed.'));
    return new Promise((resolve, reject) => {
      compiling.then(() => {
        queue.push({ runId, context, contextKey: keyOf(context), make, resolve });
        pump();
      }, reject);
    });
  }

  function cancel(runId: number): void {
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i].runId === runId) queue.splice(i, 1);
    // A batch cannot be interrupted from outside QuickJS but by ending its thread.
    for (const slot of slots) if (slot.hasRun(runId)) slot.restart(runId);
  }

  return {
    size,
    async runProgram({ program, context, columns, rows, batchSize = DEFAULT_BATCH_SIZE, timeoutMs, signal }) {
      signal?.throwIfAborted();
      // Checked here: batches are encoded later, on a pool callback, where a throw would be lost.
      checkColumns(program.inputs.length, columns, rows);
      const runId = nextId++;
      const { columns: out, failures } = emptyResult(program, rows);
      let onAbort = () => {};
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => (cancel(runId), reject(signal!.reason));
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      const batches: Promise<void>[] = [];
      for (let start = 0; start < rows; start += batchSize) {
        const end = Math.min(rows, start + batchSize);
        const reply = submit(runId, context, (id, contextKey) => {
          const batch = encodeBatch({ inputs: program.inputs, columns, start, end });
          return { request: { type: 'batch', id, contextKey, program, batch, timeoutMs }, transfer: [batch.buffer] };
        });
        batches.push(
          reply.then((r) => {
            if (!r.ok) failures.push({ start, end, error: r.error });
            else if ('outputs' in r) decodeOutputs({ outputs: r.outputs, into: out, at: start });
          }),
        );
      }
      aborted.catch(() => {});
      try {
        await Promise.race([Promise.all(batches), aborted]);
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
      failures.sort((a, b) => a.start - b.start);
      return { columns: out, failures };
    },
    async runScriptBatch({ source, context, rows, timeoutMs }) {
      const rowsJson = encodeScriptRows(rows);
      const reply = await submit(nextId++, context, (id, contextKey) => ({
        request: { type: 'script', id, contextKey, source, rowsJson, timeoutMs },
        transfer: [],
      }));
      if (!reply.ok) return { ok: false, error: reply.error };
      return { ok: true, rows: 'json' in reply ? decodeScriptResults(reply.json) : [] };
    },
    async close() {
      closed = true;
      const crashed: SandboxError = { kind: 'exception', message: 'The sandbox pool was closed.' };
      for (const job of queue.splice(0)) job.resolve({ id: -1, ok: false, error: crashed });
      await Promise.all(slots.map((slot) => slot.close()));
    },
  };
}
