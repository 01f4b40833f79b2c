/**
 * Rows of the fixed column set → a columnar Table (DESIGN.md §4) and its column profile.
 * Text columns are dictionary-encoded; number/date/datetime columns are Float64Arrays with a null
 * mask when any cell is blank.
 */
import { ymdFromSerial } from '../../formula/library/dates';
import type { Column, Table } from '../../table/table';
import type { ColumnProfile } from '../reader';
import { COLUMNS, type TradeRow } from './columns';

export function buildTable(rows: readonly TradeRow[], datasetId: string, rowNumbers: Int32Array): Table {
  const columns: Column[] = COLUMNS.map(({ name, type }) => {
    if (type === 'text') {
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      const codes = new Int32Array(rows.length);
      rows.forEach((row, r) => {
        const v = row.get(name);
        if (v === undefined) { codes[r] = -1; return; }
        const s = String(v);
        let code = index.get(s);
        if (code === undefined) { code = dictionary.length; dictionary.push(s); index.set(s, code); }
        codes[r] = code;
      });
      return { name, type, dictionary, codes };
    }
    const values = new Float64Array(rows.length);
    const nulls = new Uint8Array(rows.length);
    let blanks = 0;
    rows.forEach((row, r) => {
      const v = row.get(name);
      if (typeof v === 'number') values[r] = v;
      else { nulls[r] = 1; blanks++; }
    });
    return blanks ? { name, type, values, nulls } : { name, type, values };
  });
  return { rowCount: rows.length, columns, origin: { datasetId, rowNumbers } };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A cell as the analyst reads it: dates as YYYY-MM-DD, date-times as YYYY-MM-DDThh:mm:ssZ. */
export function displayValue(column: Column, row: number): string | undefined {
  if (column.type === 'text') {
    const code = column.codes[row];
    return code < 0 ? undefined : column.dictionary[code];
  }
  if (column.nulls?.[row]) return undefined;
  const v = column.values[row];
  if (column.type === 'date' || column.type === 'datetime') {
    const { year, month, day } = ymdFromSerial(v);
    const date = `${year}-${pad(month)}-${pad(day)}`;
    if (column.type === 'date') return date;
    const seconds = Math.round((v - Math.floor(v)) * 86400);
    return `${date}T${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}Z`;
  }
  return String(v);
}

export function profileTable(table: Table): ColumnProfile[] {
  return table.columns.map((column) => {
    const distinct = new Set<string>();
    let nulls = 0;
    let min: number | string | undefined;
    let max: number | string | undefined;
    for (let r = 0; r < table.rowCount; r++) {
      const shown = displayValue(column, r);
      if (shown === undefined) { nulls++; continue; }
      distinct.add(shown);
      const v = column.type === 'text' ? shown : column.values[r];
      if (min === undefined || v < min) min = v;
      if (max === undefined || v > max) max = v;
    }
    return {
      name: column.name,
      type: column.type,
      nulls,
      distinct: distinct.size,
      ...(min !== undefined ? { min, max } : {}),
      examples: [...distinct].slice(0, 3),
    };
  });
}
