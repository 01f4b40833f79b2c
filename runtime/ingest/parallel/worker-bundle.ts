/**
 * The read worker as one bundled CommonJS script (runtime/bundle/cached-bundle.ts). A worker that
 * loads the readers' sixty-odd TypeScript modules through tsx spends about 300 ms before it reads
 * a byte; the bundle, run by read-worker-cached.cjs with V8's code cache, loads in about 50.
 * Undefined when it cannot be built: the worker then boots through tsx (read-worker-boot.mjs).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedBundle } from '../../bundle/cached-bundle';

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'read-worker.ts');

export interface WorkerBundleOptions {
  /** Where the bundle and its manifest go (default node_modules/.cache/opspilot). */
  readonly cacheDir?: string;
}

/** The bundled worker's path, built or rebuilt if needed; undefined when it cannot be built. */
export function readWorkerBundle(options: WorkerBundleOptions = {}): Promise<string | undefined> {
  return cachedBundle({ name: 'read-worker', entry: ENTRY, format: 'cjs', packages: 'bundle', cacheDir: options.cacheDir });
}
