import { describe, expect, it } from 'vitest';
import { outcome } from '../test-support';

const TICKS = { Ticks: { columns: ['Product', 'Tick'], rows: [['ES', 0.25], ['ZN', 0.015625], ['CL', 0.01]] } };

describe('exact', () => {
  it('compares numbers at 15 significant digits and text as written', () => {
    expect(outcome({ field: 'Qty', kind: 'exact' }, 5, 5)).toBe('identical');
    expect(outcome({ field: 'Qty', kind: 'exact' }, 0.1 + 0.2, 0.3)).toBe('identical');
    expect(outcome({ field: 'Qty', kind: 'exact' }, 5, 5.000001)).toBe('break');
    expect(outcome({ field: 'Side', kind: 'exact' }, 'Buy', 'Buy')).toBe('identical');
    expect(outcome({ field: 'Side', kind: 'exact' }, 'Buy', 'buy')).toBe('break');
  });

  it('treats blank vs blank as equal and blank vs a value as a break', () => {
    expect(outcome({ field: 'Qty', kind: 'exact' }, null, null)).toBe('identical');
    expect(outcome({ field: 'Qty', kind: 'exact' }, null, 0)).toBe('break');
    expect(outcome({ field: 'Side', kind: 'exact' }, 'Buy', null)).toBe('break');
  });

  it('compares a number with numeric text as numbers', () => {
    expect(outcome({ field: 'Qty', kind: 'exact' }, 100, '100.0')).toBe('identical');
  });
});

describe('abs', () => {
  const rule = { field: 'Price', kind: 'abs', value: 0.1 } as const;
  it('is inclusive at the boundary, with no false break from binary floating point', () => {
    expect(1.1 - 1.0).toBeGreaterThan(0.1); // the trap
    expect(outcome(rule, 1.0, 1.1)).toBe('within');
    expect(outcome(rule, 1.1, 1.0)).toBe('within');
    expect(outcome(rule, 1000000.1, 1000000.2)).toBe('within');
    expect(outcome(rule, 0.7, 0.8)).toBe('within');
  });
  it('is within just inside and breaks just outside', () => {
    expect(outcome(rule, 1.0, 1.09)).toBe('within');
    expect(outcome(rule, 1.0, 1.0999999)).toBe('within');
    expect(outcome(rule, 1.0, 1.1000001)).toBe('break');
    expect(outcome(rule, 1.0, 1.11)).toBe('break');
    expect(outcome(rule, 123456.78, 123456.8800001)).toBe('break');
  });
  it('with value 0 behaves as exact', () => {
    expect(outcome({ field: 'Price', kind: 'abs', value: 0 }, 0.1 + 0.2, 0.3)).toBe('identical');
    expect(outcome({ field: 'Price', kind: 'abs', value: 0 }, 1, 1.0000001)).toBe('break');
  });
});

describe('rel', () => {
  it('symmetric: |l − r| ≤ abs + value × max(|l|, |r|)', () => {
    const rule = { field: 'Notional', kind: 'rel', value: 0.01 } as const;
    expect(outcome(rule, 100, 101)).toBe('within'); // 1 ≤ 0.01 × 101
    expect(outcome(rule, 101, 100)).toBe('within'); // symmetric
    expect(outcome(rule, 100, 101.0101)).toBe('within'); // 1.0101 ≤ 1.010101
    expect(outcome(rule, 100, 101.0102)).toBe('break'); // 1.0102 > 1.010102: just outside
    expect(outcome(rule, 99, 100)).toBe('within'); // exactly at: 1 ≤ 0.01 × 100
    expect(outcome(rule, 98.99, 100)).toBe('break');
  });
  it('right (datacompy): |l − r| ≤ abs + value × |r|', () => {
    const rule = { field: 'Notional', kind: 'rel', value: 0.01, mode: 'right' } as const;
    expect(outcome(rule, 101, 100)).toBe('within'); // exactly at: 1 ≤ 0.01 × 100
    expect(outcome(rule, 100, 101)).toBe('within'); // 1 ≤ 1.01
    expect(outcome(rule, 101.01, 100)).toBe('break'); // 1.01 > 1.00: order matters
    expect(outcome({ ...rule, abs: 0.01 }, 101.01, 100)).toBe('within'); // 1.01 ≤ 0.01 + 1
    expect(outcome({ ...rule, abs: 0.01 }, 101.0100001, 100)).toBe('break');
  });
});

