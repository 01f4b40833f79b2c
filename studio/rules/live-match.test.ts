import { describe, expect, it } from 'vitest';
import { reconcile, reconcileMany } from '../../runtime/recon/index';
import { tableOf } from '../../runtime/recon/test-tables';
import { TemplateSchema, type TemplateInput } from '../../runtime/template/schema';
import { breakKindLabel, computeLiveMatch, formatRate, isLiveMatch, SAMPLE_BREAKS, type LiveMatch } from './live-match';

const referenceTables = { Ticks: { columns: ['Product', 'Tick Size'], rows: [['ES', 0.25], ['FGBL', 0.01]] } };

function template(match: TemplateInput['match'], sourceNames = ['internal', 'broker']) {
  return TemplateSchema.parse({
    schemaVersion: 1, name: 'Live', kind: sourceNames.length === 2 ? 'recon' : 'nway',
    sources: sourceNames.map((name) => ({ name, format: 'csv' })), match, referenceTables,
  });
}

// Mapped sample tables carrying their computed key column, as the preview hands them over.
const internal = tableOf('internal', {
  Account: ['A1', 'A1', 'A2', 'A3', 'A4', 'A5'], Product: ['ES', 'FGBL', 'ES', 'ES', 'FGBL', 'ES'],
  Price: [100, 130.5, 101, 102.5, 99, 50], Qty: [1, 2, 3, 4, 5, 6],
  'key: Trade': ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'],
});
const broker = tableOf('broker', {
  Account: ['A1', 'A1', 'A2', 'A3', 'A4', 'A9'], Product: ['ES', 'FGBL', 'ES', 'ES', 'FGBL', 'ES'],
  Price: [100, 130.51, 101.25, 102.5, 99.05, 50], Qty: [1, 2, 3, 5, 5, 6],
  'key: Trade': ['T1', 'T2', 'T3', 'T4', 'T5', 'T9'],
});

const twoWay = template({
  sources: ['internal', 'broker'],
  keys: [{ name: 'Trade', formulas: { internal: '[Trade Id]', broker: '[Ref]' } }],
  rules: [{ field: 'Price', kind: 'ticks', value: 1, tickTable: 'Ticks', tickKey: 'Product' }, { field: 'Qty', kind: 'exact' }],
  ruleSets: [{ name: 'Bunds', when: '[Product] = "FGBL"', rules: [{ field: 'Price', kind: 'abs', value: 0.02 }] }],
});

