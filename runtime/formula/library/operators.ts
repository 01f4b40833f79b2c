/**
 * The formula operators with Excel's coercions. Compiled code inlines the all-number fast
 * path of + - * / and unary minus, and calls these for everything else, so each of these
 * must give exactly the inline result on numbers (the differential test holds them to it).
 * Pure and QuickJS-safe.
 */
import { ERR, FormulaError, toNumber, toText, type Value } from './values';
import { MAX_TEXT_LENGTH } from './arg-coerce';

type Result = number | FormulaError;

/** Overflow and NaN are #NUM! in Excel; numbers never leave an operator non-finite. */
function finite(r: number): Result {
  return r - r === 0 ? r : ERR.NUM;
}

/** Left operand coerced first, so "a" + NA() is #VALUE! as in Excel. */
function pair(a: Value, b: Value, op: (x: number, y: number) => Result): Result {
  const x = toNumber(a);
  if (typeof x !== 'number') return x;
  const y = toNumber(b);
  if (typeof y !== 'number') return y;
  return op(x, y);
}

export function add(a: Value, b: Value): Result {
  if (typeof a === 'number' && typeof b === 'number') return finite(a + b);
  return pair(a, b, (x, y) => finite(x + y));
}

export function sub(a: Value, b: Value): Result {
  if (typeof a === 'number' && typeof b === 'number') return finite(a - b);
  return pair(a, b, (x, y) => finite(x - y));
}

export function mul(a: Value, b: Value): Result {
  if (typeof a === 'number' && typeof b === 'number') return finite(a * b);
  return pair(a, b, (x, y) => finite(x * y));
}

export function div(a: Value, b: Value): Result {
  return pair(a, b, (x, y) => (y === 0 ? ERR.DIV0 : finite(x / y)));
}

/**
 * Excel's ^: 0^0 and a negative base with a fractional exponent are #NUM!, 0^-n is #DIV/0!.
 * Like Excel, an exponent of 1/odd takes the real odd root: (-8)^(1/3) = -2.
 */
export function pow(a: Value, b: Value): Result {
  return pair(a, b, powNumbers);
}

function powNumbers(x: number, y: number): Result {
  if (x === 0) {
    if (y === 0) return ERR.NUM;
    if (y < 0) return ERR.DIV0;
    return 0;
  }
  if (x < 0 && !Number.isInteger(y)) {
    const inverse = 1 / y;
    const odd = Math.round(inverse);
    if (Math.abs(inverse - odd) < 1e-12 && Math.abs(odd) % 2 === 1) return finite(-Math.pow(-x, y));
    return ERR.NUM;
  }
  return finite(Math.pow(x, y));
}

/** Unary minus. Excel has no negative zero, so neither do we. */
export function neg(a: Value): Result {
  const x = toNumber(a);
  if (typeof x !== 'number') return x;
  return 0 - x;
}

/** Unary plus is a no-op in Excel: +"abc" is "abc". */
export function plus(a: Value): Value {
  return a;
}

export function percent(a: Value): Result {
  const x = toNumber(a);
  if (typeof x !== 'number') return x;
  return x / 100;
}

/** &: both sides as text; past Excel's 32,767-character cell limit the result is #VALUE!. */
export function concat(a: Value, b: Value): string | FormulaError {
  const x = toText(a);
  if (typeof x !== 'string') return x;
  const y = toText(b);
  if (typeof y !== 'string') return y;
  return x.length + y.length > MAX_TEXT_LENGTH ? ERR.VALUE : x + y;
}
