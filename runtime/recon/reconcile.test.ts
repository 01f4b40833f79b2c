import { describe, expect, it } from 'vitest';
import { reconcile } from './reconcile';
import { run } from './test-support';
import { tableOf } from './test-tables';

describe('reconcile', () => {
  const left = { Id: ['A', 'B', 'C', 'D', 'E'], Qty: [1, 2, 3, 4, 5], Price: [10, 20, 30, 40, 50] };
  const right = { Id: ['A', 'B', 'C', 'D', 'F'], Qty: [1, 2, 3, 9, 6], Price: [10, 20.005, 30, 40, 60] };
  const rules = [{ field: 'Qty', kind: 'exact' }, { field: 'Price', kind: 'abs', value: 0.01 }] as const;

  it('returns breaks in the DESIGN §4 shape', () => {
    const r = run(left, right, { rules: [...rules], suggest: false });
    expect(r.breaks[0]).toEqual({
      key: { Id: 'D' },
      kind: 'field',
      fields: [{ field: 'Qty', left: 4, right: 9, diff: -5, rule: 'Qty must match exactly', tolerance: rules[0], withinTolerance: false }],
      severity: 'error',
      cluster: 'field|Qty:-1e0',
      lineage: { left: [{ datasetId: 'L', row: 5, index: 3 }], right: [{ datasetId: 'R', row: 5, index: 3 }] },
    });
    expect(r.breaks.slice(1).map((b) => [b.kind, b.key.Id, b.lineage])).toEqual([
      ['only-left', 'E', { left: [{ datasetId: 'L', row: 6, index: 4 }] }],
      ['only-right', 'F', { right: [{ datasetId: 'R', row: 6, index: 4 }] }],
    ]);
  });

  it('summarises: counts by kind and field, match rate, perfect vs within tolerance, datacompy counts', () => {
    const { summary } = run(left, right, { rules: [...rules], suggest: false });
    expect(summary).toMatchObject({
      left: { name: 'left', rows: 5, blankKeys: 0 },
      right: { name: 'right', rows: 5, blankKeys: 0 },
      matched: 3,
      perfect: 2,
      withinTolerance: 1,
      matchRate: 0.6,
      breaks: 3,
      byKind: { 'only-left': 1, 'only-right': 1, field: 1, duplicate: 0, ambiguous: 0, aggregate: 0 },
      byField: {
        Qty: { compared: 4, identical: 3, withinTolerance: 0, breaks: 1, maxDiff: 5, nullDiff: 0 },
        Price: { compared: 4, identical: 3, withinTolerance: 1, breaks: 0, maxDiff: 0, nullDiff: 0 },
      },
      datacompy: {
        commonRows: 4, onlyLeft: 1, onlyRight: 1, unequalRows: 1, equalRows: 3,
        byColumn: [{ column: 'Qty', mismatches: 1, maxDiff: 5, nullDiff: 0 }, { column: 'Price', mismatches: 0, maxDiff: 0, nullDiff: 0 }],
      },
    });
    expect(summary.clusters.map((c) => c.kind).sort()).toEqual(['field', 'only-left', 'only-right']);
  });

  it('lists within-tolerance differences beside the broken field', () => {
    const r = run({ Id: ['A'], Qty: [1], Price: [10] }, { Id: ['A'], Qty: [2], Price: [10.01] }, { rules: [...rules] });
    expect(r.breaks[0].fields.map((f) => [f.field, f.withinTolerance, f.diff])).toEqual([['Qty', false, -1], ['Price', true, -0.01]]);
    expect(r.breaks[0].cluster).toBe('field|Qty:-1e0');
  });

  it('counts a blank against a value as datacompy null_diff', () => {
    const r = run({ Id: ['A'], Qty: [null] }, { Id: ['A'], Qty: [3] }, { rules: [{ field: 'Qty', kind: 'exact' }] });
    expect(r.breaks[0].fields[0]).toMatchObject({ left: null, right: 3, diff: null });
    expect(r.summary.byField.Qty.nullDiff).toBe(1);
    expect(r.breaks[0].cluster).toBe('field|Qty:blank-left');
  });

  it('keeps lineage to the file of each row when a table concatenates several files', () => {
    const t = tableOf('x', { Id: ['A', 'B'] });
    const multi = { ...t, origin: { datasetId: 'f1', rowNumbers: Int32Array.from([7, 3]), datasets: { ids: ['f1', 'f2'], index: Uint16Array.from([0, 1]) } } };
    const r = reconcile({ left: { name: 'l', table: multi }, right: { name: 'r', table: tableOf('R', { Id: ['Z'] }) }, keys: [{ name: 'Id', columns: { l: 'Id', r: 'Id' } }], suggest: false });
    expect(r.breaks.filter((b) => b.kind === 'only-left').map((b) => b.lineage.left)).toEqual([[{ datasetId: 'f1', row: 7, index: 0 }], [{ datasetId: 'f2', row: 3, index: 1 }]]);
  });

  it('reconciles empty tables to an empty, perfect result', () => {
    const r = run({ Id: [] }, { Id: [] });
    expect(r.breaks).toEqual([]);
    expect(r.summary.matchRate).toBe(1);
  });
});
