/**
 * A sandbox pool worker thread: one sandbox, one request at a time, in order. Node-only;
 * loaded through pool-worker-boot.mjs. A bug here must not hang the pool: a failed request
 * is answered as an exception, and anything worse ends the thread, which the pool replaces.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createSandbox } from '../sandbox';
import type { PoolWorkerData } from './pool-worker-slot';
import { createWorkerHandler, type WorkerReply, type WorkerRequest } from '../worker-protocol';

const port = parentPort!;
const { limits, wasmModule } = workerData as PoolWorkerData;
const ready = createSandbox({ limits, wasmModule }).then((sandbox) => createWorkerHandler({ sandbox }));

// Listening at once, not after the sandbox is ready: a message that arrives while nothing
// listens is queued, but once any listener exists it would be delivered and lost.
port.on('message', (request: WorkerRequest) => {
  ready.then((handle) => handle(request)).then(
    ({ reply, transfer }) => port.postMessage(reply, transfer),
    (e: unknown) => {
      const reply: WorkerReply = { id: request.id, ok: false, error: { kind: 'exception', message: `Sandbox worker failed: ${String(e)}` } };
      port.postMessage(reply);
    },
  );
});
