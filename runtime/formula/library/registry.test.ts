/**
 * The registry as a whole: the rules every entry must follow, and every documented example
 * run through the real pipeline (parse, check, compile, interpret) to its documented result.
 */
import { describe, expect, it } from 'vitest';
import { arityProblem } from '../check/arity';
import { displayValue } from '../display-value';
import { compileOrThrow, both, CONTEXT } from '../testing/run-compiled';
import { FUNCTIONS, createLibrary, findFunction } from './index';
import { FormulaError, numberToText, type Scalar } from './values';

/**
 * A result as the reference page writes it: text bare, numbers General, dates as yyyy-mm-dd
 * (datetimes stay numbers: TIME(18,0,0) is written 0.75).
 */
function written(value: Scalar, type: Parameters<typeof displayValue>[1]): string {
  if (value instanceof FormulaError) return value.code;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    const shown = displayValue(value, type);
    return shown.type === 'date' ? String(shown.value) : numberToText(value);
  }
  return value ?? '';
}

describe('function registry', () => {
  it('has unique names, upper case, and finds them case-insensitively', () => {
    const names = FUNCTIONS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of FUNCTIONS) {
      expect(f.name).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      expect(findFunction(f.name.toLowerCase())).toBe(f);
    }
  });

  it('gives every entry a one-line doc, an example and consistent parameters', () => {
    for (const f of FUNCTIONS) {
      expect(f.doc, f.name).toMatch(/\S/);
      expect(f.doc, f.name).not.toContain('\n');
      expect(f.example.formula, f.name).toMatch(new RegExp(`\\b${f.name.replace('.', '\\.')}\\(`));
      expect(Boolean(f.lazy), `${f.name}: lazy forms have no impl, others must`).toBe(f.impl === undefined);
      // Required parameters may not follow optional ones outside a repeating group.
      const firstOptional = f.params.findIndex((p) => p.optional && !p.repeating);
      if (firstOptional >= 0) {
        const laterRequired = f.params.slice(firstOptional).some((p) => !p.optional && !p.repeating);
        expect(laterRequired, `${f.name}: a required parameter follows an optional one`).toBe(false);
      }
      if (typeof f.returns !== 'string') for (const k of f.returns.sameAs) expect(f.params[k], `${f.name}: sameAs ${k}`).toBeDefined();
    }
  });

  it('marks the clock functions volatile', () => {
    expect(FUNCTIONS.filter((f) => f.volatile).map((f) => f.name)).toEqual(expect.arrayContaining(['NOW', 'TODAY']));
  });

  it('resolves every implemented function through the library object compiled code uses', () => {
    const L = createLibrary();
    expect(Object.isFrozen(L)).toBe(true);
    for (const f of FUNCTIONS) {
      if (f.impl) expect(L.fn(f.name)).toBe(f.impl);
      else expect(() => L.fn(f.name)).toThrow();
    }
  });

  for (const f of FUNCTIONS) {
    it(`example of ${f.name}: =${f.example.formula} → ${f.example.result}`, () => {
      const program = compileOrThrow({ formulas: [{ name: 'example', text: f.example.formula }], columns: [] });
      expect(arityProblem(f, f.params.filter((p) => !p.optional).length)).toBeUndefined();
      const value = both(f.example.formula, {}, { context: CONTEXT }) as Scalar;
      expect(written(value, program.outputs[0].type)).toBe(f.example.result);
    });
  }
});
