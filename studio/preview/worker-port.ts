/**
 * The browser's sandbox port: a module Web Worker running sandbox-worker.ts (QuickJS off the
 * UI thread). Vite bundles the worker from this `new URL(…, import.meta.url)` form.
 */
import type { WorkerReply } from '../../runtime/sandbox/worker-protocol';
import type { ConnectPort } from './sandbox-port';

export const connectWorker: ConnectPort = () => {
  const worker = new Worker(new URL('./sandbox-worker.ts', import.meta.url), { type: 'module', name: 'opspilot-preview-sandbox' });
  let fail: ((message: string) => void) | undefined;
  let reply: ((reply: WorkerReply) => void) | undefined;
  worker.onmessage = (event: MessageEvent<WorkerReply>) => reply?.(event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    fail?.(event.message || 'The preview worker failed to start.');
  };
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    listen(handlers) {
      reply = handlers.reply;
      fail = handlers.fail;
    },
    terminate() {
      reply = undefined;
      fail = undefined;
      worker.terminate();
    },
  };
};
