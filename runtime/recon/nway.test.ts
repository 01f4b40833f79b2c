import { describe, expect, it } from 'vitest';
import { reconcileMany } from './nway';
import { tableOf, type TestColumn } from './test-tables';
import type { ReconcileManyInput } from './types';

const sources = (tables: Record<string, Record<string, TestColumn>>) => Object.entries(tables).map(([name, cols]) => ({ name, table: tableOf(name, cols) }));
const keys = [{ name: 'Id', columns: { internal: 'Id', broker: 'Id', ccp: 'Id' } }];

function three(more: Partial<ReconcileManyInput> = {}) {
  return reconcileMany({
    sources: sources({
      internal: { Id: ['T1', 'T2', 'T3', 'T4'], Qty: [10, 20, 30, 40], Price: [1.25, 2.5, 3.75, 5] },
      broker: { Id: ['T1', 'T2', 'T4', 'T5'], Qty: [10, 20, 41, 50], Price: [1.25, 2.5, 5, 6] },
      ccp: { Id: ['T1', 'T2', 'T3', 'T4', 'T5'], Qty: [10, 20, 30, 40, 50], Price: [1.25, 2.75, 3.75, 5, 6] },
    }),
    keys,
    rules: [{ field: 'Qty', kind: 'exact' }, { field: 'Price', kind: 'abs', value: 0.1 }],
    ...more,
  });
}

describe('reconcileMany', () => {
  it('matches across every source and names the missing and the disagreeing sources with their values', () => {
    const r = three();
    expect(r.findings).toEqual([]);
    const byKey = Object.fromEntries(r.breaks.map((b) => [b.key.Id, b]));
    expect(Object.keys(byKey).sort()).toEqual(['T2', 'T3', 'T4', 'T5']);
    expect(byKey.T2).toMatchObject({ kind: 'field', missing: [], disagree: ['ccp'] });
    expect(byKey.T2.fields).toEqual([expect.objectContaining({ field: 'Price', reference: 'internal', values: { internal: 2.5, broker: 2.5, ccp: 2.75 }, disagree: ['ccp'], left: 2.5, right: 2.75, diff: -0.25, withinTolerance: false })]);
    expect(byKey.T3).toMatchObject({ kind: 'only-left', present: ['internal', 'ccp'], missing: ['broker'], disagree: [] });
    expect(byKey.T4).toMatchObject({ kind: 'field', disagree: ['broker'] });
    expect(byKey.T4.fields[0]).toMatchObject({ field: 'Qty', values: { internal: 40, broker: 41, ccp: 40 } });
    // Missing from the book of record: the first present source is the reference.
    expect(byKey.T5).toMatchObject({ kind: 'only-right', missing: ['internal'], disagree: [] });
    expect(byKey.T5.lineage).toEqual({ broker: [{ datasetId: 'broker', row: 5, index: 3 }], ccp: [{ datasetId: 'ccp', row: 6, index: 4 }] });
  });

  it('summarises with a per-field agreement matrix', () => {
    const { summary } = three();
    expect(summary).toMatchObject({ tuples: 5, matched: 1, perfect: 1, breaks: 4, missingBySource: { internal: 1, broker: 1, ccp: 0 } });
    // Price: internal–broker meet on T1, T2, T4 and agree on all; ccp says 2.75 for T2, so it disagrees once with each.
    expect(summary.agreement.Price.compared).toEqual([[0, 3, 4], [3, 0, 4], [4, 4, 0]]);
    expect(summary.agreement.Price.agree).toEqual([[0, 3, 3], [3, 0, 3], [3, 3, 0]]);
    expect(summary.agreement.Qty.agree).toEqual([[0, 2, 4], [2, 0, 3], [4, 3, 0]]);
    expect(summary.matchRate).toBeCloseTo(3 / 13);
  });

  it('pairs duplicates against the book of record optimally', () => {
    const r = reconcileMany({
      sources: sources({
        internal: { Id: ['T', 'T'], Qty: [5, 7] },
        broker: { Id: ['T', 'T'], Qty: [7, 5] },
        ccp: { Id: ['T', 'T', 'T'], Qty: [7, 5, 5] },
      }),
      keys,
      rules: [{ field: 'Qty', kind: 'exact' }],
    });
    expect(r.summary.matched).toBe(2);
    expect(r.breaks.map((b) => b.kind)).toEqual(['duplicate']);
    expect(r.breaks[0].lineage.ccp.map((x) => x.index)).toEqual([1, 2]);
  });

  it('rejects fewer than two sources as a finding', () => {
    const r = reconcileMany({ sources: sources({ internal: { Id: ['T'] } }), keys });
    expect(r.findings[0].code).toBe('recon.sources');
  });
});
