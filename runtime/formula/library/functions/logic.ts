/**
 * Logical functions. IF, IFS, IFERROR, IFNA, AND, OR, SWITCH and CHOOSE are lazy special
 * forms: they carry no impl, the compiler emits them inline and the interpreter walks them,
 * both through library/special-support.ts.
 */
import type { FunctionSpec } from '../registry';
import { ERR, FormulaError, toBoolean, type Value } from '../values';

export const LOGIC_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'IF',
    category: 'logic',
    lazy: true,
    params: [
      { name: 'condition', type: 'boolean' },
      { name: 'value_if_true', type: 'any' },
      { name: 'value_if_false', type: 'any', optional: true, default: false },
    ],
    returns: { sameAs: [1, 2] },
    doc: 'The second argument when the condition is TRUE, else the third; only the chosen branch is evaluated.',
    example: { formula: 'IF(2>1, "yes", "no")', result: 'yes' },
  },
  {
    name: 'IFS',
    category: 'logic',
    lazy: true,
    params: [
      { name: 'condition1', type: 'boolean' },
      { name: 'value1', type: 'any' },
      { name: 'condition', type: 'boolean', optional: true, repeating: true },
      { name: 'value', type: 'any', optional: true, repeating: true },
    ],
    returns: { sameAs: [1, 3] },
    doc: 'The value paired with the first TRUE condition; #N/A when none is TRUE.',
    example: { formula: 'IFS(1>2, "a", 2>1, "b")', result: 'b' },
  },
  {
    name: 'IFERROR',
    category: 'logic',
    lazy: true,
    params: [
      { name: 'value', type: 'any' },
      { name: 'value_if_error', type: 'any' },
    ],
    returns: { sameAs: [0, 1] },
    doc: 'The value, or the fallback when the value is any error.',
    example: { formula: 'IFERROR(1/0, 0)', result: '0' },
  },
  {
    name: 'IFNA',
    category: 'logic',
    lazy: true,
    params: [
      { name: 'value', type: 'any' },
      { name: 'value_if_na', type: 'any' },
    ],
    returns: { sameAs: [0, 1] },
    doc: 'The value, or the fallback when the value is #N/A; other errors pass through.',
    example: { formula: 'IFNA(NA(), "none")', result: 'none' },
  },
  {
    name: 'AND',
    category: 'logic',
    lazy: true,
    params: [
      { name: 'logical1', type: 'boolean', acceptsArray: true },
      { name: 'logical', type: 'boolean', optional: true, repeating: true, acceptsArray: true },
    ],
    returns: 'boolean',
    doc: 'TRUE when every argument is TRUE. Blanks are skipped; all arguments are evaluated, so an error anywhere wins.',
    example: { formula: 'AND(1<2, "a"="A")', result: 'TRUE' },
  },
  {
    name: 'OR',
    category: 'logic',
    lazy: true,
    params: [
      { name: 'logical1', type: 'boolean', acceptsArray: true },
      { name: 'logical', type: 'boolean', optional: true, repeating: true, acceptsArray: true },
    ],
    returns: 'boolean',
    doc: 'TRUE when any argument is TRUE. Blanks are skipped; all arguments are evaluated, so an error anywhere wins.',
    example: { formula: 'OR(1>2, 3>2)', result: 'TRUE' },
  },
  {
    name: 'SWITCH',
    category: 'logic',
    lazy: true,
    params: [
      { name: 'expression', type: 'any' },
      { name: 'value1', type: 'any' },
      { name: 'result1', type: 'any' },
      { name: 'value', type: 'any', optional: true, repeating: true },
      { name: 'result', type: 'any', optional: true, repeating: true },
      { name: 'default', type: 'any', optional: true },
    ],
    returns: { sameAs: [2, 4, 5] },
    doc: 'The result paired with the first value equal (as `=` compares) to the expression, else the default, else #N/A.',
    example: { formula: 'SWITCH("B", "a", 1, "b", 2, 0)', result: '2' },
  },
  {
    name: 'CHOOSE',
    category: 'logic',
    lazy: true,
    params: [
      { name: 'index', type: 'number' },
      { name: 'value1', type: 'any' },
      { name: 'value', type: 'any', optional: true, repeating: true },
    ],
    returns: { sameAs: [1, 2] },
    doc: 'The index-th value (index truncated); #VALUE! outside 1..count. Only the chosen value is evaluated.',
    example: { formula: 'CHOOSE(2, "a", "b", "c")', result: 'b' },
  },
  {
    name: 'NOT',
    category: 'logic',
    params: [{ name: 'logical', type: 'boolean' }],
    returns: 'boolean',
    doc: 'The opposite truth value; blank counts as FALSE.',
    example: { formula: 'NOT(1>2)', result: 'TRUE' },
    impl: (args) => {
      const v = args[0];
      if (Array.isArray(v)) return ERR.VALUE;
      const b = toBoolean(v);
      return b instanceof FormulaError ? b : !b;
    },
  },
  {
    name: 'XOR',
    category: 'logic',
    params: [
      { name: 'logical1', type: 'boolean', acceptsArray: true },
      { name: 'logical', type: 'boolean', optional: true, repeating: true, acceptsArray: true },
    ],
    returns: 'boolean',
    doc: 'TRUE when an odd number of arguments are TRUE. Blanks are skipped.',
    example: { formula: 'XOR(TRUE, TRUE, TRUE)', result: 'TRUE' },
    impl: (args) => xor(args),
  },
];

/** Same argument rules as AND/OR: blanks skipped, and inside arrays only logicals and numbers count. */
function xor(args: readonly Value[]): Value {
  let trues = 0;
  let seen = false;
  for (const a of args) {
    const items = Array.isArray(a) ? a.filter(countsInArray) : [a];
    for (const x of items) {
      if (x === null || x === undefined) continue;
      const b = toBoolean(x);
      if (b instanceof FormulaError) return b;
      seen = true;
      if (b) trues++;
    }
  }
  return seen ? trues % 2 === 1 : ERR.VALUE;
}

const countsInArray = (x: unknown): boolean =>
  typeof x === 'boolean' || typeof x === 'number' || x instanceof FormulaError;
