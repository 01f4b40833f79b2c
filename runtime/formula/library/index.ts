/**
 * The function library: every registry entry, and `createLibrary()`, the frozen object `L`
 * that compiled programs call (program.ts). The sandbox bundles this module into QuickJS with
 * esbuild, so it and everything it imports stay pure: no Node, no DOM, no Intl, no clock, and
 * no state that outlives a batch.
 */
import { eq, ge, gt, le, lt, ne } from './compare';
import { add, concat, div, mul, neg, percent, plus, pow, sub } from './operators';
import { arrayConstant, tableColumn } from './references';
import type { FunctionSpec } from './registry';
import { andStep, chooseIndex, condition, logicEnd, orStep } from './special-support';
import { ERR, ERROR_CODES, errorOf, type FormulaError } from './values';
import { CLOCK_FUNCTIONS } from './functions/clock';
import { DATE_FUNCTIONS } from './functions/date';
import { DOMAIN_FUNCTIONS } from './functions/domain';
import { INFORMATION_FUNCTIONS } from './functions/information';
import { LOGIC_FUNCTIONS } from './functions/logic';
import { LOOKUP_FUNCTIONS } from './functions/lookup';
import { MATH_FUNCTIONS } from './functions/math';
import { REGEX_FUNCTIONS } from './functions/regex';
import { TEXT_FUNCTIONS } from './functions/text';

export type Impl = NonNullable<FunctionSpec['impl']>;

/** Every function, in reference-page order. Names are unique (registry.test.ts holds them to it). */
export const FUNCTIONS: readonly FunctionSpec[] = Object.freeze([
  ...LOGIC_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...TEXT_FUNCTIONS,
  ...CLOCK_FUNCTIONS,
  ...DATE_FUNCTIONS,
  ...INFORMATION_FUNCTIONS,
  ...LOOKUP_FUNCTIONS,
  ...REGEX_FUNCTIONS,
  ...DOMAIN_FUNCTIONS,
]);

const BY_NAME = new Map<string, FunctionSpec>(FUNCTIONS.map((f) => [f.name.toUpperCase(), f]));

/** Case-insensitive, as Excel's function names are. */
export function findFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name.toUpperCase());
}

/** Compiled code resolves functions by canonical name once per batch, outside the row loop. */
function functionImpl(name: string): Impl {
  const spec = BY_NAME.get(name);
  if (!spec || !spec.impl) throw new Error(`No function implementation named ${name}`);
  return spec.impl;
}

export const OPERATORS = Object.freeze({ add, sub, mul, div, pow, concat, eq, ne, lt, le, gt, ge, percent, neg, plus });

export type Library = ReturnType<typeof createLibrary>;

/**
 * The object compiled code receives as `L`. Operators cover the slow paths the compiler does
 * not inline; `condition`, `andStep`/`orStep`/`logicEnd` and `chooseIndex` serve the inlined
 * special forms; `errors` holds the error singletons in ERROR_CODES order.
 */
export function createLibrary() {
  return Object.freeze({
    ...OPERATORS,
    condition,
    andStep,
    orStep,
    logicEnd,
    chooseIndex,
    table: tableColumn,
    array: arrayConstant,
    fn: functionImpl,
    errors: Object.freeze(ERROR_CODES.map((c) => errorOf(c) as FormulaError)),
    NA: ERR.NA,
  });
}
