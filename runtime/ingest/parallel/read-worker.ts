/**
 * A read worker thread (parallel-read.ts): reads the files it is sent and posts each Table back
 * in its transfer form, so the columns move to the asking thread without a copy.
 */
import { parentPort } from 'node:worker_threads';
import { tableToTransfer } from '../../table/table-transfer';
import { readFileAt, type FileRead } from './read-file';
import type { ReadReply } from './read-protocol';

const port = parentPort!;
port.on('message', async (request: FileRead & { id: number }) => {
  let reply: ReadReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const { table, ...rest } = await readFileAt(request);
    if (table) {
      const moved = tableToTransfer(table);
      transfer = moved.transfer;
      reply = { id: request.id, ok: true, result: { ...rest, table: moved.message } };
    } else reply = { id: request.id, ok: true, result: rest };
  } catch (e) {
    // Readers never throw on bad input; this is a bug or a file system error, said as it is.
    reply = { id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply, transfer);
});
