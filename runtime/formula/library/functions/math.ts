/**
 * Math functions. Rounding works on the 15-digit decimal value the analyst sees (rounding.ts),
 * so ROUND(2.675, 2) is 2.68 and MOD(10.2, 1) is 0.2 as Excel shows them.
 */
import type { FunctionSpec } from '../registry';
import { round15 } from '../decimal-math';
import { ceilShown, floorShown, placesArg, roundAt, type RoundMode } from '../rounding';
import { pow } from '../operators';
import { ERR, toNumber, type FormulaError, type Value } from '../values';
import { AGGREGATE_FUNCTIONS } from './math-aggregate';

type Num = number | FormulaError;
type Impl = NonNullable<FunctionSpec['impl']>;

function num(v: Value | undefined, fallback = 0): Num {
  if (v === undefined) return fallback;
  if (Array.isArray(v)) return ERR.VALUE;
  return toNumber(v);
}

const checked = (r: number): Num => (r - r === 0 ? r : ERR.NUM);

function unary(f: (x: number) => Num): Impl {
  // Indexing, not destructuring: QuickJS runs `([a]) =>` through the iterator protocol.
  return (args) => {
    const x = num(args[0]);
    return typeof x === 'number' ? f(x) : x;
  };
}

/** Arguments coerced left to right, so the first error wins as in Excel. */
function binary(f: (x: number, y: number) => Num, fallback?: number): Impl {
  return (args) => {
    const x = num(args[0]);
    if (typeof x !== 'number') return x;
    const y = num(args[1], fallback);
    return typeof y === 'number' ? f(x, y) : y;
  };
}

const rounding = (mode: RoundMode) => binary((x, d) => checked(roundAt(x, placesArg(d), mode)), 0);

/** Rounds x to a multiple of `step` with `toInteger` applied to the 15-digit quotient. */
function toMultiple(x: number, step: number, toInteger: (q: number) => number): Num {
  return checked(round15(toInteger(round15(x / step)) * step));
}

function mod(n: number, d: number): Num {
  if (d === 0) return ERR.DIV0;
  const r = n - d * floorShown(round15(n / d));
  if (r === 0 || r - r !== 0) return checked(r);
  // The subtraction leaves binary noise below the inputs' 15th digit (10.2 - 10); drop it.
  const scale = Math.max(Math.abs(n), Math.abs(d));
  const clean = roundAt(r, 14 - Math.floor(Math.log10(scale)), 'half-away');
  return clean === d ? 0 : clean;
}

const NUMBER = { name: 'number', type: 'number' } as const;

