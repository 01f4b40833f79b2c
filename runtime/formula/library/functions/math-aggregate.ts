/**
 * SUM, AVERAGE, MIN, MAX over scalars, array constants and reference-table columns.
 * Scalars follow Excel's direct-argument rules (TRUE is 1, numeric text counts, other text is
 * #VALUE!) except that blanks are skipped, as Excel skips empty cells; inside arrays only
 * numbers count, as in an Excel range, and errors propagate from both.
 */
import type { FunctionSpec } from '../registry';
import { ERR, FormulaError, toNumber, type Value } from '../values';

type Fold = { count: number; acc: number };

/** Visits every counted number; returns the first error met, if any. */
function eachNumber(args: readonly Value[], visit: (x: number) => void): FormulaError | undefined {
  // Indexed loops: QuickJS runs for...of through the iterator protocol.
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (Array.isArray(a)) {
      for (let j = 0; j < a.length; j++) {
        const x = a[j];
        if (typeof x === 'number') visit(x);
        else if (x instanceof FormulaError) return x;
      }
      continue;
    }
    if (a === null || a === undefined) continue;
    const n = toNumber(a);
    if (n instanceof FormulaError) return n;
    visit(n);
  }
  return undefined;
}

function fold(args: readonly Value[], step: (acc: number, x: number) => number, init: number): Fold | FormulaError {
  const f: Fold = { count: 0, acc: init };
  const err = eachNumber(args, (x) => {
    f.acc = step(f.acc, x);
    f.count++;
  });
  return err ?? f;
}

const finite = (r: number): number | FormulaError => (r - r === 0 ? r : ERR.NUM);

const NUMBERS = [
  { name: 'number1', type: 'number', acceptsArray: true },
  { name: 'number', type: 'number', optional: true, repeating: true, acceptsArray: true },
] as const;

export const AGGREGATE_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'SUM',
    category: 'math',
    params: NUMBERS,
    returns: 'number',
    doc: 'Adds numbers, arrays and table columns. Blanks are skipped; text that is not a number is #VALUE! (Excel skips text only inside ranges).',
    example: { formula: 'SUM(1, 2, {3, 4})', result: '10' },
    impl: (args) => {
      const f = fold(args, (s, x) => s + x, 0);
      return f instanceof FormulaError ? f : finite(f.acc);
    },
  },
  {
    name: 'AVERAGE',
    category: 'math',
    params: NUMBERS,
    returns: 'number',
    doc: 'The arithmetic mean of the counted numbers (blanks skipped); #DIV/0! when there are none.',
    example: { formula: 'AVERAGE(1, 2, {3, 4})', result: '2.5' },
    impl: (args) => {
      const f = fold(args, (s, x) => s + x, 0);
      if (f instanceof FormulaError) return f;
      return f.count === 0 ? ERR.DIV0 : finite(f.acc / f.count);
    },
  },
  {
    name: 'MIN',
    category: 'math',
    params: NUMBERS,
    returns: 'number',
    doc: 'The smallest counted number (blanks skipped); 0 when there are none, as in Excel.',
    example: { formula: 'MIN(3, -1, {7})', result: '-1' },
    impl: (args) => {
      const f = fold(args, (m, x) => (x < m ? x : m), Infinity);
      if (f instanceof FormulaError) return f;
      return f.count === 0 ? 0 : f.acc;
    },
  },
  {
    name: 'MAX',
    category: 'math',
    params: NUMBERS,
    returns: 'number',
    doc: 'The largest counted number (blanks skipped); 0 when there are none, as in Excel.',
    example: { formula: 'MAX(3, -1, {7})', result: '7' },
    impl: (args) => {
      const f = fold(args, (m, x) => (x > m ? x : m), -Infinity);
      if (f instanceof FormulaError) return f;
      return f.count === 0 ? 0 : f.acc;
    },
  },
];
