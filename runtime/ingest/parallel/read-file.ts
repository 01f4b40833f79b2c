/**
 * One file from disk to a Table, the same way on every thread: hashed, then read by the reader
 * its format names (or the one detection picks). The main thread and the read workers both call
 * this, so a file read in a worker gives exactly what it gives when read in place.
 *
 * A file up to IN_MEMORY_MAX_BYTES is read into memory once and both hashed and parsed from
 * there: a fifth faster than hashing it in one streamed pass and parsing it in another, for
 * the price of holding its bytes while it is parsed. Larger files stream, as fileSource does.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { bytesSource, fileSource } from '../byte-source';
import { ingest, type IngestResult } from '../ingest';
import type { ByteSource } from '../reader';

export const IN_MEMORY_MAX_BYTES = 256 * 1024 * 1024;

export interface FileRead {
  readonly filePath: string;
  /** The reader's format; detected from the name and first bytes when absent. */
  readonly format?: string;
  readonly options?: Readonly<Record<string, unknown>>;
  /** False skips the column profile (ReadRequest.profile). */
  readonly profile?: boolean;
}

/** `onProgress` is told the bytes read so far as the reader consumes them. */
export async function readFileAt({ filePath, format, options, profile }: FileRead, onProgress?: (bytesRead: number) => void): Promise<IngestResult> {
  return ingest({ source: await sourceOf(filePath), format, options, profile, onProgress });
}

async function sourceOf(filePath: string): Promise<ByteSource> {
  const info = await stat(filePath);
  if (!info.isFile() || info.size > IN_MEMORY_MAX_BYTES) return fileSource({ filePath });
  const b = await readFile(filePath);
  return bytesSource({ name: path.basename(filePath), bytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength) });
}
