import { describe, expect, it } from 'vitest';
import { signature } from '../../runtime/formula/check/arity';
import { FUNCTIONS, findFunction } from '../../runtime/formula/index';
import { signatureHelpAt, signatureLabel } from './signature-help';

/** The help where `|` marks the cursor. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  return signatureHelpAt({ text: marked.slice(0, offset) + marked.slice(offset + 1), offset });
}
const active = (marked: string) => {
  const h = at(marked);
  return h && [h.spec.name, h.activeParameter, h.spec.params[h.activeParameter]?.name];
};

describe('signature help', () => {
  it('labels every registry function exactly as its signature, with each parameter located in it', () => {
    for (const spec of FUNCTIONS) {
      const { label, parameters } = signatureLabel(spec);
      expect(label).toBe(signature(spec));
      expect(parameters.map((p) => label.slice(...p.label))).toEqual(spec.params.map((p) => p.name));
    }
  });

  it('follows the argument the cursor is in', () => {
    expect(active('ROUND(|')).toEqual(['ROUND', 0, 'number']);
    expect(active('ROUND([Trade Price]|, 2)')).toEqual(['ROUND', 0, 'number']);
    expect(active('ROUND([Trade Price], |2)')).toEqual(['ROUND', 1, 'num_digits']);
    expect(active('round([Trade Price], 2|)')).toEqual(['ROUND', 1, 'num_digits']);
  });

  it('is the innermost call, and returns to the outer one after the inner closes', () => {
    expect(active('IF(AND([A], |')).toEqual(['AND', 1, 'logical']);
    expect(active('IF(ROUND([A], 2) > 1, |')).toEqual(['IF', 1, 'value_if_true']);
    expect(active('IF(ROUND([A], 2) > 1, 1, LEFT([B], |3))')).toEqual(['LEFT', 1, 'num_chars']);
    expect(active('IF(ROUND([A], 2) > 1, 1, LEFT([B], 3), |')).toEqual(['IF', -1, undefined]);
    expect(active('IF((1 + 2) * 3 > 0, |')).toEqual(['IF', 1, 'value_if_true']);
  });

  it('ignores commas inside text, column names and array constants', () => {
    expect(active('IF("a, b, c" = [Side], |')).toEqual(['IF', 1, 'value_if_true']);
    expect(at('CONCAT("a, b, c", |')).toMatchObject({ argument: 1, activeParameter: 0 });
    expect(active('IF([Price, clean] > 0, "yes, ""really"", yes|')).toEqual(['IF', 1, 'value_if_true']);
    expect(active('XLOOKUP([Ccy], {"EUR", "USD", |')).toEqual(['XLOOKUP', 1, 'lookup_array']);
    expect(active('XLOOKUP([Ccy], {"EUR", "USD"}, |')).toEqual(['XLOOKUP', 2, 'return_array']);
    expect(active('ROUND([Trade Price] "a,b|')).toEqual(['ROUND', 0, 'number']);
  });

  it('walks repeating groups and the optional parameter after them', () => {
    expect(active('IFS([A] > 1, "a", [A] > 0, |')).toEqual(['IFS', 3, 'value']);
    expect(active('IFS([A] > 1, "a", |')).toEqual(['IFS', 2, 'condition']);
    // SWITCH(expression, value1, result1, [value, result, ...], [default]): with 4 arguments the 4th is the default.
    expect(active('SWITCH([Side], "B", 1, |"S", -1)')).toEqual(['SWITCH', 3, 'value']);
    expect(active('SWITCH([Side], "B", 1, "S", |-1)')).toEqual(['SWITCH', 4, 'result']);
    expect(active('SWITCH([Side], "B", 1, |0)')).toEqual(['SWITCH', 5, 'default']);
    // An even count reads the last argument as the default, as the checker reads it.
    expect(active('SWITCH([Side], "B", 1, "S", 2, |')).toEqual(['SWITCH', 5, 'default']);
    expect(active('SUM(1, 2, 3, |')).toEqual(['SUM', 1, 'number']);
  });

  it('gives documentation for the function and its parameters', () => {
    const h = at('ROUND(|')!;
    expect(h.label).toBe('ROUND(number, [num_digits])');
    expect(h.documentation).toContain(findFunction('ROUND')!.doc);
    expect(h.documentation).toContain('Example: `=ROUND(');
    expect(h.documentation).not.toContain('`num_digits`');
    expect(h.parameters[1].documentation).toMatch(/^`num_digits` \(number, optional/);
  });

  it('says nothing outside a call, in an unknown function, or before the parenthesis', () => {
    expect(at('[Trade Price] + |1')).toBeUndefined();
    expect(at('ROUND(1, 2)|')).toBeUndefined();
    expect(at('ROUDN(|')).toBeUndefined();
    expect(at('ROUND|(1, 2)')).toBeUndefined();
    expect(at('(1, |')).toBeUndefined();
  });
});
