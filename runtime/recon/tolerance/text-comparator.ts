/**
 * The comparator shared by text comparisons (exact on text, the text kind). Both columns' texts
 * are interned into one id space twice: as written (identical?) and normalised (within
 * tolerance?). The per-row path compares integers only.
 *   blank vs blank                       identical
 *   same text                            identical
 *   same after normalising (case, …)     within tolerance
 *   anything else                        break
 * A text that normalises to nothing ("   ") counts as blank.
 */
import { displayCell, TextIds } from '../column-views';
import type { RuleData } from '../types';
import { BLOCK, BROKEN, IDENTICAL, WITHIN, type CompileContext, type FieldComparator, type Outcome } from './types';

export function textComparator(rule: RuleData, sentence: string, ctx: CompileContext, normalise?: (s: string) => string): FieldComparator {
  const raw = new TextIds();
  const RL = raw.column(ctx.leftColumn);
  const RR = raw.column(ctx.rightColumn);
  let NL: Int32Array | undefined;
  let NR: Int32Array | undefined;
  if (normalise) {
    const norm = new TextIds();
    const empty = norm.id('');
    NL = norm.column(ctx.leftColumn, normalise);
    NR = norm.column(ctx.rightColumn, normalise);
    for (const ids of [NL, NR]) for (let i = 0; i < ids.length; i++) if (ids[i] === empty) ids[i] = -1;
  }

  function compare(l: number, r: number): Outcome {
    if (RL[l] === RR[r]) return IDENTICAL;
    if (NL !== undefined && NL[l] === NR![r]) return WITHIN;
    return BROKEN;
  }

  const x = new Int32Array(BLOCK);
  const y = new Int32Array(BLOCK);
  function compareMany(ls: Int32Array, rs: Int32Array, count: number, worst: Uint8Array, counts: Int32Array): void {
    for (let from = 0; from < count; from += BLOCK) {
      const to = Math.min(count, from + BLOCK);
      // Gather first: independent loads only, so many cache misses are in flight at once.
      for (let p = from; p < to; p++) { x[p - from] = RL[ls[p]]; y[p - from] = RR[rs[p]]; }
      for (let p = from; p < to; p++) {
        const o = x[p - from] === y[p - from] ? IDENTICAL : compare(ls[p], rs[p]);
        counts[o]++;
        if (o > worst[p]) worst[p] = o;
      }
    }
  }

  return {
    field: rule.field,
    rule,
    sentence,
    compare,
    compareMany,
    distance(l, r) {
      const o = compare(l, r);
      return o === IDENTICAL ? 0 : o === WITHIN ? 0.1 : 1;
    },
    detail(l, r) {
      return { left: displayCell(ctx.leftColumn, l), right: displayCell(ctx.rightColumn, r), diff: null, allowance: 0 };
    },
  };
}
