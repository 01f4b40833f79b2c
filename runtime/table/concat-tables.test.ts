import { describe, expect, it } from 'vitest';
import { concatTables } from './concat-tables';
import { cellValue, originOf, type Table } from './table';

const text = (name: string, values: (string | null)[]) => {
  const dictionary = [...new Set(values.filter((v): v is string => v !== null))];
  return { name, type: 'text' as const, dictionary, codes: Int32Array.from(values.map((v) => (v === null ? -1 : dictionary.indexOf(v)))) };
};
const numbers = (name: string, type: 'number' | 'date', values: number[]) => ({ name, type, values: Float64Array.from(values) });

describe('concatTables', () => {
  const a: Table = { rowCount: 2, columns: [text('UTI', ['U1', 'U2']), numbers('Notional', 'number', [10, 20])], origin: { datasetId: 'file-a', rowNumbers: Int32Array.from([1, 2]) } };
  const b: Table = { rowCount: 1, columns: [text('UTI', ['U3']), numbers('Trade Date', 'date', [46346])], origin: { datasetId: 'file-b', rowNumbers: Int32Array.from([1]) } };

  it('keeps each row\'s own file and row number as its origin', () => {
    const t = concatTables([a, b]);
    expect(t.rowCount).toBe(3);
    expect([0, 1, 2].map((r) => originOf(t, r))).toEqual([
      { datasetId: 'file-a', rowNumber: 1 }, { datasetId: 'file-a', rowNumber: 2 }, { datasetId: 'file-b', rowNumber: 1 },
    ]);
  });

  it('matches columns by name and leaves cells blank where a file has no such column', () => {
    const t = concatTables([a, b]);
    expect(t.columns.map((c) => [c.name, c.type])).toEqual([['UTI', 'text'], ['Notional', 'number'], ['Trade Date', 'date']]);
    const col = (n: string) => t.columns.find((c) => c.name === n)!;
    expect([0, 1, 2].map((r) => cellValue(col('UTI'), r))).toEqual(['U1', 'U2', 'U3']);
    expect([0, 1, 2].map((r) => cellValue(col('Notional'), r))).toEqual([10, 20, null]);
    expect([0, 1, 2].map((r) => cellValue(col('Trade Date'), r))).toEqual([null, null, 46346]);
  });

  it('turns a column whose type differs between files into text, dates written as dates', () => {
    const c: Table = { rowCount: 1, columns: [text('Notional', ['n/a']), text('Trade Date', ['2026-11-20'])], origin: { datasetId: 'file-c', rowNumbers: Int32Array.from([7]) } };
    const t = concatTables([b, c]);
    const date = t.columns.find((x) => x.name === 'Trade Date')!;
    expect(date.type).toBe('text');
    expect([0, 1].map((r) => cellValue(date, r))).toEqual(['2026-11-20', '2026-11-20']);
  });

  it('returns a single table as it is', () => {
    expect(concatTables([a])).toBe(a);
  });
});
