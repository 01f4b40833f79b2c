/**
 * Argument helpers shared by the text, date, regex, lookup and domain functions.
 * Pure and QuickJS-safe like values.ts: impls must never throw, so `strict` also turns an
 * unexpected exception (e.g. a RangeError from a huge string) into #VALUE!.
 */
import type { FunctionSpec } from './registry';
import {
  ERR,
  FormulaError,
  toBoolean,
  toNumber,
  toText,
  type ArrayValue,
  type Scalar,
  type Value,
} from './values';

export type Impl = NonNullable<FunctionSpec['impl']>;
type Arg = Value | undefined;

/** Excel's cell limit. Longer results are #VALUE! in Excel; it also keeps REPT from exhausting the VM. */
export const MAX_TEXT_LENGTH = 32767;

/** An optional argument that was left out (past the end of `args`) or passed as blank. */
export const isMissing = (v: Arg): v is undefined | null => v === undefined || v === null;

/** Wraps an impl with Excel's left-to-right propagation of error arguments (scalars only:
 * errors inside arrays are the function's business) and a last-resort catch. */
export function strict(body: Impl): Impl {
  const safe = guarded(body);
  return (args, ctx) => {
    for (const a of args) if (a instanceof FormulaError) return a;
    return safe(args, ctx);
  };
}

/** For functions that handle error arguments themselves: only the exception guard. */
export function guarded(body: Impl): Impl {
  return (args, ctx) => {
    try {
      return body(args, ctx);
    } catch {
      return ERR.VALUE;
    }
  };
}

/** Text coercion with blank (and a missing argument) as "". */
export function argText(v: Arg): string | FormulaError {
  return v === undefined ? '' : toText(v);
}

export function argNumber(v: Arg): number | FormulaError {
  return v === undefined ? 0 : toNumber(v);
}

/** Integer arguments (counts, positions) truncate toward zero, as Excel's do. */
export function argInt(v: Arg): number | FormulaError {
  const n = argNumber(v);
  return typeof n === 'number' ? Math.trunc(n) : n;
}

export function optInt(v: Arg, fallback: number): number | FormulaError {
  return isMissing(v) ? fallback : argInt(v);
}

/** A required boolean argument; blank is FALSE. */
export function toBool(v: Arg): boolean | FormulaError {
  return v === undefined ? false : toBoolean(v);
}

export function optBool(v: Arg, fallback: boolean): boolean | FormulaError {
  return isMissing(v) ? fallback : toBoolean(v);
}

/** Arguments that may be scalars or arrays, flattened in order (CONCAT, TEXTJOIN). */
export function flatten(args: readonly Value[]): Scalar[] {
  const out: Scalar[] = [];
  for (const a of args) {
    if (Array.isArray(a)) for (const x of a as ArrayValue) out.push(x ?? null);
    else out.push(a as Scalar);
  }
  return out;
}

/** A scalar passed where an array is expected behaves as a one-element array. */
export function asArray(v: Arg): ArrayValue {
  if (Array.isArray(v)) return v as ArrayValue;
  return [v === undefined ? null : (v as Scalar)];
}

export const isErr = (v: unknown): v is FormulaError => v instanceof FormulaError;

/** Excel's text-to-text check for results: over the cell limit is #VALUE!. */
export function capText(s: string): string | FormulaError {
  return s.length > MAX_TEXT_LENGTH ? ERR.VALUE : s;
}
