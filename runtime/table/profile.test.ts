import { describe, expect, it } from 'vitest';
import { columnProfile, columnProfiles, distinctLabel } from './profile';
import type { Table } from './table';

const origin = (n: number) => ({ datasetId: 'f'.repeat(64), rowNumbers: Int32Array.from({ length: n }, (_, i) => i + 2) });

describe('column profiles', () => {
  it('profiles numbers: blanks, exact distinct, examples in row order, range as numbers and text', () => {
    const p = columnProfile({ column: { name: 'Qty', type: 'number', values: Float64Array.from([3, 1, 0, 2, 3, -0, 1.5]), nulls: Uint8Array.from([0, 0, 1, 0, 0, 0, 0]) }, rowCount: 7 });
    expect(p).toEqual({
      name: 'Qty', type: 'number', rows: 7, nulls: 1, distinct: 5, distinctAtLeast: false,
      examples: ['3', '1', '2', '0', '1.5'], min: 0, max: 3, minText: '0', maxText: '3',
    });
  });

  it('gives dates as serials and ISO text, booleans without a range, and keeps at most 5 examples', () => {
    const dates = columnProfile({ column: { name: 'D', type: 'date', values: Float64Array.from([46346, 46345, 46346]) }, rowCount: 3 });
    expect(dates).toMatchObject({ distinct: 2, min: 46345, max: 46346, minText: '2026-11-19', maxText: '2026-11-20', examples: ['2026-11-20', '2026-11-19'] });
    const flags = columnProfile({ column: { name: 'B', type: 'boolean', values: Float64Array.from([1, 0, 1]) }, rowCount: 3 });
    expect(flags).toEqual({ name: 'B', type: 'boolean', rows: 3, nulls: 0, distinct: 2, distinctAtLeast: false, examples: ['TRUE', 'FALSE'] });
    const many = columnProfile({ column: { name: 'N', type: 'number', values: Float64Array.from({ length: 50 }, (_, i) => i) }, rowCount: 50 });
    expect(many.examples).toEqual(['0', '1', '2', '3', '4']);
  });

  it('counts text through its codes: unused dictionary entries and blanks do not count', () => {
    const p = columnProfile({ column: { name: 'Acct', type: 'text', dictionary: ['B', 'A', 'C', 'unused'], codes: Int32Array.from([0, 1, -1, 2, 0]) }, rowCount: 5 });
    expect(p).toEqual({ name: 'Acct', type: 'text', rows: 5, nulls: 1, distinct: 3, distinctAtLeast: false, examples: ['B', 'A', 'C'] });
    expect(p.min).toBeUndefined();
  });

  it('stops counting at the cap and says "at least"', () => {
    const values = Float64Array.from({ length: 30_000 }, (_, i) => i * 0.5);
    const capped = columnProfile({ column: { name: 'Px', type: 'number', values }, rowCount: values.length, distinctCap: 1_000 });
    expect(capped).toMatchObject({ distinct: 1_000, distinctAtLeast: true, min: 0, max: 14_999.5 });
    expect(distinctLabel(capped)).toBe('≥ 1,000');
    const exact = columnProfile({ column: { name: 'Px', type: 'number', values }, rowCount: values.length, distinctCap: 30_000 });
    expect(exact).toMatchObject({ distinct: 30_000, distinctAtLeast: false });
    expect(distinctLabel(exact)).toBe('30,000');
  });

  it('profiles an all-blank column without a range, and every column of a table', () => {
    const table: Table = {
      rowCount: 2,
      columns: [
        { name: 'Empty', type: 'number', values: new Float64Array(2), nulls: Uint8Array.from([1, 1]) },
        { name: 'T', type: 'text', dictionary: [], codes: Int32Array.from([-1, -1]) },
      ],
      origin: origin(2),
    };
    expect(columnProfiles({ table })).toEqual([
      { name: 'Empty', type: 'number', rows: 2, nulls: 2, distinct: 0, distinctAtLeast: false, examples: [] },
      { name: 'T', type: 'text', rows: 2, nulls: 2, distinct: 0, distinctAtLeast: false, examples: [] },
    ]);
  });
});
