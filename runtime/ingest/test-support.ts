/**
 * Helpers for the ingest tests: run a reader over bytes or text (optionally in tiny chunks, to
 * prove streaming gives the same answer), and look at the result as plain rows of cell texts.
 */
import { cellText } from '../table/table-text';
import type { Table } from '../table/table';
import { bytesSource } from './byte-source';
import type { ReadLimits, ReadResult, Reader } from './reader';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export async function readWith(reader: Reader, input: string | Uint8Array, {
  name = 'f.csv', options, limits, chunkBytes,
}: { name?: string; options?: Record<string, unknown>; limits?: Partial<ReadLimits>; chunkBytes?: number } = {}): Promise<ReadResult> {
  const bytes = typeof input === 'string' ? utf8(input) : input;
  return reader.read({ source: bytesSource({ name, bytes, chunkBytes }), options, limits });
}

/** The table's rows as cell texts (cellText: numbers plain, dates ISO, blanks ''). */
export function rowsOf(table: Table | undefined): string[][] {
  if (!table) return [];
  return Array.from({ length: table.rowCount }, (_, r) => table.columns.map((c) => cellText(c, r)));
}

export const namesOf = (table: Table | undefined): string[] => table?.columns.map((c) => c.name) ?? [];
export const typesOf = (table: Table | undefined): string[] => table?.columns.map((c) => c.type) ?? [];
export const codesOf = (result: ReadResult): string[] => result.findings.map((f) => f.code);

export { seededRandom } from '../testing/seeded-random';
