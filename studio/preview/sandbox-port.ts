/**
 * Where the preview's sandbox runs, behind one small interface: the browser's Web Worker
 * (worker-port.ts) or, in tests and Node, the same worker handler in-process over a real
 * QuickJS sandbox. Both speak runtime/sandbox/worker-protocol.ts, so the client above them is
 * the same code either way.
 */
import type { Sandbox } from '../../runtime/sandbox/sandbox';
import { createWorkerHandler, type WorkerReply, type WorkerRequest } from '../../runtime/sandbox/worker-protocol';

export interface SandboxPort {
  post(request: WorkerRequest, transfer: ArrayBuffer[]): void;
  /** Replies, in any order; and the port's own failure (a worker that could not start). */
  listen(handlers: { reply: (reply: WorkerReply) => void; fail: (message: string) => void }): void;
  /** Stops it for good; nothing is delivered afterwards. */
  terminate(): void;
}

/** Opens a fresh port: at start, and after a stuck one is terminated. */
export type ConnectPort = () => SandboxPort;

/**
 * The worker protocol's handler over `sandbox`, in this thread. Messages are delivered in
 * later tasks as a worker's would be, so the client's deadlines, cancellation and stale-reply
 * handling run exactly as they do against a Web Worker; a terminated port delivers nothing.
 * Each port starts with no run contexts, like a new worker.
 */
export function connectInProcess({ sandbox }: { sandbox: Sandbox }): ConnectPort {
  return () => {
    const handle = createWorkerHandler({ sandbox });
    let handlers: Parameters<SandboxPort['listen']>[0] | undefined;
    let terminated = false;
    let queue = Promise.resolve();
    const later = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    return {
      post(request) {
        // One request at a time, in order, as a worker's event loop takes them.
        queue = queue.then(async () => {
          await later();
          if (terminated) return;
          const { reply } = await handle(request);
          await later();
          if (!terminated) handlers?.reply(reply);
        });
      },
      listen(h) {
        handlers = h;
      },
      terminate() {
        terminated = true;
      },
    };
  };
}
