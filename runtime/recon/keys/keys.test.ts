import { describe, expect, it } from 'vitest';
import { key, run } from '../test-support';

const Q = { Qty: [1, 1] };

describe('key normalisation', () => {
  it('trims by default', () => {
    const r = run({ Id: [' T1', 'T2 '], ...Q }, { Id: ['T1', 'T2'], ...Q });
    expect(r.summary.matched).toBe(2);
    expect(r.breaks).toEqual([]);
  });

  it('ignores case when asked', () => {
    expect(run({ Id: ['abc', 'T2'], ...Q }, { Id: ['ABC', 'T2'], ...Q }).summary.matched).toBe(1);
    expect(run({ Id: ['abc', 'T2'], ...Q }, { Id: ['ABC', 'T2'], ...Q }, { keys: [key('Id', undefined, { ignoreCase: true })] }).summary.matched).toBe(2);
  });

  it('strips leading zeros when asked, also against numbers', () => {
    const keys = [key('Id', undefined, { stripLeadingZeros: true })];
    const r = run({ Id: ['000123', '0.5'], ...Q }, { Id: [123, 0.5], ...Q }, { keys });
    expect(r.summary.matched).toBe(2);
    expect(r.breaks[0]).toBeUndefined();
    expect(run({ Id: ['000123'] }, { Id: ['123'] }).summary.matched).toBe(0);
  });

  it('maps aliases to one canonical value (CME = XCME), from pairs or a reference table', () => {
    const left = { Id: ['T1', 'T2'], Exchange: ['CME', 'xcme'] };
    const right = { Id: ['T1', 'T2'], Exchange: ['XCME', 'XCME'] };
    const keys = [key('Id'), key('Exchange', undefined, { ignoreCase: true, aliases: [{ from: 'CME', to: 'XCME' }] })];
    expect(run(left, right, { keys }).summary.matched).toBe(2);
    const tableKeys = [key('Id'), key('Exchange', undefined, { ignoreCase: true, aliases: 'MICs' })];
    const referenceTables = { MICs: { columns: ['Alias', 'MIC'], rows: [['cme', 'XCME'], ['ICE', 'IFEU']] } };
    const r = run(left, right, { keys: tableKeys, referenceTables });
    expect(r.summary.matched).toBe(2);
    expect(r.findings).toEqual([]);
  });

  it('matches on composite keys built from columns with different names per source', () => {
    const r = run(
      { Account: ['A', 'A', 'B'], Ref: ['1', '2', '1'], Qty: [1, 2, 3] },
      { Acct: ['B', 'A', 'A'], TradeRef: ['1', '2', '1'], Qty: [3, 2, 1] },
      { keys: [key('Account', { left: 'Account', right: 'Acct' }), key('Ref', { left: 'Ref', right: 'TradeRef' })], rules: [{ field: 'Qty', kind: 'exact' }] },
    );
    expect(r.summary.matched).toBe(3);
    expect(r.summary.perfect).toBe(3);
  });
});

describe('blank keys', () => {
  it('never match: they are findings with source and row, not breaks', () => {
    const r = run({ Id: ['T1', null, '  '] }, { Id: ['T1', null, 'T3'] });
    expect(r.breaks.map((b) => b.kind)).toEqual(['only-right']);
    expect(r.summary.left.blankKeys).toBe(2);
    expect(r.summary.right.blankKeys).toBe(1);
    expect(r.findings.map((f) => [f.code, f.location.source, f.location.row, f.location.column])).toEqual([
      ['recon.blank-key', 'left', 3, 'Id'],
      ['recon.blank-key', 'left', 4, 'Id'],
      ['recon.blank-key', 'right', 3, 'Id'],
    ]);
    expect(r.findings[0].message).toMatch(/Row 3 of left has a blank key Id \(column `Id`\), so it cannot be matched: fill it/);
  });

  it('collapse into one count past the limit', () => {
    const r = run({ Id: [null, null, null, 'A'] }, { Id: ['A'] }, { maxKeyFindings: 1 });
    expect(r.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^Row 2 of left/),
      expect.stringMatching(/^2 more rows of left have a blank key/),
    ]);
  });

  it('a part blank in a composite key makes the whole key blank', () => {
    const keys = [key('Id'), key('Acct')];
    const r = run({ Id: ['T1', 'T2'], Acct: ['A', null] }, { Id: ['T1', 'T2'], Acct: ['A', null] }, { keys });
    expect(r.summary.matched).toBe(1);
    expect(r.breaks).toEqual([]);
    expect(r.findings).toHaveLength(2);
  });
});

describe('configuration problems are findings', () => {
  it('a missing key column, with did-you-mean', () => {
    const r = run({ Id: ['1'] }, { ID: ['1'] }, { keys: [key('Id', { left: 'Id', right: 'Idd' })] });
    expect(r.breaks).toEqual([]);
    expect(r.findings[0]).toMatchObject({ code: 'recon.unknown-key-column', severity: 'error', location: { source: 'right', column: 'Idd' } });
    expect(r.findings[0].message).toMatch(/did you mean `ID`\?/);
  });
  it('a rule on a missing field is left out', () => {
    const r = run({ Id: ['1'], Price: [1] }, { Id: ['1'], Prices: [2] }, { rules: [{ field: 'Price', kind: 'exact' }] });
    expect(r.summary.matched).toBe(1);
    expect(r.findings.map((f) => f.code)).toEqual(['recon.unknown-field']);
  });
});
