/**
 * One place in the sandbox pool: a worker thread, the jobs it holds, and the run contexts it
 * already has. Node-only. The thread is replaced when it dies or when a run it is working on
 * is cancelled; a job it was running fails, jobs waiting behind it go back to the pool.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunContext } from '../../formula/program';
import type { CompiledWasm } from '../quickjs-host';
import type { SandboxError } from '../sandbox-error';
import type { SandboxLimits } from '../sandbox-limits';
import type { WorkerReply, WorkerRequest } from '../worker-protocol';

export interface Job {
  readonly runId: number;
  readonly context: RunContext;
  readonly contextKey: string;
  /** Builds the request when the job is sent, so batches are encoded just in time. */
  readonly make: (id: number, contextKey: string) => { request: WorkerRequest; transfer: ArrayBuffer[] };
  readonly resolve: (reply: WorkerReply) => void;
}

export interface WorkerSlot {
  load(): number;
  send(job: Job): void;
  hasRun(runId: number): boolean;
  /** Ends the thread: jobs of `cancelledRun` fail, the others go back to the pool. */
  restart(cancelledRun?: number): void;
  close(): Promise<void>;
}

const BOOT_FILE = 'pool-worker-boot.mjs';

/**
 * Where the worker's bootstrap is on disk. From source (tsx, vitest) it sits next to this
 * module. In the built SvelteKit server this module is bundled into build/server/chunks, so
 * we look upward for the runtime/ folder that ships beside build/, then from the cwd.
 */
export function resolveWorkerEntry(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, BOOT_FILE)];
  for (const start of [here, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      candidates.push(path.join(dir, 'runtime', 'sandbox', 'node', BOOT_FILE));
      if (path.dirname(dir) === dir) break;
    }
  }
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`Cannot find runtime/sandbox/node/${BOOT_FILE} near ${here} or ${process.cwd()}: the runtime/ folder must ship with the server.`);
  return found;
}

/** What a worker thread starts with (pool-worker.ts). */
export interface PoolWorkerData {
  readonly limits?: Partial<SandboxLimits>;
  readonly wasmModule?: CompiledWasm;
}

export function createWorkerSlot({
  entry,
  workerData,
  onIdle,
  requeue,
}: {
  entry: string | URL;
  workerData: PoolWorkerData;
  onIdle: () => void;
  requeue: (jobs: readonly Job[]) => void;
}): WorkerSlot {
  let worker: Worker | undefined;
  let known = new Set<string>();
  let nextId = 0;
  const jobs = new Map<number, Job>();

  const fail = (job: Job, message: string) => job.resolve({ id: -1, ok: false, error: { kind: 'exception', message } satisfies SandboxError });

  function stop(): Job[] {
    const held = [...jobs.values()];
    jobs.clear();
    const w = worker;
    worker = undefined;
    void w?.terminate();
    return held;
  }

  function spawn(): Worker {
    const w = new Worker(entry, { workerData });
    let lastError = '';
    known = new Set();
    w.on('message', (reply: WorkerReply) => {
      const job = jobs.get(reply.id);
      if (!job || w !== worker) return;
      jobs.delete(reply.id);
      if (!reply.ok && reply.missingContext) {
        known.delete(job.contextKey);
        requeue([job]);
      } else job.resolve(reply);
      if (jobs.size === 0) w.unref();
      onIdle();
    });
    w.on('error', (e) => (lastError = e.message));
    w.on('exit', (code) => {
      if (w !== worker) return; // replaced on purpose
      const [running, ...waiting] = stop();
      if (running) fail(running, `The sandbox worker stopped (exit code ${code}${lastError ? `: ${lastError}` : ''}) and was replaced; this batch did not run to completion.`);
      requeue(waiting);
    });
    return w;
  }

  return {
    load: () => jobs.size,
    send(job) {
      worker ??= spawn();
      const id = nextId++;
      const { request, transfer } = job.make(id, job.contextKey);
      const withContext = known.has(job.contextKey) ? request : { ...request, context: job.context };
      known.add(job.contextKey);
      jobs.set(id, job);
      worker.ref();
      worker.postMessage(withContext, transfer);
    },
    hasRun: (runId) => [...jobs.values()].some((job) => job.runId === runId),
    restart(cancelledRun) {
      const held = stop();
      for (const job of held) if (job.runId === cancelledRun) fail(job, 'The run was cancelled.');
      requeue(held.filter((job) => job.runId !== cancelledRun));
    },
    async close() {
      const w = worker;
      for (const job of stop()) fail(job, 'The sandbox pool was closed.');
      await w?.terminate();
    },
  };
}
