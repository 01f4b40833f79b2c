import { describe, expect, it } from 'vitest';
import { parseFormulaPaste } from './formula-paste';

describe('parseFormulaPaste', () => {
  it('reads two columns copied from Excel, with or without a header and leading =', () => {
    expect(parseFormulaPaste('Target\tFormula\r\nNotional\t=ROUND([Price] * [Quantity], 2)\r\nSide\tIF([Quantity] < 0, "S", "B")\r\n')).toEqual({
      ok: true,
      formulas: [{ target: 'Notional', formula: 'ROUND([Price] * [Quantity], 2)' }, { target: 'Side', formula: 'IF([Quantity] < 0, "S", "B")' }],
    });
  });

  it('reads typed "Target = formula" lines, keeping every = after the first', () => {
    expect(parseFormulaPaste('Is Long = [Quantity] >= 0\n\nDesk=UPPER([Desk])')).toEqual({
      ok: true,
      formulas: [{ target: 'Is Long', formula: '[Quantity] >= 0' }, { target: 'Desk', formula: 'UPPER([Desk])' }],
    });
  });

  it('unquotes a cell Excel quoted', () => {
    expect(parseFormulaPaste('Label\t"CONCAT([A], ""-"", [B])"')).toEqual({ ok: true, formulas: [{ target: 'Label', formula: 'CONCAT([A], "-", [B])' }] });
  });

  it('says which line to fix, and how', () => {
    expect(parseFormulaPaste('Notional\t[Price]\nSide')).toEqual({ ok: false, error: expect.stringMatching(/^Line 2 has no formula: put each target and its formula in two columns/) });
    expect(parseFormulaPaste('\t[Price]')).toEqual({ ok: false, error: 'Line 1 has a formula but no target name: name the column it fills.' });
    expect(parseFormulaPaste('Notional\t  ')).toEqual({ ok: false, error: 'Line 1 names Notional but gives no formula: add it after the name.' });
    expect(parseFormulaPaste('Notional\t1\nnotional\t2')).toEqual({ ok: false, error: 'Lines 1 and 2 both set notional: keep one of them.' });
    expect(parseFormulaPaste(' \n')).toEqual({ ok: false, error: expect.stringMatching(/^Paste the targets/) });
  });
});
