/** What a read worker is sent and posts back (parallel-read.ts ↔ read-worker.ts). */
import type { TransferTable } from '../../table/table-transfer';
import type { IngestResult } from '../ingest';
import type { FileRead } from './read-file';

/** One file to read; with `progress`, the worker posts ReadProgress messages as it reads. */
export type ReadRequestMessage = FileRead & { readonly id: number; readonly progress?: boolean };

/** Bytes of file `id` read so far, every PROGRESS_STEP_BYTES; its result says it is whole. */
export interface ReadProgress { readonly id: number; readonly progress: number }

export type ReadReply =
  | { readonly id: number; readonly ok: true; readonly result: Omit<IngestResult, 'table'> & { readonly table?: TransferTable } }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** Bytes read between two progress messages: a handful of messages per large file. */
export const PROGRESS_STEP_BYTES = 4 * 1024 * 1024;
