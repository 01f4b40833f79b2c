/**
 * What `opspilot ingest` prints and writes: the column profile as a table, findings one per
 * line with file, row and column, and the Table written to .csv or .json with synchronous writes
 * in batches, so a million rows never sit in memory as one string.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../ingest/finding';
import type { ColumnProfile } from '../ingest/reader';
import type { Table } from '../table/table';
import { writeTableCsv, writeTableJson } from '../table/table-text';

export const OUT_FORMATS = ['.csv', '.json'] as const;

export function outFormatOf(file: string): 'csv' | 'json' | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : undefined;
}

export function writeTableFile({ table, file }: { table: Table; file: string }): void {
  const fd = openSync(file, 'w');
  try {
    const write = (text: string) => { writeSync(fd, text); };
    if (outFormatOf(file) === 'json') writeTableJson({ table, write });
    else writeTableCsv({ table, write });
  } finally {
    closeSync(fd);
  }
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const show = (v: number | string | undefined) => (v === undefined ? '' : typeof v === 'number' ? String(v) : v);

/** The profile as an aligned text table. */
export function profileText(profile: readonly ColumnProfile[]): string {
  const rows = profile.map((p) => [
    clip(p.name, 28), p.type, p.nulls.toLocaleString('en-US'),
    `${p.distinctEstimated ? '~' : ''}${p.distinct.toLocaleString('en-US')}`,
    clip(show(p.min), 20), clip(show(p.max), 20), clip(p.examples.map((e) => e.replace(/\s+/g, ' ')).join(', '), 40),
  ]);
  const head = ['Column', 'Type', 'Blank', 'Distinct', 'Min', 'Max', 'Examples'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const right = new Set([2, 3]);
  const line = (cells: string[]) => `  ${cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd()}`;
  return [line(head), ...rows.map(line)].join('\n');
}

/** One finding per line: severity, where (file, line or row, column), message. */
export function findingText(f: Finding, rowWord: 'line' | 'row'): string {
  const where = [f.location.source, f.location.row !== undefined ? `${rowWord} ${f.location.row}` : '', f.location.column ? `column ${f.location.column}` : '']
    .filter(Boolean).join(', ');
  return `  ${f.severity.padEnd(7)} ${where}: ${f.message}`;
}

export function summaryLine({ file, format, table, details }: {
  file: string; format: string; table?: Table; details?: Readonly<Record<string, string | number | boolean>>;
}): string {
  const size = table ? `${table.rowCount.toLocaleString('en-US')} row${table.rowCount === 1 ? '' : 's'} × ${table.columns.length} column${table.columns.length === 1 ? '' : 's'}` : 'not read';
  const extra = details ? Object.entries(details).map(([k, v]) => `${k} ${k === 'delimiter' ? JSON.stringify(v) : v}`).join(', ') : '';
  return `${file}: ${format}, ${size}${extra ? ` (${extra})` : ''}`;
}
