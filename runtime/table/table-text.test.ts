import { describe, expect, it } from 'vitest';
import type { Table } from './table';
import { cellText, tableTextRows, writeTableCsv, writeTableJson } from './table-text';

const table: Table = {
  rowCount: 2,
  columns: [
    { name: 'Name, full', type: 'text', dictionary: ['Smith "Jr"', 'Lee'], codes: Int32Array.from([0, -1]) },
    { name: 'Qty', type: 'number', values: Float64Array.from([-0, 1234.5]) },
    { name: 'Day', type: 'date', values: Float64Array.from([46345, 0]), nulls: Uint8Array.from([0, 1]) },
    { name: 'At', type: 'datetime', values: Float64Array.from([46345.5, 46345.25]) },
    { name: 'Live', type: 'boolean', values: Float64Array.from([1, 0]) },
  ],
  origin: { datasetId: 'x', rowNumbers: Int32Array.from([2, 3]) },
};

describe('table text', () => {
  it('renders cells: numbers in full, dates ISO, booleans TRUE/FALSE, blanks empty', () => {
    expect(tableTextRows({ table })).toEqual([
      ['Smith "Jr"', '0', '2026-11-19', '2026-11-19T12:00:00', 'TRUE'],
      ['', '1234.5', '', '2026-11-19T06:00:00', 'FALSE'],
    ]);
    expect(tableTextRows({ table, offset: 1, limit: 5 })).toHaveLength(1);
    expect(cellText(table.columns[1], 1)).toBe('1234.5');
  });

  it('writes RFC 4180 CSV and a JSON array of rows', () => {
    let csv = '';
    writeTableCsv({ table, write: (t) => { csv += t; } });
    expect(csv).toBe('"Name, full",Qty,Day,At,Live\r\n"Smith ""Jr""",0,2026-11-19,2026-11-19T12:00:00,TRUE\r\n,1234.5,,2026-11-19T06:00:00,FALSE\r\n');
    let json = '';
    writeTableJson({ table, write: (t) => { json += t; } });
    expect(JSON.parse(json)).toEqual([
      { 'Name, full': 'Smith "Jr"', Qty: 0, Day: '2026-11-19', At: '2026-11-19T12:00:00', Live: true },
      { 'Name, full': null, Qty: 1234.5, Day: null, At: '2026-11-19T06:00:00', Live: false },
    ]);
  });
});
