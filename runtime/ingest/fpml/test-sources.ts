/** Test helpers: in-memory sources, the shared fixtures folder, rows as plain values. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Table } from '../../table/table';
import { bytesSource } from '../byte-source';
import type { ByteSource } from '../reader';
import { displayValue } from './table-build';

export function textSource(name: string, data: Uint8Array | string): ByteSource {
  return bytesSource({ name, bytes: typeof data === 'string' ? new TextEncoder().encode(data) : data });
}

/** The shared fixtures folder (outside the repo; override with OPSPILOT_SHARED_FIXTURES). */
export const SHARED_FIXTURES = process.env.OPSPILOT_SHARED_FIXTURES ?? new URL('../../../../shared/fixtures', import.meta.url).pathname;

/** Every *.xml file under dir, recursively, sorted. */
export function xmlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.toLowerCase().endsWith('.xml'))
    .map((f) => join(dir, f))
    .sort();
}

/** A row as plain values: numbers as numbers, dates as YYYY-MM-DD, blanks as undefined. */
export function rowOf(table: Table, row = 0): Record<string, string | number | undefined> {
  return Object.fromEntries(table.columns.map((c) => [c.name, c.type === 'number' ? (c.nulls?.[row] ? undefined : c.values[row]) : displayValue(c, row)]));
}