export const MATH_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'ABS',
    category: 'math',
    params: [NUMBER],
    returns: 'number',
    doc: 'The absolute value.',
    example: { formula: 'ABS(-2.5)', result: '2.5' },
    impl: unary((x) => Math.abs(x)),
  },
  {
    name: 'ROUND',
    category: 'math',
    params: [NUMBER, { name: 'num_digits', type: 'number', optional: true, default: 0, doc: 'Excel requires it' }],
    returns: 'number',
    doc: 'Rounds half away from zero on the 15-digit decimal value, so ROUND(2.675, 2) = 2.68; negative digits round to tens, hundreds.',
    example: { formula: 'ROUND(2.675, 2)', result: '2.68' },
    impl: rounding('half-away'),
  },
  {
    name: 'ROUNDUP',
    category: 'math',
    params: [NUMBER, { name: 'num_digits', type: 'number', optional: true, default: 0, doc: 'Excel requires it' }],
    returns: 'number',
    doc: 'Rounds away from zero at num_digits decimals.',
    example: { formula: 'ROUNDUP(-3.141, 1)', result: '-3.2' },
    impl: rounding('away'),
  },
  {
    name: 'ROUNDDOWN',
    category: 'math',
    params: [NUMBER, { name: 'num_digits', type: 'number', optional: true, default: 0, doc: 'Excel requires it' }],
    returns: 'number',
    doc: 'Rounds toward zero at num_digits decimals.',
    example: { formula: 'ROUNDDOWN(-3.149, 2)', result: '-3.14' },
    impl: rounding('toward'),
  },
  {
    name: 'MROUND',
    category: 'math',
    params: [NUMBER, { name: 'multiple', type: 'number' }],
    returns: 'number',
    doc: 'Rounds to the nearest multiple, halves away from zero; #NUM! when the signs differ, 0 for a zero multiple.',
    example: { formula: 'MROUND(1.3, 0.2)', result: '1.4' },
    impl: binary((x, m) => {
      if (m === 0) return 0;
      if ((x < 0 && m > 0) || (x > 0 && m < 0)) return ERR.NUM;
      return toMultiple(x, m, (q) => roundAt(q, 0, 'half-away'));
    }),
  },
  {
    name: 'INT',
    category: 'math',
    params: [NUMBER],
    returns: 'number',
    doc: 'Rounds down to an integer (INT(-1.5) = -2), on the 15-digit decimal value.',
    example: { formula: 'INT(-1.5)', result: '-2' },
    impl: unary(floorShown),
  },
  {
    name: 'TRUNC',
    category: 'math',
    params: [NUMBER, { name: 'num_digits', type: 'number', optional: true, default: 0 }],
    returns: 'number',
    doc: 'Cuts the number toward zero at num_digits decimals.',
    example: { formula: 'TRUNC(-8.96, 1)', result: '-8.9' },
    impl: rounding('toward'),
  },
  {
    name: 'MOD',
    category: 'math',
    params: [NUMBER, { name: 'divisor', type: 'number' }],
    returns: 'number',
    doc: 'The remainder with the sign of the divisor; #DIV/0! for a zero divisor. Binary noise below 15 digits is dropped (MOD(10.2, 1) = 0.2).',
    example: { formula: 'MOD(-3, 2)', result: '1' },
    impl: binary(mod),
  },
  {
    name: 'POWER',
    category: 'math',
    params: [NUMBER, { name: 'power', type: 'number' }],
    returns: 'number',
    doc: 'Same as the ^ operator: 0^0 is #NUM!, a negative base needs an integer or 1/odd exponent.',
    example: { formula: 'POWER(2, 10)', result: '1024' },
    impl: (args) => pow(args[0], args[1]),
  },
  {
    name: 'SQRT',
    category: 'math',
    params: [NUMBER],
    returns: 'number',
    doc: 'The square root; #NUM! for a negative number.',
    example: { formula: 'SQRT(16)', result: '4' },
    impl: unary((x) => (x < 0 ? ERR.NUM : Math.sqrt(x))),
  },
  {
    name: 'SIGN',
    category: 'math',
    params: [NUMBER],
    returns: 'number',
    doc: '1, 0 or -1 by the sign of the number.',
    example: { formula: 'SIGN(-0.5)', result: '-1' },
    impl: unary((x) => (x > 0 ? 1 : x < 0 ? -1 : 0)),
  },
  {
    name: 'CEILING',
    category: 'math',
    params: [NUMBER, { name: 'significance', type: 'number' }],
    returns: 'number',
    doc: 'Rounds up to a multiple of significance (a negative number with a negative significance rounds away from zero); #NUM! for a positive number with a negative significance.',
    example: { formula: 'CEILING(2.5, 1)', result: '3' },
    impl: binary((x, s) => {
      if (s === 0) return 0;
      if (x > 0 && s < 0) return ERR.NUM;
      return toMultiple(x, s, ceilShown);
    }),
  },
  {
    name: 'FLOOR',
    category: 'math',
    params: [NUMBER, { name: 'significance', type: 'number' }],
    returns: 'number',
    doc: 'Rounds down to a multiple of significance (a negative number with a negative significance rounds toward zero); #DIV/0! for zero significance.',
    example: { formula: 'FLOOR(-2.5, 2)', result: '-4' },
    impl: binary((x, s) => {
      if (s === 0) return x === 0 ? 0 : ERR.DIV0;
      if (x > 0 && s < 0) return ERR.NUM;
      return toMultiple(x, s, floorShown);
    }),
  },
  ...AGGREGATE_FUNCTIONS,
];
