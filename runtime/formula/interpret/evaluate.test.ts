import { describe, expect, it } from 'vitest';
import { ERR } from '../library/values';
import { parseFormula } from '../syntax/parser';
import { CONTEXT } from '../testing/run-compiled';
import { evaluate } from './evaluate';

describe('reference interpreter', () => {
  it('evaluates text or an AST against a row', () => {
    expect(evaluate({ text: '[Price]*2', row: { Price: 2.5 }, context: CONTEXT })).toBe(5);
    const parsed = parseFormula('ROUND([price], 1)');
    if (!parsed.ok) throw new Error('parse');
    expect(evaluate({ ast: parsed.ast, row: { Price: 2.25 }, context: CONTEXT })).toBe(2.3);
  });

  it('gives unchecked formulas Excel runtime errors instead of throwing', () => {
    expect(evaluate({ text: 'NOPE(1)', row: {}, context: CONTEXT })).toBe(ERR.NAME);
    expect(evaluate({ text: 'Price', row: { Price: 1 }, context: CONTEXT })).toBe(ERR.NAME);
    expect(evaluate({ text: '[Missing]', row: {}, context: CONTEXT })).toBe(ERR.REF);
    expect(evaluate({ text: 'SUM(T[c])', row: {}, context: CONTEXT })).toBe(ERR.REF);
    expect(evaluate({ text: 'SUM(T[c])', row: {}, context: { ...CONTEXT, tables: { t: { C: [1, 2] } } } })).toBe(3);
    expect(evaluate({ text: 'SUM(T[x])', row: {}, context: { ...CONTEXT, tables: { t: { C: [1, 2] } } } })).toBe(ERR.REF);
  });

  it('treats a missing cell value as blank', () => {
    expect(evaluate({ text: 'ISBLANK([a])', row: { a: undefined as unknown as null }, context: CONTEXT })).toBe(true);
  });

  it('refuses text that does not parse: it is the reference, not the editor', () => {
    expect(() => evaluate({ text: '1+', row: {}, context: CONTEXT })).toThrow(/does not parse: The formula ends too early/);
  });
});
