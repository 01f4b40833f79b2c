/**
 * A read worker thread (parallel-read.ts): reads the files it is sent and posts each Table back
 * in its transfer form, so the columns move to the asking thread without a copy.
 */
import { parentPort } from 'node:worker_threads';
import { tableToTransfer } from '../../table/table-transfer';
import { readFileAt } from './read-file';
import { PROGRESS_STEP_BYTES, type ReadProgress, type ReadReply, type ReadRequestMessage } from './read-protocol';

const port = parentPort!;
port.on('message', async ({ id, progress, ...file }: ReadRequestMessage) => {
  let reply: ReadReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const { table, ...rest } = await readFileAt(file, progress ? progressPoster(id) : undefined);
    if (table) {
      const moved = tableToTransfer(table);
      transfer = moved.transfer;
      reply = { id, ok: true, result: { ...rest, table: moved.message } };
    } else reply = { id, ok: true, result: rest };
  } catch (e) {
    // Readers never throw on bad input; this is a bug or a file system error, said as it is.
    reply = { id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply, transfer);
});

/** Posts the bytes read every PROGRESS_STEP_BYTES, not on every chunk. */
function progressPoster(id: number): (bytesRead: number) => void {
  let posted = 0;
  return (bytesRead) => {
    if (bytesRead - posted < PROGRESS_STEP_BYTES) return;
    posted = bytesRead;
    port.postMessage({ id, progress: bytesRead } satisfies ReadProgress);
  };
}
