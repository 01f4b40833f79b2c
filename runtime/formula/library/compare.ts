/**
 * Excel's comparison operators. No coercion between types ("1" = 1 is FALSE); instead types
 * order numbers < text < booleans. Blank takes the other side's empty value (0, "", FALSE).
 * Numbers are equal at 15 significant digits; text compares case-insensitively.
 * Pure and QuickJS-safe.
 */
import { FormulaError, numbersEqual, type Value } from './values';

/** -1, 0, 1, or the first error operand. */
export function compare(a: Value, b: Value): number | FormulaError {
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  if (a === null || a === undefined) a = emptyLike(b);
  if (b === null || b === undefined) b = emptyLike(a);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof a === 'number') return compareNumbers(a, b as number);
  if (typeof a === 'string') return compareText(a, b as string);
  return a === b ? 0 : a ? 1 : -1;
}

function emptyLike(other: Value): Value {
  if (typeof other === 'string') return '';
  if (typeof other === 'boolean') return false;
  return 0;
}

/** Excel's cross-type order; arrays cannot reach here past the checker and sort last. */
function rank(v: Value): number {
  switch (typeof v) {
    case 'number':
      return 0;
    case 'string':
      return 1;
    case 'boolean':
      return 2;
    default:
      return 3;
  }
}

/**
 * Doubles that print the same at 15 digits are equal. Two numbers that far apart (relative
 * 2e-14) cannot round to the same 15 digits, which skips the string work on the common path.
 */
export function compareNumbers(a: number, b: number): number {
  if (a === b) return 0;
  const scale = (a < 0 ? -a : a) + (b < 0 ? -b : b);
  if ((a < b ? b - a : a - b) > scale * 2e-14) return a < b ? -1 : 1;
  if (numbersEqual(a, b)) return 0;
  return a < b ? -1 : 1;
}

/** Case-insensitive code-point order; Excel's locale collation differs for punctuation. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y ? 0 : x < y ? -1 : 1;
}

export function eq(a: Value, b: Value): boolean | FormulaError {
  const c = compare(a, b);
  return typeof c === 'number' ? c === 0 : c;
}

export function ne(a: Value, b: Value): boolean | FormulaError {
  const c = compare(a, b);
  return typeof c === 'number' ? c !== 0 : c;
}

export function lt(a: Value, b: Value): boolean | FormulaError {
  const c = compare(a, b);
  return typeof c === 'number' ? c < 0 : c;
}

export function le(a: Value, b: Value): boolean | FormulaError {
  const c = compare(a, b);
  return typeof c === 'number' ? c <= 0 : c;
}

export function gt(a: Value, b: Value): boolean | FormulaError {
  const c = compare(a, b);
  return typeof c === 'number' ? c > 0 : c;
}

export function ge(a: Value, b: Value): boolean | FormulaError {
  const c = compare(a, b);
  return typeof c === 'number' ? c >= 0 : c;
}
