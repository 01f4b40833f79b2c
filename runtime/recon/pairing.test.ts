import { describe, expect, it } from 'vitest';
import { solveAssignment } from './assignment';
import { pairGroup, PAIRING_LIMITS } from './pairing';
import { run } from './test-support';

const QTY = [{ field: 'Qty', kind: 'exact' }] as const;

describe('duplicate keys: optimal pairing', () => {
  it('left [5, 7, 9] vs right [7, 5] on one key: two clean matches (5↔5, 7↔7) and one only-left (9)', () => {
    const r = run({ Id: ['T', 'T', 'T'], Qty: [5, 7, 9] }, { Id: ['T', 'T'], Qty: [7, 5] }, { rules: [...QTY] });
    expect(r.summary.matched).toBe(2);
    expect(r.summary.perfect).toBe(2);
    expect(r.breaks).toHaveLength(1);
    expect(r.breaks[0]).toMatchObject({ kind: 'only-left', key: { Id: 'T' }, lineage: { left: [{ datasetId: 'L', row: 4, index: 2 }] } });
  });

  it('pairs by fewest field breaks, where order of appearance would break every pair', () => {
    const left = { Id: ['T', 'T', 'T'], Qty: [10, 20, 30], Price: [1.5, 2.5, 3.5] };
    const right = { Id: ['T', 'T', 'T'], Qty: [30, 10, 20], Price: [3.5, 1.5, 2.5] };
    const r = run(left, right, { rules: [{ field: 'Qty', kind: 'exact' }, { field: 'Price', kind: 'abs', value: 0.01 }] });
    expect(r.breaks).toEqual([]);
    expect(r.summary.matched).toBe(3);
  });

  it('then by the smallest normalised difference', () => {
    // Every pairing breaks once (Note); order of appearance would pair 100.0 with 100.9.
    const left = { Id: ['T', 'T'], Price: [100.0, 100.8], Note: ['a', 'b'] };
    const right = { Id: ['T', 'T'], Price: [100.9, 100.1], Note: ['c', 'd'] };
    const r = run(left, right, { rules: [{ field: 'Price', kind: 'abs', value: 1 }, { field: 'Note', kind: 'exact' }] });
    const prices = r.breaks.map((b) => b.fields.find((f) => f.field === 'Price')).map((f) => [f!.left, f!.right, f!.withinTolerance]);
    expect(prices).toEqual([[100, 100.1, true], [100.8, 100.9, true]]);
  });

  it('keeps field breaks for the best pairs when some pair must break', () => {
    const r = run({ Id: ['T', 'T'], Qty: [5, 8] }, { Id: ['T', 'T'], Qty: [9, 5] }, { rules: [...QTY] });
    expect(r.breaks).toHaveLength(1);
    expect(r.breaks[0]).toMatchObject({ kind: 'field', fields: [{ field: 'Qty', left: 8, right: 9, diff: -1, withinTolerance: false }] });
  });

  it('reports an identical leftover as a duplicate', () => {
    const r = run({ Id: ['T', 'T'], Qty: [5, 5] }, { Id: ['T'], Qty: [5] }, { rules: [...QTY] });
    expect(r.summary.matched).toBe(1);
    expect(r.breaks.map((b) => b.kind)).toEqual(['duplicate']);
    expect(r.breaks[0].lineage.left!.map((x) => x.index)).toEqual([0, 1]);
  });

  it('reports a genuine tie between different candidates as ambiguous', () => {
    const r = run({ Id: ['T'], Price: [100] }, { Id: ['T', 'T'], Price: [99, 101] }, { rules: [{ field: 'Price', kind: 'abs', value: 2 }] });
    expect(r.breaks.map((b) => b.kind)).toEqual(['ambiguous']);
    expect(r.breaks[0].lineage.left!.map((x) => x.index)).toEqual([0]);
    expect(r.breaks[0].lineage.right!.map((x) => x.index)).toEqual([0, 1]);
    expect(r.summary.matched).toBe(0);
  });

  it('does not call interchangeable identical rows ambiguous', () => {
    const r = run({ Id: ['T', 'T'], Qty: [5, 5] }, { Id: ['T', 'T'], Qty: [5, 5] }, { rules: [...QTY] });
    expect(r.breaks).toEqual([]);
    expect(r.summary.matched).toBe(2);
  });

  it("under duplicates: 'report', a duplicated key is one duplicate break with every row", () => {
    const r = run({ Id: ['T', 'T', 'U'], Qty: [5, 7, 1] }, { Id: ['T', 'U'], Qty: [5, 1] }, { rules: [...QTY], duplicates: 'report' });
    expect(r.breaks).toHaveLength(1);
    expect(r.breaks[0]).toMatchObject({ kind: 'duplicate', key: { Id: 'T' } });
    expect(r.breaks[0].lineage.left).toHaveLength(2);
    expect(r.breaks[0].lineage.right).toHaveLength(1);
  });
});

describe('pairGroup', () => {
  const same = () => false;
  it('solves assignment optimally, rectangular either way', () => {
    const cost = Float64Array.from([4, 1, 3, 2, 0, 5, 3, 2, 2]);
    const a = solveAssignment(cost, 3, 3);
    expect([...a]).toEqual([1, 0, 2]); // 1 + 2 + 2 = 5
    const q = [5, 7, 9];
    const r = pairGroup({ left: [0, 1, 2], right: [0, 1], cost: (l, rr) => (q[l] === [7, 5][rr] ? 0 : 1), sameLeft: same, sameRight: same });
    expect(r.pairs).toEqual([[1, 0], [0, 1]]);
  });

  it('uses the documented greedy beyond the optimal limit, and still pairs equal values', () => {
    const n = PAIRING_LIMITS.optimal + 20;
    const left = Array.from({ length: n }, (_, i) => i);
    const right = Array.from({ length: n }, (_, i) => i);
    const lv = left.map((i) => i * 3);
    const rv = right.map((i) => (n - 1 - i) * 3);
    const result = pairGroup({ left, right, cost: (l, r) => (lv[l] === rv[r] ? 0 : 1 + Math.abs(lv[l] - rv[r]) / 1e6), sameLeft: same, sameRight: same });
    expect(result.method).toBe('greedy');
    expect(result.pairs).toHaveLength(n);
    expect(result.pairs.every(([l, r]) => lv[l] === rv[r])).toBe(true);
  });

  it('windows the greedy on huge groups, by the sort value', () => {
    const n = 600; // 360,000 pairs > allPairs
    const left = Array.from({ length: n }, (_, i) => i);
    const lv = left.map((i) => i * 2);
    const rv = left.map((i) => (n - 1 - i) * 2);
    const result = pairGroup({
      left, right: left, cost: (l, r) => (lv[l] === rv[r] ? 0 : 1), sameLeft: same, sameRight: same,
      sortValue: (side, row) => (side === 0 ? lv[row] : rv[row]),
    });
    expect(result.method).toBe('greedy-windowed');
    expect(result.pairs).toHaveLength(n);
    expect(result.pairs.every(([l, r]) => lv[l] === rv[r])).toBe(true);
  });
});
