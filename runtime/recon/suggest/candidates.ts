/**
 * Which unmatched keys of the other side look like a mistake for this one. Works on key groups
 * (every row of a group shares its key), left probing right; the relation is symmetric, so the
 * right side's suggestions are the mirror. Reasons:
 *   typo           one key part within two edits (T10045 / T10046)
 *   transposition  one key part with two adjacent characters swapped (12345 / 12435)
 *   one-tick       a numeric key part one tick apart (tick size from the ticks rule on that field)
 *   day-month      a date key part with day and month swapped (2025-03-04 / 2025-04-03)
 *   swapped        two key parts swapped (account in the trader column)
 */
import { round15 } from '../../formula/library/decimal-math';
import { numberToText, parseNumericText } from '../../formula/library/values';
import type { KeyIndex } from '../keys/key-index';
import type { SuggestionReason } from '../types';
import { KeyBlocks, type BlockingStats } from './blocking';
import { boundedEditDistance, isAdjacentTransposition } from './edit-distance';

export interface GroupCandidate {
  /** Every reason found, the most telling first. */
  readonly reasons: SuggestionReason[];
  /** How telling the best reason is, 0..1, before the fields have their say. */
  base: number;
}

export interface CandidateSearch {
  readonly keyIndex: KeyIndex;
  /** Groups with rows on the left only, and on the right only. */
  readonly leftGroups: readonly number[];
  readonly rightGroups: readonly number[];
  /** Tick size for key part `part` of a left group, NaN when the part has no tick rule. */
  tickSize?(part: number, group: number): number;
  readonly stats?: BlockingStats;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BASE = { swapped: 0.9, transposition: 0.9, oneTick: 0.88, typo1: 0.85, dayMonth: 0.8, typo2: 0.7 };

/** For each left group: candidate right groups, best reason each. */
export function findCandidateGroups(search: CandidateSearch): Map<number, Map<number, GroupCandidate>> {
  const { keyIndex } = search;
  const { keys, atomText } = keyIndex;
  const stats = search.stats ?? { comparisons: 0, skippedBuckets: 0 };
  const K = keys.length;
  const isRight = new Uint8Array(keyIndex.groupCount);
  for (const g of search.rightGroups) isRight[g] = 1;
  const othersOf = (atoms: ArrayLike<number>, p: number) => {
    let s = '';
    for (let k = 0; k < K; k++) if (k !== p) s += `${atoms[k]},`;
    return s;
  };
  const blocks = new KeyBlocks();
  for (const g of search.rightGroups) {
    const atoms = keyIndex.groupAtoms(g);
    for (let p = 0; p < K; p++) blocks.add(p, othersOf(atoms, p), atomText[atoms[p]], g);
  }

  const out = new Map<number, Map<number, GroupCandidate>>();
  for (const gl of search.leftGroups) {
    const found = new Map<number, GroupCandidate>();
    const offer = (gr: number, base: number, reason: SuggestionReason) => {
      const had = found.get(gr);
      if (!had) { found.set(gr, { base, reasons: [reason] }); return; }
      if (base > had.base) { had.base = base; had.reasons.unshift(reason); } else had.reasons.push(reason);
    };
    const atoms = Int32Array.from(keyIndex.groupAtoms(gl));
    const exact = (p: number, text: string): number => {
      const a = keyIndex.atomOf(text);
      if (a < 0) return -1;
      const t = atoms.slice();
      t[p] = a;
      const g = keyIndex.findGroup(t);
      return g >= 0 && isRight[g] ? g : -1;
    };
    for (let p = 0; p < K; p++) {
      const name = keys[p].name;
      const text = atomText[atoms[p]];
      const seen = new Set<number>();
      blocks.probe(p, othersOf(atoms, p), text, stats, (gr) => {
        if (seen.has(gr)) return;
        seen.add(gr);
        const other = atomText[keyIndex.groupAtoms(gr)[p]];
        if (isAdjacentTransposition(text, other)) {
          offer(gr, BASE.transposition, { code: 'transposition', key: name, message: `${name} ${text} and ${other} have two characters swapped` });
          return;
        }
        const d = boundedEditDistance(text, other, 2);
        if (d >= 1 && d <= 2) offer(gr, d === 1 ? BASE.typo1 : BASE.typo2, { code: 'typo', key: name, message: `${name} ${text} and ${other} differ by ${d === 1 ? 'one character' : 'two characters'}` });
      });
      const tick = search.tickSize?.(p, gl) ?? NaN;
      const v = tick > 0 ? parseNumericText(text) : undefined;
      if (v !== undefined) for (const sign of [-1, 1]) {
        const other = numberToText(round15(v + sign * tick));
        const gr = exact(p, other);
        if (gr >= 0) offer(gr, BASE.oneTick, { code: 'one-tick', key: name, message: `${name} ${text} and ${other} are one tick (${numberToText(tick)}) apart` });
      }
      const m = ISO_DATE.exec(text);
      if (m && m[2] !== m[3] && Number(m[3]) <= 12) {
        const other = `${m[1]}-${m[3]}-${m[2]}`;
        const gr = exact(p, other);
        if (gr >= 0) offer(gr, BASE.dayMonth, { code: 'day-month', key: name, message: `${name} ${text} and ${other} have day and month swapped` });
      }
    }
    for (let p = 0; p < K; p++) for (let q = p + 1; q < K; q++) {
      if (atoms[p] === atoms[q]) continue;
      const t = atoms.slice();
      t[p] = atoms[q];
      t[q] = atoms[p];
      const gr = keyIndex.findGroup(t);
      if (gr >= 0 && isRight[gr]) offer(gr, BASE.swapped, { code: 'swapped', key: keys[p].name, message: `${keys[p].name} and ${keys[q].name} are swapped (${atomText[atoms[p]]} / ${atomText[atoms[q]]})` });
    }
    if (found.size) out.set(gl, found);
  }
  return out;
}
