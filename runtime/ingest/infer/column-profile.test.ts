import { describe, expect, it } from 'vitest';
import { countDistinct, profileColumn } from './column-profile';

describe('column profile', () => {
  it('profiles a number column: blanks, distinct, min, max, examples', () => {
    const values = Float64Array.from([3, 1, 0, 2, 3, -0]);
    const nulls = Uint8Array.from([0, 0, 1, 0, 0, 0]);
    expect(profileColumn({ name: 'Qty', type: 'number', values, nulls }, 6)).toEqual({
      name: 'Qty', type: 'number', nulls: 1, distinct: 4, min: -0, max: 3, examples: ['3', '1', '2', '0'],
    });
  });

  it('gives dates as ISO text and booleans without a range', () => {
    const dates = profileColumn({ name: 'D', type: 'date', values: Float64Array.from([46346, 46345]) }, 2);
    expect(dates).toMatchObject({ min: '2026-11-19', max: '2026-11-20', distinct: 2, examples: ['2026-11-20', '2026-11-19'] });
    const flags = profileColumn({ name: 'B', type: 'boolean', values: Float64Array.from([1, 0, 1]) }, 3);
    expect(flags).toEqual({ name: 'B', type: 'boolean', nulls: 0, distinct: 2, examples: ['TRUE', 'FALSE'] });
  });

  it('profiles text from its dictionary', () => {
    const p = profileColumn({ name: 'Acct', type: 'text', dictionary: ['B', 'A', 'C'], codes: Int32Array.from([0, 1, -1, 2, 0]) }, 5);
    expect(p).toEqual({ name: 'Acct', type: 'text', nulls: 1, distinct: 3, min: 'A', max: 'C', examples: ['B', 'A', 'C'] });
  });

  it('counts distinct values exactly up to 65,536 and estimates within 2% above, saying so', () => {
    const small = Float64Array.from({ length: 100_000 }, (_, i) => i % 60_000);
    expect(countDistinct(small, undefined, small.length)).toEqual({ count: 60_000, estimated: false });
    const large = Float64Array.from({ length: 300_000 }, (_, i) => i * 0.25);
    const estimate = countDistinct(large, undefined, large.length);
    expect(estimate.estimated).toBe(true);
    expect(Math.abs(estimate.count - 300_000) / 300_000).toBeLessThan(0.02);
  });
});
