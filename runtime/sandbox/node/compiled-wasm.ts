/**
 * The QuickJS wasm compiled once per process, for sandboxes on the server. Node-only. A
 * compiled WebAssembly.Module crosses to worker threads as it is, so every pool worker and
 * every recycled instance shares one compilation and the code V8 optimises for it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { CompiledWasm } from '../quickjs-host';

let compiled: Promise<CompiledWasm> | undefined;

/**
 * `resolveFrom`: a file whose node_modules hold QuickJS. The pool passes its worker entry in
 * runtime/, because a bundled server's chunk may sit where no node_modules can be found.
 */
export function compiledQuickJSWasm({ resolveFrom = import.meta.url }: { resolveFrom?: string | URL } = {}): Promise<CompiledWasm> {
  compiled ??= (async () => {
    const file = createRequire(resolveFrom).resolve('@jitl/quickjs-wasmfile-release-sync/wasm');
    const { WebAssembly } = globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<CompiledWasm> } };
    return WebAssembly.compile(await readFile(file));
  })();
  return compiled;
}
