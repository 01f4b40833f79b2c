/**
 * The preview's side of the sandbox: compiled programs over input columns, batch by batch,
 * through a port (sandbox-port.ts). Requests go one at a time, so each has an exact deadline:
 * the sandbox stops a runaway formula itself at `timeoutMs`, and a port that still has not
 * answer `graceMs` later is terminated and replaced (wasm that hangs outside the interrupt
 * handler, a worker that never started). Cancelled work is dropped before it is sent.
 */
import type { CompiledProgram, RunContext } from '../../runtime/formula/program';
import { encodeBatch, type EncodedBatch } from '../../runtime/sandbox/columnar-encode';
import { decodeOutputs } from '../../runtime/sandbox/columnar-decode';
import type { InputColumn } from '../../runtime/sandbox/input-columns';
import { checkColumns, emptyResult, type ProgramRunResult } from '../../runtime/sandbox/run-program';
import type { SandboxError } from '../../runtime/sandbox/sandbox-error';
import type { BatchRequest, WorkerReply } from '../../runtime/sandbox/worker-protocol';
import type { ConnectPort, SandboxPort } from './sandbox-port';

/** Work superseded by a newer edit. */
export class PreviewCancelled extends Error {
  constructor() {
    super('The preview was superseded by a newer edit.');
  }
}

/** Errors the client made up when it gave up on a port (not the sandbox's verdict on the program): worth retrying. */
const transientErrors = new WeakSet<SandboxError>();
export const isTransient = (error: SandboxError): boolean => transientErrors.has(error);

function transient(error: SandboxError): SandboxError {
  transientErrors.add(error);
  return error;
}

export interface PreviewSandbox {
  /** Like runtime/sandbox/run-program.ts runProgram; throws PreviewCancelled once `signal` aborts. */
  runProgram(args: { program: CompiledProgram; context: RunContext; columns: readonly InputColumn[]; rows: number; signal?: AbortSignal }): Promise<ProgramRunResult>;
  stats(): { readonly requests: number; readonly restarts: number };
  dispose(): void;
}

export interface SandboxClientOptions {
  readonly connect: ConnectPort;
  /** The sandbox's own limit per batch. Default 2000 ms: a preview that slow is no preview. */
  readonly timeoutMs?: number;
  /** How much longer a port may take before it is deemed stuck. Default 1500 ms. */
  readonly graceMs?: number;
  /** Extra time for a fresh port's first answer (the wasm compiles, the VM boots). Default 15 s. */
  readonly bootGraceMs?: number;
  readonly batchSize?: number;
}

type BatchOutcome = Extract<WorkerReply, { outputs: unknown }> | { readonly ok: false; readonly error: SandboxError };
interface Job {
  readonly program: CompiledProgram;
  /** Encodes the batch when it is sent (a cancelled job never encodes; a resend re-encodes, the first buffer having been handed over). */
  readonly encode: () => EncodedBatch;
  readonly context: RunContext;
  readonly signal?: AbortSignal;
  readonly resolve: (outcome: BatchOutcome | 'cancelled') => void;
}

export function createSandboxClient({ connect, timeoutMs = 2_000, graceMs = 1_500, bootGraceMs = 15_000, batchSize = 10_000 }: SandboxClientOptions): PreviewSandbox {
  const contextKeys = new WeakMap<RunContext, string>();
  let nextContext = 0;
  let nextId = 0;
  let requests = 0;
  let restarts = 0;
  // Undefined after a failure until work needs a worker again: a worker that cannot start
  // (a 404, a CSP refusal) must not be restarted in a loop with nothing to do.
  let port: SandboxPort | undefined;
  let fresh = true;
  /** Context keys this port's worker holds. */
  let sent = new Set<string>();
  const queue: Job[] = [];
  let current: { job: Job; id: number; timer: ReturnType<typeof setTimeout>; withContext: boolean } | undefined;
  let disposed = false;

  function open() {
    port = connect();
    fresh = true;
    sent = new Set();
    port.listen({ reply: onReply, fail: (message) => restart(transient({ kind: 'exception', message: `The preview sandbox stopped: ${message}` })) });
  }

  function restart(error: SandboxError) {
    port?.terminate();
    port = undefined;
    restarts += 1;
    finish({ ok: false, error });
    pump();
  }

  function finish(outcome: BatchOutcome | 'cancelled') {
    if (!current) return;
    clearTimeout(current.timer);
    const { job } = current;
    current = undefined;
    job.resolve(outcome);
  }

  function send(job: Job, withContext: boolean) {
    if (!port) open();
    const id = nextId++;
    const key = contextKey(job.context);
    const request: BatchRequest = { type: 'batch', id, contextKey: key, program: job.program, batch: job.encode(), timeoutMs, ...(withContext || !sent.has(key) ? { context: job.context } : {}) };
    sent.add(key);
    const deadline = timeoutMs + graceMs + (fresh ? bootGraceMs : 0);
    const timer = setTimeout(() => restart(transient({ kind: 'timeout', message: `The preview sandbox did not answer within ${deadline} ms and was restarted.` })), deadline);
    current = { job, id, timer, withContext: 'context' in request };
    requests += 1;
    // The batch was encoded for this request alone: hand its buffer over rather than copy it.
    port!.post(request, [request.batch.buffer]);
  }

  function onReply(reply: WorkerReply) {
    if (!current || reply.id !== current.id) return; // a reply to a request given up on
    fresh = false;
    if (!reply.ok && reply.missingContext && !current.withContext) {
      // The worker dropped the context (it keeps a few): the same batch again, with it.
      const { job } = current;
      clearTimeout(current.timer);
      current = undefined;
      return send(job, true);
    }
    finish(reply.ok ? (reply as BatchOutcome) : { ok: false, error: reply.error });
    pump();
  }

  function pump() {
    while (!current && queue.length) {
      const job = queue.shift()!;
      if (job.signal?.aborted) job.resolve('cancelled');
      else send(job, false);
    }
  }

  function runBatch(job: Omit<Job, 'resolve'>): Promise<BatchOutcome | 'cancelled'> {
    if (disposed) return Promise.resolve({ ok: false, error: transient({ kind: 'exception', message: 'The preview sandbox was closed.' }) });
    return new Promise((resolve) => {
      queue.push({ ...job, resolve });
      pump();
    });
  }

  function contextKey(context: RunContext): string {
    let key = contextKeys.get(context);
    if (!key) contextKeys.set(context, (key = `preview-${nextContext++}`));
    return key;
  }

  open();
  return {
    async runProgram({ program, context, columns, rows, signal }) {
      checkColumns(program.inputs.length, columns, rows);
      const result = emptyResult(program, rows);
      for (let start = 0; start < rows; start += batchSize) {
        const end = Math.min(rows, start + batchSize);
        if (signal?.aborted) throw new PreviewCancelled();
        const outcome = await runBatch({ program, context, signal, encode: () => encodeBatch({ inputs: program.inputs, columns, start, end }) });
        if (outcome === 'cancelled' || signal?.aborted) throw new PreviewCancelled();
        if (outcome.ok) decodeOutputs({ outputs: outcome.outputs, into: result.columns, at: start });
        else result.failures.push({ start, end, error: outcome.error });
      }
      return result;
    },
    stats: () => ({ requests, restarts }),
    dispose() {
      disposed = true;
      for (const job of queue.splice(0)) job.resolve('cancelled');
      finish('cancelled');
      port?.terminate();
    },
  };
}
