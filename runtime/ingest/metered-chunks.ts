/**
 * A source's chunks with the byte limit, progress reports and cancellation applied in one place,
 * plus a guard that turns a reader's unexpected exception into a finding: readers return
 * findings, they never throw (reader.ts). Browser-safe.
 */
import { refusal, tooLargeMessage } from './limits';
import type { ByteSource, ReadResult } from './reader';

export interface MeterState {
  bytesRead: number;
  tooLarge: boolean;
  aborted: boolean;
}

export async function* meteredChunks({ source, maxBytes, onProgress, signal, state }: {
  source: ByteSource;
  maxBytes: number;
  onProgress?: (bytesRead: number) => void;
  signal?: AbortSignal;
  state: MeterState;
}): AsyncGenerator<Uint8Array> {
  for await (const chunk of source.chunks()) {
    if (signal?.aborted) { state.aborted = true; return; }
    state.bytesRead += chunk.byteLength;
    if (state.bytesRead > maxBytes) { state.tooLarge = true; return; }
    onProgress?.(state.bytesRead);
    // Node's Buffer is a Uint8Array subclass; a plain view keeps the byte loops monomorphic.
    if (chunk.byteLength) yield chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

/** Reads a whole source under the byte limit, or says why not. */
export async function readWhole({ source, maxBytes, onProgress, signal }: {
  source: ByteSource; maxBytes: number; onProgress?: (bytesRead: number) => void; signal?: AbortSignal;
}): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; result: ReadResult }> {
  if (source.sizeBytes > maxBytes) return { ok: false, result: refusal(source.name, 'file-too-large', tooLargeMessage(source.name, source.sizeBytes, maxBytes)) };
  if (signal?.aborted) return { ok: false, result: abortedResult(source.name) };
  const bytes = await source.readAll();
  if (bytes.byteLength > maxBytes) return { ok: false, result: refusal(source.name, 'file-too-large', tooLargeMessage(source.name, bytes.byteLength, maxBytes)) };
  onProgress?.(bytes.byteLength);
  return { ok: true, bytes };
}

export const abortedResult = (source: string): ReadResult =>
  refusal(source, 'read-aborted', `Reading ${source} was cancelled before it finished; nothing was kept.`);

/** Runs a read; an exception (a bug, or a parser library giving up) becomes a refusal finding. */
export async function neverThrow(source: string, format: string, read: () => Promise<ReadResult>): Promise<ReadResult> {
  try {
    return await read();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof RangeError) {
      return refusal(source, 'too-complex', `${source} could not be read as ${format}: it is nested too deeply or too large to hold (${message}). Check that it really is a ${format} file.`);
    }
    return refusal(source, 'unreadable', `${source} could not be read as ${format}: ${message}. Check that the file is a complete, valid ${format} file.`);
  }
}
