/**
 * Messages between a host and a sandbox worker, and the worker's side of them. Browser-safe:
 * the server's worker threads (pool-worker.ts) and the studio's Web Worker
 * (studio/preview/sandbox-worker.ts) run this same handler over the same core.
 *
 * A run context can be large (reference tables), so it crosses once per worker: requests name
 * it by `contextKey` and carry it only until the worker has it.
 */
import type { CompiledProgram, RunContext } from '../formula/program';
import type { EncodedBatch } from './columnar-encode';
import type { EncodedOutputs } from './columnar-decode';
import type { Sandbox } from './sandbox';
import type { SandboxError } from './sandbox-error';

interface WithContext {
  readonly id: number;
  readonly contextKey: string;
  /** Sent when the worker may not have the context yet. */
  readonly context?: RunContext;
  readonly timeoutMs?: number;
}

export interface BatchRequest extends WithContext {
  readonly type: 'batch';
  readonly program: CompiledProgram;
  readonly batch: EncodedBatch;
}

export interface ScriptRequest extends WithContext {
  readonly type: 'script';
  readonly source: string;
  readonly rowsJson: string;
}

export type WorkerRequest = BatchRequest | ScriptRequest;

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly outputs: EncodedOutputs }
  | { readonly id: number; readonly ok: true; readonly json: string }
  | { readonly id: number; readonly ok: false; readonly error: SandboxError; readonly missingContext?: boolean };

/** Contexts a worker keeps; runs rarely overlap by more than a couple. */
const MAX_CONTEXTS = 8;

/** The worker side: answers one request at a time, with the ArrayBuffers to transfer. */
export function createWorkerHandler({ sandbox }: { sandbox: Sandbox }) {
  const contexts = new Map<string, RunContext>();

  function contextFor(request: WithContext): RunContext | undefined {
    if (request.context) {
      contexts.delete(request.contextKey);
      contexts.set(request.contextKey, request.context);
      if (contexts.size > MAX_CONTEXTS) contexts.delete(contexts.keys().next().value!);
    }
    return contexts.get(request.contextKey);
  }

  return async function handle(request: WorkerRequest): Promise<{ reply: WorkerReply; transfer: ArrayBuffer[] }> {
    const { id } = request;
    const context = contextFor(request);
    if (!context) {
      const error: SandboxError = { kind: 'exception', message: `Run context ${request.contextKey} is unknown to this worker.` };
      return { reply: { id, ok: false, error, missingContext: true }, transfer: [] };
    }
    if (request.type === 'batch') {
      const result = await sandbox.runBatch({ program: request.program, context, batch: request.batch, timeoutMs: request.timeoutMs });
      return result.ok
        ? { reply: { id, ok: true, outputs: result.outputs }, transfer: [result.outputs.buffer] }
        : { reply: { id, ok: false, error: result.error }, transfer: [] };
    }
    const result = await sandbox.runScriptJson({ source: request.source, context, rowsJson: request.rowsJson, timeoutMs: request.timeoutMs });
    return { reply: result.ok ? { id, ok: true, json: result.value } : { id, ok: false, error: result.error }, transfer: [] };
  };
}
