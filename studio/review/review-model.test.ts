import { describe, expect, it } from 'vitest';
import type { BreakViewField } from '$runtime/recon/break-view';
import { run } from '$runtime/recon/test-support';
import { nwayViews, pageOf, twoWayViews } from './break-fixtures';
import { groupByCluster, patchFilter } from './review-filter';
import { cellTone, describeSignature, formatAge, formatDifference, formatValue, kindLabel, orderFields } from './review-model';

const field = (over: Partial<BreakViewField>): BreakViewField => ({ field: 'F', values: {}, diff: null, rule: 'r', withinTolerance: false, disagree: [], ...over });

describe('review model', () => {
  it('writes values and differences as an analyst reads them', () => {
    expect([formatValue(0.1 + 0.2), formatValue(null), formatValue(''), formatValue(true), formatValue('ES')]).toEqual(['0.3', 'blank', 'blank', 'TRUE', 'ES']);
    expect(formatDifference(field({ diff: 2.5, measure: { value: 10, unit: 'ticks' } }))).toBe('+2.5 (10 ticks)');
    expect(formatDifference(field({ diff: -0.25, measure: { value: 1, unit: 'ticks' } }))).toBe('−0.25 (1 tick)');
    expect(formatDifference(field({ values: { a: null, b: 3 } }))).toBe('blank vs value');
    expect(formatDifference(field({ values: { a: 'X', b: 'Y' } }))).toBe('≠');
  });

  it('reads a blank on one side from the engine as "blank vs value"', () => {
    const r = run({ Id: ['A'], Qty: [null] }, { Id: ['A'], Qty: [3] }, { rules: [{ field: 'Qty', kind: 'exact' }] });
    const [view] = twoWayViews(r, ['left', 'right']);
    expect(formatDifference(view.fields[0])).toBe('blank vs value');
    expect(cellTone(view, view.fields[0], 'right')).toBe('out');
    expect(formatValue(view.fields[0].values.left)).toBe('blank');
  });

  it('ages in the largest whole unit', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(['2026-11-22T11:55:00Z', '2026-11-22T07:00:00Z', '2026-11-19T11:00:00Z', '2026-11-23T00:00:00Z'].map((t) => formatAge(t, now))).toEqual(['5m', '5h', '3d', '0m']);
  });

  it('lights the reference, the disagreeing and the within-tolerance sources apart', () => {
    const [t1002, t1004, t1005] = nwayViews();
    expect(cellTone(t1002, t1002.fields[0], 'internal')).toBe('reference');
    expect(cellTone(t1002, t1002.fields[0], 'broker')).toBe('out');
    expect(cellTone(t1002, t1002.fields[0], 'ccp')).toBe('same');
    const account = t1004.fields.find((f) => f.field === 'Account')!;
    expect(cellTone(t1004, account, 'broker')).toBe('within');
    expect(t1005.missing).toEqual(['broker', 'ccp']);
    expect(orderFields(t1004.fields, 'Account').map((f) => f.field)).toEqual(['Account', 'Qty', 'Price']);
  });

  it('labels kinds and signatures with the run\'s sources', () => {
    expect(kindLabel('only-left', ['internal', 'broker'])).toBe('Only in internal');
    expect(kindLabel('only-right', ['internal', 'broker', 'ccp'], ['internal'])).toBe('Missing in internal');
    expect(kindLabel('duplicate', ['internal', 'broker'])).toBe('Duplicate key');
    expect(describeSignature('only-right|Product=NQ', ['internal', 'broker'])).toBe('Only in broker · Product NQ');
  });

  it('keeps filters minimal and groups the page biggest cluster first', () => {
    expect(patchFilter({ runId: 'r', kind: ['field'] }, { kind: [], search: '', field: undefined })).toEqual({ runId: 'r' });
    const views = twoWayViews();
    const groups = groupByCluster([...views, { ...views[2], id: 50 }], pageOf([...views, { ...views[2], id: 50 }]).facets);
    expect(groups[0]).toMatchObject({ signature: 'only-left|Product=ES', total: 2 });
    expect(groups[0].rows.map((r) => r.id)).toEqual([3, 50]);
  });
});
