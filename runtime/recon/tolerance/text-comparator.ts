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
import { BROKEN, IDENTICAL, WITHIN, type CompileContext, type FieldComparator, type Outcome } from './types';

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

  return {
    field: rule.field,
    rule,
    sentence,
    compare,
    distance(l, r) {
      const o = compare(l, r);
      return o === IDENTICAL ? 0 : o === WITHIN ? 0.1 : 1;
    },
    detail(l, r) {
      return { left: displayCell(ctx.leftColumn, l), right: displayCell(ctx.rightColumn, r), diff: null, allowance: 0 };
    },
  };
}
