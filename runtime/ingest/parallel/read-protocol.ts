/** What a read worker posts back for one file (read-worker.ts → parallel-read.ts). */
import type { TransferTable } from '../../table/table-transfer';
import type { IngestResult } from '../ingest';

export type ReadReply =
  | { readonly id: number; readonly ok: true; readonly result: Omit<IngestResult, 'table'> & { readonly table?: TransferTable } }
  | { readonly id: number; readonly ok: false; readonly error: string };
