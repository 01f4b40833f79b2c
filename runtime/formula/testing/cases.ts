/**
 * Test-only: table-driven cases that run every formula compiled and interpreted (both()),
 * and compare with the expected Excel result.
 */
import { expect, it } from 'vitest';
import { errorOf, type Scalar, type Value } from '../library/values';
import { both, show, type CONTEXT } from './run-compiled';

/** An expected error value, by code. */
export const err = (code: string): Scalar => {
  const e = errorOf(code);
  if (!e) throw new Error(`no error code ${code}`);
  return e;
};

export type Case = readonly [formula: string, expected: Scalar];

/** One test per case; `row` supplies the columns the formulas refer to. */
export function cases(list: readonly Case[], row: Readonly<Record<string, Scalar>> = {}, context?: typeof CONTEXT): void {
  for (const [formula, expected] of list) {
    it(`${formula} → ${show(expected)}`, () => {
      const actual: Value = both(formula, row, { context });
      expect(show(actual)).toBe(show(expected));
      if (typeof expected === 'number') expect(actual).toBe(expected);
    });
  }
}
