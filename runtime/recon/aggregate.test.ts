import { describe, expect, it } from 'vitest';
import { key, run } from './test-support';

describe('many-to-one aggregation', () => {
  it('blocks vs allocations: sums the allocations per block and compares the totals', () => {
    const blocks = { Block: ['B1', 'B2', 'B3'], Qty: [100, 50, 10], Price: [99.5, 101.25, 7] };
    const allocations = {
      Block: ['B1', 'B1', 'B1', 'B2', 'B2', 'B4'],
      Qty: [33.3, 33.3, 33.4, 20, 25, 5],
      Price: [99.5, 99.5, 99.5, 101.25, 101.25, 1],
    };
    const r = run(blocks, allocations, {
      keys: [key('Block')],
      rules: [{ field: 'Qty', kind: 'exact' }, { field: 'Price', kind: 'abs', value: 0.001 }],
      aggregate: { side: 'right', fields: ['Qty'] },
    });
    // B1: 33.3 + 33.3 + 33.4 = 100 exactly, on decimals.
    expect(r.summary.matched).toBe(1);
    const byKey = Object.fromEntries(r.breaks.map((b) => [b.key.Block, b]));
    expect(byKey.B2).toMatchObject({ kind: 'aggregate', fields: [{ field: 'Qty', left: 50, right: 45, diff: 5, withinTolerance: false }] });
    expect(byKey.B2.lineage.left).toHaveLength(1);
    expect(byKey.B2.lineage.right!.map((x) => x.row)).toEqual([5, 6]);
    expect(byKey.B3.kind).toBe('only-left');
    expect(byKey.B4.kind).toBe('only-right');
    expect(r.summary.matchRate).toBeCloseTo((1 + 3) / 9);
    expect(r.summary.datacompy).toMatchObject({ commonRows: 2, onlyLeft: 1, onlyRight: 1, unequalRows: 1, equalRows: 1 });
  });

  it('a position vs its trades: trades aggregated on the left, non-summed fields must agree', () => {
    const trades = { Account: ['A', 'A', 'A', 'B', 'B'], Product: ['ES', 'ES', 'ES', 'NQ', 'NQ'], Qty: [10, -4, 2, 5, 5], Ccy: ['USD', 'USD', 'USD', 'USD', 'EUR'] };
    const positions = { Account: ['A', 'B'], Product: ['ES', 'NQ'], Qty: [8, 10], Ccy: ['USD', 'USD'] };
    const r = run(trades, positions, {
      keys: [key('Account'), key('Product')],
      rules: [{ field: 'Qty', kind: 'exact' }, { field: 'Ccy', kind: 'exact' }],
      aggregate: { side: 'left', fields: ['Qty'] },
    });
    expect(r.summary.matched).toBe(1);
    expect(r.breaks).toHaveLength(1);
    // B's trades disagree on Ccy, so the group has no single Ccy: a field break, not a sum break.
    expect(r.breaks[0]).toMatchObject({ kind: 'field', key: { Account: 'B', Product: 'NQ' }, fields: [{ field: 'Ccy', left: null, right: 'USD' }] });
    expect(r.breaks[0].lineage.left!.map((x) => x.index)).toEqual([3, 4]);
  });

  it('reports an unknown aggregate side', () => {
    const r = run({ Id: ['1'], Qty: [1] }, { Id: ['1'], Qty: [1] }, { aggregate: { side: 'ccp', fields: ['Qty'] } });
    expect(r.findings.map((f) => f.code)).toEqual(['recon.unknown-aggregate-side']);
    expect(r.summary.matched).toBe(1);
  });
});
