/**
 * The contract every reader implements; readers are registered in a registry (DESIGN.md §11.5),
 * never chosen by a switch on names. A reader turns bytes into a typed Table plus findings, and
 * never throws on bad input: a file it cannot read is a finding, not an exception.
 */
import type { z } from 'zod';
import type { Table, ColumnType } from '../table/table';
import type { Finding } from './finding';

export type Format = 'csv' | 'xlsx' | 'json' | 'xml' | 'fpml';

/** The bytes of one file. Streamable readers use chunks(); others may read it whole (size-capped). */
export interface ByteSource {
  /** The file name as the user knows it: findings cite it. */
  readonly name: string;
  readonly sizeBytes: number;
  /** SHA-256 of the bytes: the dataset id rows trace back to. */
  readonly sha256: string;
  chunks(): AsyncIterable<Uint8Array>;
  readAll(): Promise<Uint8Array>;
}

export interface ColumnProfile {
  readonly name: string;
  readonly type: ColumnType;
  readonly nulls: number;
  readonly distinct: number;
  /** Set when `distinct` is an estimate (large numeric columns; see infer/column-profile.ts). */
  readonly distinctEstimated?: boolean;
  readonly min?: number | string;
  readonly max?: number | string;
  readonly examples: readonly string[];
}

export interface ReadLimits {
  readonly maxBytes: number;
  readonly maxRows: number;
  /** For zip containers (xlsx): largest total uncompressed size and compression ratio accepted. */
  readonly maxUncompressedBytes: number;
  readonly maxCompressionRatio: number;
}

export interface ReadRequest {
  readonly source: ByteSource;
  /** Reader-specific options, validated by the reader's zod schema (delimiter, sheet, rowPath, types…). */
  readonly options?: Readonly<Record<string, unknown>>;
  readonly limits?: Partial<ReadLimits>;
  /** Progress callback: bytes consumed so far. */
  readonly onProgress?: (bytesRead: number) => void;
  readonly signal?: AbortSignal;
  /** False: skip the column profile (the result's profile is empty), for callers that only compare. Default true. */
  readonly profile?: boolean;
}

export interface ReadResult {
  /** Absent when the file was refused as a whole; findings then say why. */
  readonly table?: Table;
  readonly profile: readonly ColumnProfile[];
  readonly findings: readonly Finding[];
  /** What the reader decided on its own (delimiter, encoding, sheet, row path…), for display. */
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

export interface Reader {
  readonly format: Format;
  readonly description: string;
  readonly extensions: readonly string[];
  /** The options it takes (strict zod object, titled and described with `.meta`): validation and the studio's option form. */
  readonly optionsSchema: z.ZodObject;
  /** Whether the first bytes look like this format (used when no format is given). */
  sniff(head: Uint8Array, name: string): boolean;
  read(request: ReadRequest): Promise<ReadResult>;
}