describe('ticks', () => {
  const rule = { field: 'Price', kind: 'ticks', value: 1, tickTable: 'Ticks', tickKey: 'Product' } as const;
  const es = { referenceTables: TICKS, leftExtra: { Product: ['ES'] }, rightExtra: { Product: ['ES'] } };
  it('uses the tick size of the product from the tick table (100.25 vs 100.00 is one tick)', () => {
    expect(outcome(rule, 100.25, 100.0, es)).toBe('within');
    expect(outcome(rule, 100.0, 100.25, es)).toBe('within');
    expect(outcome(rule, 100.0, 100.2, es)).toBe('within');
    expect(outcome(rule, 100.0, 100.26, es)).toBe('break');
    expect(outcome(rule, 100.0, 100.5, es)).toBe('break');
    expect(outcome({ ...rule, value: 2 }, 100.0, 100.5, es)).toBe('within');
  });
  it('handles binary-unfriendly tick sizes exactly at k ticks', () => {
    const cl = { referenceTables: TICKS, leftExtra: { Product: ['CL'] }, rightExtra: { Product: ['CL'] } };
    expect(outcome({ ...rule, value: 3 }, 70.01, 70.04, cl)).toBe('within'); // 0.03 = 3 × 0.01
    expect(outcome({ ...rule, value: 3 }, 70.01, 70.0400001, cl)).toBe('break');
    const zn = { referenceTables: TICKS, leftExtra: { Product: ['zn '] }, rightExtra: { Product: ['ZN'] } };
    expect(outcome(rule, 110.5, 110.515625, zn)).toBe('within');
    expect(outcome(rule, 110.5, 110.515626, zn)).toBe('break');
  });
  it('takes the tick size from a column', () => {
    const r = { field: 'Price', kind: 'ticks', value: 1, tickColumn: 'Tick' } as const;
    const more = { leftExtra: { Tick: [0.5] }, rightExtra: { Tick: [0.5] } };
    expect(outcome(r, 10, 10.5, more)).toBe('within');
    expect(outcome(r, 10, 10.51, more)).toBe('break');
  });
  it('compares exactly, with a finding, for a product missing from the table', () => {
    const more = { referenceTables: TICKS, leftExtra: { Product: ['NQ'] }, rightExtra: { Product: ['NQ'] } };
    expect(outcome(rule, 100, 100.25, more)).toBe('break');
  });
});

describe('bps', () => {
  const rule = { field: 'Rate', kind: 'bps', value: 0.5 } as const;
  it('allows |l − r| × 10,000 ≤ value, inclusive', () => {
    expect(outcome(rule, 0.0525, 0.05255)).toBe('within'); // exactly 0.5 bp
    expect(outcome(rule, 0.05255, 0.0525)).toBe('within');
    expect(outcome(rule, 0.0525, 0.052549)).toBe('within'); // 0.49 bp
    expect(outcome(rule, 0.0525, 0.0525501)).toBe('break'); // 0.501 bp
    expect(outcome({ field: 'Rate', kind: 'bps', value: 1 }, 0.0301, 0.03)).toBe('within');
  });
});

describe('days', () => {
  const rule = { field: 'Settle', kind: 'days', value: 1 } as const;
  const d = (date: string) => ({ date });
  it('counts business days: Friday and Monday are one apart', () => {
    expect(outcome(rule, d('2025-03-07'), d('2025-03-10'))).toBe('within'); // Fri → Mon
    expect(outcome(rule, d('2025-03-07'), d('2025-03-11'))).toBe('break'); // Fri → Tue: 2
    expect(outcome({ ...rule, value: 2 }, d('2025-03-07'), d('2025-03-11'))).toBe('within');
    expect(outcome(rule, d('2025-03-10'), d('2025-03-10'))).toBe('identical');
    expect(outcome({ ...rule, value: 0 }, d('2025-03-10'), d('2025-03-11'))).toBe('break');
  });
  it('skips holidays from a reference table', () => {
    const referenceTables = { Holidays: { columns: ['Date', 'Name'], rows: [['2025-03-10', 'Bank holiday']] } };
    expect(outcome({ ...rule, holidays: 'Holidays' }, d('2025-03-07'), d('2025-03-11'), { referenceTables })).toBe('within');
    expect(outcome({ ...rule, holidays: 'Holidays' }, d('2025-03-07'), d('2025-03-12'), { referenceTables })).toBe('break');
  });
  it('reads dates written as text', () => {
    expect(outcome(rule, '2025-03-07', d('2025-03-10'))).toBe('within');
  });
});

describe('text', () => {
  it('ignores case and extra spaces by default; within, not identical', () => {
    const rule = { field: 'Cpty', kind: 'text' } as const;
    expect(outcome(rule, 'ACME Corp', 'ACME Corp')).toBe('identical');
    expect(outcome(rule, 'ACME  corp ', 'acme Corp')).toBe('within');
    expect(outcome(rule, 'ACME Corp', 'ACME Corp.')).toBe('break');
    expect(outcome(rule, '   ', null)).toBe('within');
  });
  it('honours case and spaces when asked', () => {
    expect(outcome({ field: 'Cpty', kind: 'text', ignoreCase: false }, 'ACME', 'acme')).toBe('break');
    expect(outcome({ field: 'Cpty', kind: 'text', ignoreSpaces: false }, 'ACME ', 'ACME')).toBe('break');
  });
  it('uses an equivalence table', () => {
    const referenceTables = { Sides: { columns: ['Value', 'Canonical'], rows: [['B', 'Buy'], ['S', 'Sell'], ['BOT', 'Buy']] } };
    const rule = { field: 'Side', kind: 'text', equivalents: 'Sides' } as const;
    expect(outcome(rule, 'Buy', 'b', { referenceTables })).toBe('within');
    expect(outcome(rule, 'BOT', 'B', { referenceTables })).toBe('within');
    expect(outcome(rule, 'Buy', 'S', { referenceTables })).toBe('break');
  });
});