describe('computeLiveMatch', () => {
  it('gives the two-way engine\'s own figures for the template\'s keys, rules and rule sets', () => {
    const ruleSetIndex = Int32Array.from([-1, 0, -1, -1, 0, -1]);
    const live = computeLiveMatch({ template: twoWay, sources: { internal, broker }, ruleSetIndex });
    // The engine called directly, with the input written out by hand rather than built by template-match.
    const engine = reconcile({
      left: { name: 'internal', table: internal }, right: { name: 'broker', table: broker },
      keys: [{ name: 'Trade', columns: { internal: 'key: Trade', broker: 'key: Trade' }, trim: true, ignoreCase: false, stripLeadingZeros: false }],
      rules: twoWay.match!.rules, ruleSets: [{ name: 'Bunds', rules: twoWay.match!.ruleSets[0].rules }], ruleSetIndex,
      referenceTables, duplicates: 'optimal-pairing', suggest: false,
    });
    if (!isLiveMatch(live)) throw new Error(JSON.stringify(live));
    const s = engine.summary;
    expect(live).toMatchObject({ mode: 'two-way', matchRate: s.matchRate, matched: s.matched, perfect: s.perfect, withinTolerance: s.withinTolerance, breaks: s.breaks, byKind: s.byKind });
    expect(live.sampleBreaks).toEqual(engine.breaks);
    expect(live.findings).toEqual(engine.findings);
    // T1 identical; T2 FGBL within 0.02 (rule set); T3 ES 1 tick; T5 FGBL 0.05 > 0.02; T4 Qty 4 vs 5; T6/T9 one side only.
    expect({ matched: live.matched, perfect: live.perfect, withinTolerance: live.withinTolerance }).toEqual({ matched: 3, perfect: 1, withinTolerance: 2 });
    expect(live.byField).toEqual({ Price: 1, Qty: 1 });
    expect(live.byKind).toMatchObject({ 'only-left': 1, 'only-right': 1, field: 2 });
    expect(live.matchRate).toBeCloseTo(6 / 12);
    expect(live.sources).toEqual([{ name: 'internal', rows: 6 }, { name: 'broker', rows: 6 }]);
  });

  it('without the rule-set index every row keeps the default rules, as on the server', () => {
    const live = computeLiveMatch({ template: twoWay, sources: { internal, broker } }) as LiveMatch;
    // T2 (0.01 on FGBL) is one tick; T5 (0.05) is five ticks: still one Price break.
    expect(live.byField).toEqual({ Price: 1, Qty: 1 });
    expect(live.findings).toEqual([]);
  });

  it('gives the N-way engine\'s figures for three sources in authoritative order', () => {
    const ccp = tableOf('ccp', { Price: [100, 130.5, 101, 102.5, 99, 50], Qty: [1, 2, 3, 4, 5, 6], Product: ['ES', 'FGBL', 'ES', 'ES', 'FGBL', 'ES'], 'key: Trade': ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'] });
    const three = template({
      sources: ['internal', 'broker', 'ccp'],
      keys: [{ name: 'Trade', formulas: { internal: '[Id]', broker: '[Id]', ccp: '[Id]' } }],
      rules: [{ field: 'Price', kind: 'abs', value: 0.02 }, { field: 'Qty', kind: 'exact' }],
    }, ['internal', 'broker', 'ccp']);
    const live = computeLiveMatch({ template: three, sources: { internal, broker, ccp } }) as LiveMatch;
    const engine = reconcileMany({
      sources: [{ name: 'internal', table: internal }, { name: 'broker', table: broker }, { name: 'ccp', table: ccp }],
      keys: [{ name: 'Trade', columns: { internal: 'key: Trade', broker: 'key: Trade', ccp: 'key: Trade' }, trim: true, ignoreCase: false, stripLeadingZeros: false }],
      rules: three.match!.rules, ruleSets: [], referenceTables, duplicates: 'optimal-pairing',
    });
    expect(live).toMatchObject({ mode: 'n-way', matchRate: engine.summary.matchRate, matched: engine.summary.matched, perfect: engine.summary.perfect, breaks: engine.summary.breaks, byKind: engine.summary.byKind });
    expect(live.sampleBreaks).toEqual(engine.breaks);
    // broker disagrees on T3 (0.25) and T5 (0.05) prices and T4's Qty; T6 lacks broker, T9 lacks the book of record and the ccp.
    expect(live.byField).toEqual({ Price: 2, Qty: 1 });
    expect(live.byKind).toMatchObject({ field: 3, 'only-left': 1, 'only-right': 1 });
    expect(breakKindLabel({ kind: 'only-right', live })).toBe('missing from internal');
  });

  it('keeps the first 20 breaks as a sample and counts them all', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `L${i}`);
    const left = tableOf('internal', { Qty: ids.map(() => 1), 'key: Trade': ids });
    const right = tableOf('broker', { Qty: [1], 'key: Trade': ['R0'] });
    const live = computeLiveMatch({ template: twoWay, sources: { internal: left, broker: right } }) as LiveMatch;
    expect(live.breaks).toBe(31);
    expect(live.sampleBreaks).toHaveLength(SAMPLE_BREAKS);
    expect(live.matchRate).toBe(0);
    expect(formatRate(live.matchRate)).toBe('0%');
    expect(breakKindLabel({ kind: 'only-left', live })).toBe('only in internal');
  });

  it('says what is missing instead of matching half an input', () => {
    expect(computeLiveMatch({ template: twoWay, sources: { internal } })).toEqual({ error: 'No sample rows for `broker` yet: load a sample file for it.' });
    const noKey = tableOf('broker', { Price: [1] });
    expect(computeLiveMatch({ template: twoWay, sources: { internal, broker: noKey } })).toEqual({ error: 'The key `Trade` has not been computed for `broker` yet: fix its formula under Keys.' });
    expect(computeLiveMatch({ template: { ...twoWay, match: undefined }, sources: { internal, broker } })).toMatchObject({ error: expect.stringContaining('no match yet') });
    expect(computeLiveMatch({ template: { ...twoWay, match: { ...twoWay.match!, keys: [] } }, sources: { internal, broker } })).toMatchObject({ error: expect.stringContaining('at least one key') });
  });

  it('passes the engine\'s findings through, such as a product missing from the tick table', () => {
    const odd = tableOf('broker', { Account: ['A1'], Product: ['ZZ'], Price: [1], Qty: [1], 'key: Trade': ['T1'] });
    const left = tableOf('internal', { Account: ['A1'], Product: ['ZZ'], Price: [1.5], Qty: [1], 'key: Trade': ['T1'] });
    const live = computeLiveMatch({ template: twoWay, sources: { internal: left, broker: odd } }) as LiveMatch;
    expect(live.findings.map((f) => f.code)).toEqual(['recon.unknown-tick-product']);
    expect(live.byField.Price).toBe(1);
    expect(formatRate(0.875)).toBe('87.5%');
  });
});
