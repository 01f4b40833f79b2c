/**
 * From candidate key groups to ranked suggestions per unmatched row: a candidate's score is its
 * reason's weight scaled by how many compared fields agree within tolerance (a typo'd id on a
 * trade with the same price and quantity is far likelier than one on a different trade). The
 * best `limit` (default 3) per row, ties broken by table order so runs are reproducible.
 */
import type { LineageRef, Suggestion } from '../types';
import type { GroupCandidate } from './candidates';

export interface RankInput {
  readonly candidates: ReadonlyMap<number, ReadonlyMap<number, GroupCandidate>>;
  leftRows(group: number): ArrayLike<number>;
  rightRows(group: number): ArrayLike<number>;
  /** Fraction of compared fields within tolerance for a left and a right row, 0..1. */
  agreement(l: number, r: number): number;
  leftRef(l: number): LineageRef;
  rightRef(r: number): LineageRef;
  keyRecord(group: number): Record<string, string>;
  readonly leftName: string;
  readonly rightName: string;
  readonly limit?: number;
}

/** Rows of a group looked at, at most: a candidate group of thousands of rows is not one mistake. */
const ROWS_PER_GROUP = 20;

export function rankSuggestions(input: RankInput): { left: Map<number, Suggestion[]>; right: Map<number, Suggestion[]> } {
  const left = new Map<number, Suggestion[]>();
  const right = new Map<number, Suggestion[]>();
  const push = (m: Map<number, Suggestion[]>, row: number, s: Suggestion) => {
    const list = m.get(row);
    if (list) list.push(s);
    else m.set(row, [s]);
  };
  for (const [gl, found] of input.candidates) {
    const lRows = input.leftRows(gl);
    const lKey = input.keyRecord(gl);
    for (const [gr, c] of found) {
      const rRows = input.rightRows(gr);
      const rKey = input.keyRecord(gr);
      for (let i = 0; i < Math.min(lRows.length, ROWS_PER_GROUP); i++) {
        for (let j = 0; j < Math.min(rRows.length, ROWS_PER_GROUP); j++) {
          const l = lRows[i];
          const r = rRows[j];
          const score = Math.round(c.base * (0.6 + 0.4 * input.agreement(l, r)) * 1000) / 1000;
          push(left, l, { source: input.rightName, lineage: input.rightRef(r), key: rKey, score, reasons: c.reasons });
          push(right, r, { source: input.leftName, lineage: input.leftRef(l), key: lKey, score, reasons: c.reasons });
        }
      }
    }
  }
  const limit = input.limit ?? 3;
  for (const m of [left, right]) for (const [row, list] of m) {
    list.sort((a, b) => b.score - a.score || a.lineage.index - b.lineage.index);
    m.set(row, list.slice(0, limit));
  }
  return { left, right };
}
