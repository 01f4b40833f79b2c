import { describe, expect, it } from 'vitest';
import { cellValue, originOf, type Table } from './table';
import { tableFromWire, tableToWire } from './table-wire';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

function sampleTable(): Table {
  return {
    rowCount: 5,
    columns: [
      { name: 'Qty', type: 'number', values: Float64Array.from([1.5, 0, -2, NaN, Infinity]), nulls: Uint8Array.from([0, 1, 0, 0, 0]) },
      { name: 'Trade Date', type: 'date', values: Float64Array.from([46345, 46346, 0, 46347, 46348]), nulls: Uint8Array.from([0, 0, 1, 1, 0]) },
      { name: 'At', type: 'datetime', values: Float64Array.from([46345.5, 46345.25, 46345.75, 46346, 46346.125]) },
      { name: 'Flag', type: 'boolean', values: Float64Array.from([1, 0, 1, 1, 0]) },
      { name: 'Acct', type: 'text', dictionary: ['X', 'Y', 'Z'], codes: Int32Array.from([2, -1, 0, 2, 1]) },
    ],
    // Row 4 is missing: a quoted cell spanned two lines, so line numbers skip one.
    origin: { datasetId: A, rowNumbers: Int32Array.from([2, 3, 5, 6, 7]), datasets: { ids: [A, B], index: Uint16Array.from([0, 0, 1, 1, 1]) } },
  };
}

const cells = (t: Table) => Array.from({ length: t.rowCount }, (_, r) => t.columns.map((c) => cellValue(c, r)));
const origins = (t: Table) => Array.from({ length: t.rowCount }, (_, r) => originOf(t, r));

describe('table wire format', () => {
  it('round-trips types, blanks, dates, NaN/Infinity, text and row origins through JSON', () => {
    const table = sampleTable();
    const wire = JSON.parse(JSON.stringify(tableToWire({ table })));
    const back = tableFromWire({ wire });
    expect(back.columns.map((c) => [c.name, c.type])).toEqual(table.columns.map((c) => [c.name, c.type]));
    expect(cells(back)).toEqual(cells(table));
    expect(origins(back)).toEqual(origins(table));
    expect(wire.columns[0]).toEqual({ name: 'Qty', type: 'number', values: [1.5, 0, -2, 'NaN', 'Infinity'], nullRuns: [1, 1] });
    expect(wire.columns[1].nullRuns).toEqual([2, 2]);
    expect(wire.columns[2].nullRuns).toBeUndefined();
    expect(wire.origin.rowRuns).toEqual([2, 2, 5, 3]);
  });

  it('slices rows and re-encodes text with only the strings the slice uses', () => {
    const table = sampleTable();
    const wire = tableToWire({ table, offset: 2, limit: 2 });
    expect(wire.rowCount).toBe(2);
    expect(wire.columns[4]).toEqual({ name: 'Acct', type: 'text', dictionary: ['X', 'Z'], codes: [0, 1] });
    expect(wire.columns[1]).toMatchObject({ nullRuns: [0, 2] });
    const back = tableFromWire({ wire });
    expect(cells(back)).toEqual(cells(table).slice(2, 4));
    expect(origins(back)).toEqual([{ datasetId: B, rowNumber: 5 }, { datasetId: B, rowNumber: 6 }]);
  });

  it('keeps a one-file origin without a datasets index, and clamps out-of-range slices', () => {
    const table: Table = { rowCount: 3, columns: [{ name: 'n', type: 'number', values: Float64Array.from([1, 2, 3]) }], origin: { datasetId: A, rowNumbers: Int32Array.from([2, 3, 4]) } };
    const wire = tableToWire({ table });
    expect(wire.origin).toEqual({ datasetId: A, rowRuns: [2, 3] });
    expect(tableFromWire({ wire }).origin.datasets).toBeUndefined();
    expect(tableToWire({ table, offset: 10 }).rowCount).toBe(0);
    expect(tableToWire({ table, offset: 1, limit: 100 }).rowCount).toBe(2);
  });

  it('stays compact: one run for consecutive rows, codes instead of repeated strings', () => {
    const n = 10_000;
    const table: Table = {
      rowCount: n,
      columns: [{ name: 'Side', type: 'text', dictionary: ['BUY', 'SELL'], codes: Int32Array.from({ length: n }, (_, i) => i % 2) }],
      origin: { datasetId: A, rowNumbers: Int32Array.from({ length: n }, (_, i) => i + 2) },
    };
    const json = JSON.stringify(tableToWire({ table }));
    expect(json.length).toBeLessThan(n * 2 + 300);
    expect(tableToWire({ table }).origin.rowRuns).toEqual([2, n]);
  });
});
