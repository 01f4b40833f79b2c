/**
 * A Table's cells as text, for exports, previews and profiles: numbers with every digit that
 * round-trips (no thousands separators, so the text reads back as the same number), dates and
 * date-times in ISO 8601, booleans as TRUE/FALSE like Excel, blanks as ''. Browser-safe.
 */
import { isoDate, isoDateTime } from '../formula/display-value';
import type { Column, Table } from './table';

/** How a number becomes text: every digit that round-trips (files as read), or 15 significant digits (computed results). */
export type NumberText = (n: number) => string;

export const roundTripText: NumberText = (n) => (n === 0 ? '0' : String(n));

/** Decimal text as an analyst would type it: 15 significant digits, no binary noise (0.1+0.2 → 0.3). */
export const decimalText: NumberText = (n) => {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const text = String(Number(n.toPrecision(15)));
  return text.includes('e') ? Number(n.toPrecision(15)).toFixed(20).replace(/\.?0+$/, '') : text;
};

export function cellText(column: Column, row: number, numberText: NumberText = roundTripText): string {
  if (column.type === 'text') {
    const code = column.codes[row];
    return code < 0 ? '' : column.dictionary[code];
  }
  if (column.nulls?.[row]) return '';
  return valueText(column.type, column.values[row], numberText);
}

export function valueText(type: Column['type'], value: number, numberText: NumberText = roundTripText): string {
  switch (type) {
    case 'date': return isoDate(value);
    case 'datetime': return isoDateTime(value);
    case 'boolean': return value !== 0 ? 'TRUE' : 'FALSE';
    default: return numberText(value);
  }
}

/** Rows [offset, offset + limit) as arrays of cell texts, in column order. */
export function tableTextRows({ table, offset = 0, limit = table.rowCount }: { table: Table; offset?: number; limit?: number }): string[][] {
  const end = Math.min(table.rowCount, offset + limit);
  const rows: string[][] = [];
  for (let r = Math.max(0, offset); r < end; r++) rows.push(table.columns.map((c) => cellText(c, r)));
  return rows;
}

/** RFC 4180 CSV, one line per call to `write` so a million rows never sit in one string. */
export function writeTableCsv({ table, write, numberText }: { table: Table; write: (text: string) => void; numberText?: NumberText }): void {
  write(`${table.columns.map((c) => csvField(c.name)).join(',')}\r\n`);
  const batch: string[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    batch.push(table.columns.map((c) => csvField(cellText(c, r, numberText))).join(','));
    if (batch.length === 1000) {
      write(`${batch.join('\r\n')}\r\n`);
      batch.length = 0;
    }
  }
  if (batch.length) write(`${batch.join('\r\n')}\r\n`);
}

/**
 * A JSON array of row objects; numbers and booleans as JSON values, dates as ISO strings,
 * blanks as null. Written in batches like writeTableCsv.
 */
export function writeTableJson({ table, write, numberText = roundTripText }: { table: Table; write: (text: string) => void; numberText?: NumberText }): void {
  const keys = table.columns.map((c) => JSON.stringify(c.name));
  write('[');
  const batch: string[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const fields = table.columns.map((c, i) => `${keys[i]}:${jsonValue(c, r, numberText)}`);
    batch.push(`${r === 0 ? '' : ','}\n{${fields.join(',')}}`);
    if (batch.length === 1000) {
      write(batch.join(''));
      batch.length = 0;
    }
  }
  write(`${batch.join('')}\n]\n`);
}

function jsonValue(column: Column, row: number, numberText: NumberText): string {
  if (column.type === 'text') {
    const code = column.codes[row];
    return code < 0 ? 'null' : JSON.stringify(column.dictionary[code]);
  }
  if (column.nulls?.[row]) return 'null';
  const v = column.values[row];
  if (column.type === 'number') return Number.isFinite(v) ? numberText(v) : 'null';
  if (column.type === 'boolean') return v !== 0 ? 'true' : 'false';
  return JSON.stringify(valueText(column.type, v));
}

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
