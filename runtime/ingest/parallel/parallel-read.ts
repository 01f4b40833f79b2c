/**
 * Several files read at once, each large one on a read worker thread of its own (up to one per
 * core), the small ones on the calling thread meanwhile. Parsing is CPU work, so two large files
 * on two cores take about as long as the larger one, and the calling thread, left free, can load
 * what it needs next. A worker costs a little to start, so only files large enough to repay it
 * get one. A worker's Table comes back in its transfer form (table-transfer.ts): the columns
 * move, nothing is copied but the dictionaries' text. Each result is what readFileAt gives in
 * place; a worker that cannot start or dies has its file read on the calling thread instead,
 * so the answer never depends on threads being there.
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
import type { ReadReply } from './read-protocol';
import { readWorkerBundle } from './worker-bundle';

export type { FileRead };

/** The readers load on first use, after the workers have been started. */
const readFileAt = async (file: FileRead): Promise<IngestResult> => (await import('./read-file')).readFileAt(file);

const BOOT_FILE = 'read-worker-boot.mjs';

/**
 * About a quarter of a second of parsing: below it, a worker's start-up (a fresh V8 isolate
 * loading the readers) costs more than reading the file beside the other one saves.
 */
export const DEFAULT_MIN_WORKER_BYTES = 16 * 1024 * 1024;

/** The worker's tsx bootstrap, next to this module: used when there is no bundle (worker-bundle.ts). */
export function readWorkerEntry(): string | undefined {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), BOOT_FILE);
  return existsSync(file) ? file : undefined;
}

export interface ParallelReadInput {
  readonly files: readonly FileRead[];
  /** Read workers at most (default: one per core, none on a single core). */
  readonly workers?: number;
  /** Files smaller than this are read on the calling thread (default DEFAULT_MIN_WORKER_BYTES). */
  readonly minWorkerBytes?: number;
  /** The worker bootstrap; tests point it elsewhere to see the fallback. */
  readonly workerEntry?: string;
  /** Told when a worker failed and its file was read in place instead. */
  readonly onWorkerFailure?: (file: FileRead, error: Error) => void;
}

/** One result per file, in the order given. */
export async function readFilesInParallel(input: ParallelReadInput): Promise<IngestResult[]> {
  const { files } = input;
  const cores = availableParallelism();
  const workers = Math.max(0, input.workers ?? (cores > 1 ? cores : 0));
  const min = input.minWorkerBytes ?? DEFAULT_MIN_WORKER_BYTES;
  const sizes = workers === 0 ? [] : await Promise.all(files.map(async (f) => (await stat(f.filePath).catch(() => undefined))?.size ?? 0));
  const chosen = files.map((_, i) => i).filter((i) => sizes[i] >= min).sort((a, b) => sizes[b] - sizes[a]).slice(0, workers);
  const entry = chosen.length === 0 ? undefined : input.workerEntry ?? (await readWorkerBundle()) ?? readWorkerEntry();
  const toWorkers = entry === undefined ? [] : chosen;
  // A failed worker is noted at once (its file is then read here, after this thread's own).
  const inWorkers = new Map(toWorkers.map((i) => [i, readInWorker(files[i], entry!).catch((e: Error) => {
    input.onWorkerFailure?.(files[i], e);
    return undefined;
  })]));
  const results: IngestResult[] = new Array(files.length);
  for (let i = 0; i < files.length; i++) if (!inWorkers.has(i)) results[i] = await readFileAt(files[i]);
  for (const [i, read] of inWorkers) results[i] = (await read) ?? (await readFileAt(files[i]));
  return results;
}

function readInWorker(file: FileRead, entry: string): Promise<IngestResult> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(entry);
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      done();
      void worker.terminate();
    };
    worker.once('message', (reply: ReadReply) => settle(() => {
      if (!reply.ok) return reject(new Error(reply.error));
      const { table, ...rest } = reply.result;
      resolve(table ? { ...rest, table: tableFromTransfer(table) } : rest);
    }));
    worker.once('error', (e) => settle(() => reject(e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`The read worker stopped (exit code ${code}) before it replied.`))));
    worker.postMessage({ id: 0, ...file });
  });
}
