/**
 * The studio's sandbox: a Web Worker running the same sandbox core, VM library and worker
 * protocol as the server's worker threads (runtime/sandbox/worker-protocol.ts), so a preview
 * computes exactly what a real run will. The page posts WorkerRequests and gets WorkerReplies.
 *
 * The QuickJS wasm is compiled once here; recycled VMs reuse the compiled module.
 */
import wasmUrl from '@jitl/quickjs-wasmfile-release-sync/wasm?url';
import { createSandbox } from '../../runtime/sandbox/sandbox';
import { createWorkerHandler, type WorkerReply, type WorkerRequest } from '../../runtime/sandbox/worker-protocol';

/** The dedicated-worker global, typed here because the studio's tsconfig carries the DOM lib. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

async function compileWasm(): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compileStreaming(fetch(wasmUrl));
  } catch {
    // A server that sends .wasm without application/wasm defeats streaming compilation only.
    return WebAssembly.compile(await (await fetch(wasmUrl)).arrayBuffer());
  }
}

const ready = compileWasm()
  .then((wasmModule) => createSandbox({ wasmModule }))
  .then((sandbox) => createWorkerHandler({ sandbox }));

scope.onmessage = ({ data: request }) => {
  ready
    .then((handle) => handle(request))
    .then(
      ({ reply, transfer }) => scope.postMessage(reply, transfer),
      (e: unknown) => scope.postMessage({ id: request.id, ok: false, error: { kind: 'exception', message: `Sandbox worker failed: ${String(e)}` } }, []),
    );
};
