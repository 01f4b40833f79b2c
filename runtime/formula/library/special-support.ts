/**
 * Runtime helpers of the lazy special forms (IF, IFS, AND, OR, CHOOSE...). The compiler emits
 * those forms inline and the interpreter walks them, and both call these helpers, so the two
 * cannot disagree on a coercion. Pure and QuickJS-safe.
 */
import { ERR, FormulaError, toBoolean, toNumber, type Value } from './values';

/** An IF/IFS condition: numbers non-zero, blank FALSE, "TRUE"/"FALSE" text, else #VALUE!. */
export function condition(v: Value): boolean | FormulaError {
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return ERR.VALUE;
  return toBoolean(v);
}

/**
 * AND/OR fold their arguments through a state: null (no logical value seen yet), a boolean,
 * or the first error. Excel evaluates every argument (AND(FALSE, NA()) is #N/A), skips blanks,
 * and inside arrays ignores text and blanks.
 */
export type LogicState = boolean | null | FormulaError;

function fold(state: LogicState, v: Value, isAnd: boolean): LogicState {
  if (state instanceof FormulaError) return state;
  if (v instanceof FormulaError) return v;
  if (v === null || v === undefined) return state;
  if (Array.isArray(v)) {
    let s: LogicState = state;
    for (const x of v) {
      if (typeof x === 'boolean' || typeof x === 'number' || x instanceof FormulaError) s = fold(s, x, isAnd);
      if (s instanceof FormulaError) return s;
    }
    return s;
  }
  const b = toBoolean(v);
  if (b instanceof FormulaError) return b;
  if (state === null) return b;
  return isAnd ? state && b : state || b;
}

export function andStep(state: LogicState, v: Value): LogicState {
  return fold(state, v, true);
}

export function orStep(state: LogicState, v: Value): LogicState {
  return fold(state, v, false);
}

/** No logical value at all (AND of blanks) is #VALUE!, as in Excel. */
export function logicEnd(state: LogicState): boolean | FormulaError {
  return state === null ? ERR.VALUE : state;
}

/** CHOOSE's index: truncated to an integer 1..count, else #VALUE!. */
export function chooseIndex(v: Value, count: number): number | FormulaError {
  if (Array.isArray(v)) return ERR.VALUE;
  const n = toNumber(v);
  if (typeof n !== 'number') return n;
  const i = Math.trunc(n);
  return i >= 1 && i <= count ? i : ERR.VALUE;
}
