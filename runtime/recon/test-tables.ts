/**
 * Building Tables by hand for tests and benchmarks: `tableOf('broker', { Id: ['A', 'B'], Qty: [5, 7] })`.
 * Strings (and nulls among them) make text columns; numbers make number columns; a column can be
 * typed as date by passing `{ date: ['2025-01-02', …] }`. Row numbers are 2.. (a header on line 1).
 */
import { serialFromYmd } from '../formula/library/dates';
import type { Column, Table } from '../table/table';

export type TestColumn = readonly (string | number | null)[] | { readonly date: readonly (string | null)[] };

function textColumn(name: string, values: readonly (string | number | null)[]): Column {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    const s = String(v);
    let c = index.get(s);
    if (c === undefined) index.set(s, (c = dictionary.push(s) - 1));
    return c;
  });
  return { name, type: 'text', dictionary, codes };
}

export function isoSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return serialFromYmd(y, m, d);
}

export function tableOf(datasetId: string, columns: Readonly<Record<string, TestColumn>>): Table {
  let rowCount = 0;
  const built = Object.entries(columns).map(([name, values]): Column => {
    if (!Array.isArray(values)) {
      const dates = (values as { date: readonly (string | null)[] }).date;
      rowCount = dates.length;
      return { name, type: 'date', values: Float64Array.from(dates, (d) => (d === null ? 0 : isoSerial(d))), nulls: Uint8Array.from(dates, (d) => (d === null ? 1 : 0)) };
    }
    const list = values as readonly (string | number | null)[];
    rowCount = list.length;
    if (list.some((v) => typeof v === 'string')) return textColumn(name, list);
    return { name, type: 'number', values: Float64Array.from(list, (v) => (v === null ? 0 : (v as number))), nulls: Uint8Array.from(list, (v) => (v === null ? 1 : 0)) };
  });
  return { rowCount, columns: built, origin: { datasetId, rowNumbers: Int32Array.from({ length: rowCount }, (_, i) => i + 2) } };
}
