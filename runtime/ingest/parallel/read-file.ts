/**
 * One file from disk to a Table, the same way on every thread: hashed, then read by the reader
 * its format names (or the one detection picks). The main thread and the read workers both call
 * this, so a file read in a worker gives exactly what it gives when read in place.
 */
import { fileSource } from '../byte-source';
import { ingest, type IngestResult } from '../ingest';

export interface FileRead {
  readonly filePath: string;
  /** The reader's format; detected from the name and first bytes when absent. */
  readonly format?: string;
  readonly options?: Readonly<Record<string, unknown>>;
  /** False skips the column profile (ReadRequest.profile). */
  readonly profile?: boolean;
}

export async function readFileAt({ filePath, format, options, profile }: FileRead): Promise<IngestResult> {
  const source = await fileSource({ filePath });
  if (process.env.TRACE) console.error('hashed', (performance.timeOrigin + performance.now() - Number(process.env.T0 ?? 0)).toFixed(0));
  return ingest({ source, format, options, profile });
}
