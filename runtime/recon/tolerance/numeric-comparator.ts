/**
 * The comparator shared by the numeric kinds (exact on numbers, abs, rel, ticks, bps, days).
 * A kind supplies only `within` (and its allowance and unit); blanks, non-numbers, identity at 15
 * digits and the break record are handled once here.
 *   blank vs blank          identical
 *   blank vs value          break
 *   not-a-number text       break (even against the same text: map the column to numbers)
 *   equal at 15 digits      identical (0.1 + 0.2 vs 0.3)
 */
import { decimalDiff, sameNumber, squash } from '../decimal-compare';
import { displayCell, numericView } from '../column-views';
import type { RuleData } from '../types';
import { BLOCK, BROKEN, IDENTICAL, WITHIN, type CompileContext, type FieldComparator, type FieldDetail, type Outcome } from './types';

export interface NumericSpec {
  /** a and b are numbers that differ at 15 digits; l and r their rows (for per-row tick sizes). */
  within(a: number, b: number, l: number, r: number): boolean;
  allowance(a: number, b: number, l: number, r: number): number;
  measure?(a: number, b: number, l: number, r: number): { value: number; unit: string } | undefined;
  /** left − right as reported; decimal-corrected by default. */
  diff?(a: number, b: number): number;
  /** Parse text cells as dates as well as numbers (for the days kind). */
  readonly dates?: boolean;
}

export function numericComparator(rule: RuleData, sentence: string, ctx: CompileContext, spec: NumericSpec): FieldComparator {
  const lv = numericView(ctx.leftColumn, spec.dates);
  const rv = numericView(ctx.rightColumn, spec.dates);
  for (const [view, source, column] of [[lv, ctx.left, ctx.leftColumn], [rv, ctx.right, ctx.rightColumn]] as const) {
    if (view.notNumbers === 0) continue;
    ctx.report({
      code: 'recon.not-a-number',
      severity: 'warning',
      message: `${view.notNumbers} value(s) of \`${column.name}\` in ${source ?? 'a source'} are not ${spec.dates ? 'dates' : 'numbers'}, so they break on "${sentence}": map the column with ${spec.dates ? 'DATEVALUE()' : 'VALUE()'}.`,
      location: { source: source ?? '', column: column.name, path: ctx.path },
    });
  }
  const L = lv.values;
  const R = rv.values;
  const LN = lv.nulls;
  const RN = rv.nulls;
  const within = spec.within;

  function compare(l: number, r: number): Outcome {
    const lBlank = LN !== undefined && LN[l] === 1;
    const rBlank = RN !== undefined && RN[r] === 1;
    if (lBlank || rBlank) return lBlank && rBlank ? IDENTICAL : BROKEN;
    const a = L[l];
    const b = R[r];
    if (a === b) return IDENTICAL;
    if (a !== a || b !== b) return BROKEN;
    if (sameNumber(a, b)) return IDENTICAL;
    return within(a, b, l, r) ? WITHIN : BROKEN;
  }

  const a = new Float64Array(BLOCK);
  const b = new Float64Array(BLOCK);
  /** Per pair of the block: 1 when either side is blank (blanks may hold any value, 0 mostly). */
  const blank = new Uint8Array(BLOCK);
  function compareMany(ls: Int32Array, rs: Int32Array, count: number, worst: Uint8Array, counts: Int32Array): void {
    for (let from = 0; from < count; from += BLOCK) {
      const to = Math.min(count, from + BLOCK);
      // Gather first: independent loads only, so many cache misses are in flight at once.
      for (let p = from; p < to; p++) { a[p - from] = L[ls[p]]; b[p - from] = R[rs[p]]; }
      if (LN !== undefined || RN !== undefined) {
        for (let p = from; p < to; p++) blank[p - from] = (LN !== undefined ? LN[ls[p]] : 0) | (RN !== undefined ? RN[rs[p]] : 0);
      }
      for (let p = from; p < to; p++) {
        const k = p - from;
        // Equal values that are no blanks are identical; everything else, the full compare decides
        // (its rows are in the cache now).
        const o = a[k] === b[k] && blank[k] === 0 ? IDENTICAL : compare(ls[p], rs[p]);
        counts[o]++;
        if (o > worst[p]) worst[p] = o;
      }
    }
  }

  /** Blank, or text that is no number: nothing to subtract. */
  const missing = (vals: Float64Array, nulls: Uint8Array | undefined, i: number) => (nulls !== undefined && nulls[i] === 1) || vals[i] !== vals[i];
  const bothBlank = (l: number, r: number) => LN !== undefined && LN[l] === 1 && RN !== undefined && RN[r] === 1;

  return {
    field: rule.field,
    rule,
    sentence,
    compare,
    compareMany,
    distance(l, r) {
      if (missing(L, LN, l) || missing(R, RN, r)) return bothBlank(l, r) ? 0 : 1;
      const a = L[l];
      const b = R[r];
      return squash(a - b, spec.allowance(a, b, l, r), Math.max(Math.abs(a), Math.abs(b)));
    },
    detail(l, r): FieldDetail {
      const left = displayCell(ctx.leftColumn, l);
      const right = displayCell(ctx.rightColumn, r);
      if (missing(L, LN, l) || missing(R, RN, r)) return { left, right, diff: null, allowance: 0 };
      const a = L[l];
      const b = R[r];
      const diff = spec.diff ? spec.diff(a, b) : decimalDiff(a, b);
      const measure = spec.measure?.(a, b, l, r);
      return { left, right, diff, allowance: spec.allowance(a, b, l, r), ...(measure ? { measure } : {}) };
    },
  };
}
