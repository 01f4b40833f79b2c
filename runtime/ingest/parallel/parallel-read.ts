/**
 * Several files read at once: each large file on a read worker thread of its own (up to one per
 * core), the small ones after it on the same workers, so the calling thread stays free (it need
 * not even load the readers) to load what it needs next. Parsing is CPU work, so two large files
 * on two cores take about as long as the larger one. A worker costs a little to start, so with no
 * file large enough to repay it everything is read on the calling thread. A worker's Table comes
 * back in its transfer form (table-transfer.ts): the columns move, nothing is copied but the
 * dictionaries' text. Each result is what readFileAt gives in place; a file whose worker cannot
 * start or dies is read on the calling thread instead, so the answer never depends on threads.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { tableFromTransfer } from '../../table/table-transfer';
import type { IngestResult } from '../ingest';
import type { FileRead } from './read-file';
import type { ReadProgress, ReadReply, ReadRequestMessage } from './read-protocol';
import { readWorkerBundle } from './worker-bundle';

export type { FileRead };

/** The readers load on first use, after the workers have been started. */
const readFileAt = async (file: FileRead, onProgress?: (bytesRead: number) => void): Promise<IngestResult> => (await import('./read-file')).readFileAt(file, onProgress);

const BOOT_FILE = 'read-worker-boot.mjs';
const CACHED_BOOT_FILE = 'read-worker-cached.cjs';

/** What a read worker thread starts from: a script, and what it is told at start. */
export interface ReadWorkerEntry {
  readonly file: string;
  readonly workerData?: unknown;
}

/**
 * Over a tenth of a second of parsing. Below it, a worker's start-up (a fresh V8 isolate loading
 * the readers, 50–150 ms) costs about as much as reading the file beside the others saves.
 */
export const DEFAULT_MIN_WORKER_BYTES = 16 * 1024 * 1024;

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The worker through tsx, from source: used when there is no bundle (worker-bundle.ts). */
export function readWorkerEntry(): ReadWorkerEntry | undefined {
  const file = path.join(HERE, BOOT_FILE);
  return existsSync(file) ? { file } : undefined;
}

/** The bundled worker, run with V8's code cache (read-worker-cached.cjs). */
export function bundledReadWorkerEntry(bundle: string): ReadWorkerEntry {
  return { file: path.join(HERE, CACHED_BOOT_FILE), workerData: { bundle } };
}

export interface ParallelReadInput {
  readonly files: readonly FileRead[];
  /** Read workers at most (default: one per core, none on a single core). */
  readonly workers?: number;
  /** Files smaller than this are read on the calling thread (default DEFAULT_MIN_WORKER_BYTES). */
  readonly minWorkerBytes?: number;
  /** How workers start (default: the bundle, else tsx); tests point it elsewhere to see the fallback. */
  readonly workerEntry?: ReadWorkerEntry;
  /** Told when a worker failed and its file was read in place instead. */
  readonly onWorkerFailure?: (file: FileRead, error: Error) => void;
  /** Told the bytes of file `index` (in `files`) read so far, every few megabytes and when it is read. */
  readonly onProgress?: (index: number, bytesRead: number) => void;
}

/** One result per file, in the order given. */
export async function readFilesInParallel(input: ParallelReadInput): Promise<IngestResult[]> {
  const { files } = input;
  const cores = availableParallelism();
  const workers = Math.max(0, input.workers ?? (cores > 1 ? cores : 0));
  const min = input.minWorkerBytes ?? DEFAULT_MIN_WORKER_BYTES;
  const sizes = workers === 0 ? [] : await Promise.all(files.map(async (f) => (await stat(f.filePath).catch(() => undefined))?.size ?? 0));
  const large = files.map((_, i) => i).filter((i) => sizes[i] >= min).sort((a, b) => sizes[b] - sizes[a]).slice(0, workers);
  const entry = large.length === 0 ? undefined : input.workerEntry ?? (await defaultEntry());
  const results: (IngestResult | undefined)[] = new Array(files.length);
  const progress = input.onProgress;
  const inPlace = async (i: number) => {
    results[i] = await readFileAt(files[i], progress && ((bytes) => progress(i, bytes)));
  };
  if (entry === undefined) {
    for (let i = 0; i < files.length; i++) await inPlace(i);
    return results as IngestResult[];
  }
  // Each worker takes one large file, then a share of the small ones: the calling thread, left
  // free, need not even load the readers.
  const queues = large.map((i) => [i]);
  files.forEach((_, i) => { if (!large.includes(i)) queues[i % queues.length].push(i); });
  await Promise.all(queues.map((queue) => readInWorker({
    files: queue.map((i) => files[i]), entry,
    onProgress: progress && ((k, bytes) => progress(queue[k], bytes)),
    onResult: (k, result) => {
      results[queue[k]] = result;
      progress?.(queue[k], sizes[queue[k]]);
    },
  }).catch((e: Error) => {
    // Whatever the worker had not read yet is read here.
    for (const i of queue) if (!results[i]) input.onWorkerFailure?.(files[i], e);
  })));
  for (let i = 0; i < files.length; i++) if (!results[i]) await inPlace(i);
  return results as IngestResult[];
}

async function defaultEntry(): Promise<ReadWorkerEntry | undefined> {
  const bundle = await readWorkerBundle();
  return bundle ? bundledReadWorkerEntry(bundle) : readWorkerEntry();
}

/** Reads `files` in one worker thread, each result told as it arrives. */
function readInWorker({ files, entry, onResult, onProgress }: {
  files: readonly FileRead[]; entry: ReadWorkerEntry; onResult: (k: number, result: IngestResult) => void;
  onProgress?: (k: number, bytesRead: number) => void;
}): Promise<void> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(entry.file, { workerData: entry.workerData });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    let settled = false;
    let left = files.length;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      done();
      void worker.terminate();
    };
    worker.on('message', (reply: ReadReply | ReadProgress) => {
      if (settled) return;
      if ('progress' in reply) { onProgress?.(reply.id, reply.progress); return; }
      if (!reply.ok) return settle(() => reject(new Error(reply.error)));
      const { table, ...rest } = reply.result;
      onResult(reply.id, table ? { ...rest, table: tableFromTransfer(table) } : rest);
      if (--left === 0) settle(resolve);
    });
    worker.once('error', (e) => settle(() => reject(e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`The read worker stopped (exit code ${code}) before it replied.`))));
    files.forEach((file, id) => worker.postMessage({ id, ...file, progress: onProgress !== undefined } satisfies ReadRequestMessage));
  });
}
