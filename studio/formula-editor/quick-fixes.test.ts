import { describe, expect, it } from 'vitest';
import { checkFormulaText } from './formula-diagnostics';
import { applyQuickFix, quickFixes, quickFixesIn } from './quick-fixes';
import { MAPPING, RECON } from './test-context';

const fixesFor = (text: string, context = MAPPING) => quickFixes({ text, diagnostics: checkFormulaText({ text, context }).diagnostics });

describe('did-you-mean quick fixes', () => {
  it('replace exactly the misspelled column, leaving the rest alone', () => {
    const text = 'ROUND([Notional Amout] * [Quantity], 2)';
    const [fix] = fixesFor(text);
    expect(fix).toMatchObject({ title: 'Replace `[Notional Amout]` with `[Notional Amount]`', start: 6, end: 22, text: '[Notional Amount]' });
    expect(fix.range).toEqual({ startLineNumber: 1, startColumn: 7, endLineNumber: 1, endColumn: 23 });
    expect(applyQuickFix(text, fix)).toBe('ROUND([Notional Amount] * [Quantity], 2)');
  });

  it('replace only the name of a misspelled function, not its arguments', () => {
    const text = 'roudn([Trade Price], 2) + ROUDN(1, 0)';
    const fixes = fixesFor(text);
    expect(fixes.map((f) => [f.start, f.end, f.text])).toEqual([
      [0, 5, 'ROUND'],
      [26, 31, 'ROUND'],
    ]);
    expect(applyQuickFix(text, fixes[1])).toBe('roudn([Trade Price], 2) + ROUND(1, 0)');
  });

  it('fix source-qualified columns, table names and table columns', () => {
    expect(applyQuickFix('[broker!Prise] > 0', fixesFor('[broker!Prise] > 0', RECON)[0])).toBe('[broker!Price] > 0');
    const lookup = 'XLOOKUP([Side], Fxx[Ccy], Fx[Rtae])';
    expect(fixesFor(lookup).map((f) => applyQuickFix(lookup, f))).toEqual([
      'XLOOKUP([Side], Fx[Ccy], Fx[Rtae])',
      'XLOOKUP([Side], Fxx[Ccy], Fx[Rate])',
    ]);
  });

  it('fix habits from other languages and add a missing parenthesis', () => {
    expect(applyQuickFix('[Side] == "BUY"', fixesFor('[Side] == "BUY"')[0])).toBe('[Side] = "BUY"');
    const [close] = fixesFor('ROUND([Trade Price], 2');
    expect(close.title).toBe('Add `)`');
    expect(applyQuickFix('ROUND([Trade Price], 2', close)).toBe('ROUND([Trade Price], 2)');
    expect(applyQuickFix('Quantity * 2', fixesFor('Quantity * 2')[0])).toBe('[Quantity] * 2');
  });

  it('map spans on later lines', () => {
    const text = 'IF([Active],\n  [Trade Pirce],\n  0)';
    const [fix] = fixesFor(text);
    expect(fix.range).toEqual({ startLineNumber: 2, startColumn: 3, endLineNumber: 2, endColumn: 16 });
    expect(applyQuickFix(text, fix)).toBe('IF([Active],\n  [Trade Price],\n  0)');
  });

  it('offer nothing when there is no close name, and only the fixes at the cursor', () => {
    expect(fixesFor('[Completely Different]')).toEqual([]);
    const text = 'ROUDN([Notional Amout], 2)';
    const fixes = fixesFor(text);
    expect(quickFixesIn(fixes, 2, 2).map((f) => f.text)).toEqual(['ROUND']);
    expect(quickFixesIn(fixes, 10, 12).map((f) => f.text)).toEqual(['[Notional Amount]']);
    expect(quickFixesIn(fixes, 24, 25)).toEqual([]);
  });
});
