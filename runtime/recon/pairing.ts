/**
 * Pairing rows that share a key. Never by order of appearance: the cost of a pair is its number
 * of fields outside tolerance, plus (as a tie-break below 1) its normalised difference, so the
 * solver first minimises field breaks, then the size of the differences.
 *
 *   both sides ≤ 100 rows   optimal: the Hungarian algorithm (assignment.ts), O(n²·m)
 *   larger groups            greedy on sorted cost: take the cheapest pair whose rows are both
 *                            free, repeatedly. Bound: with the lexicographic cost the greedy
 *                            picks a maximal matching of the clean (zero-break) pairs first, so
 *                            it finds at least half as many clean pairs as the optimum.
 *   > 262,144 pairs          the greedy sees only neighbours: both sides sorted by the first
 *                            numeric field, each left row against the 32 right rows nearest its
 *                            value on either side. The bound holds within that candidate set.
 *
 * Ambiguity (groups ≤ 8 a side): a pairing is ambiguous when another assignment of equal cost
 * pairs rows differently — and the rows swapped are not identical on the compared fields (two
 * identical rows are interchangeable, a duplicate, not an ambiguity). Each pair of row classes
 * in the optimum is forbidden in turn and the problem re-solved; an equal cost means a tie.
 */
import { assignmentCost, solveAssignment } from './assignment';

export const PAIRING_LIMITS = { optimal: 100, ambiguity: 8, allPairs: 262_144, window: 32 } as const;

export interface PairingInput {
  readonly left: ArrayLike<number>;
  readonly right: ArrayLike<number>;
  /** Fields outside tolerance plus a tie-break in [0, 1). */
  cost(l: number, r: number): number;
  /** Rows of one side identical on every compared field. */
  sameLeft(a: number, b: number): boolean;
  sameRight(a: number, b: number): boolean;
  /** A number to sort by, for the windowed greedy of huge groups (side 0 left, 1 right). */
  sortValue?(side: 0 | 1, row: number): number;
  /** Look for ties (default true); without it a tie goes to the solver's choice. */
  readonly detectAmbiguity?: boolean;
}

export interface PairingResult {
  readonly pairs: readonly (readonly [number, number])[];
  /** Rows whose partner is a tie between non-identical candidates. */
  readonly ambiguousLeft: readonly number[];
  readonly ambiguousRight: readonly number[];
  readonly method: 'optimal' | 'greedy' | 'greedy-windowed';
}

const EPS = 1e-9;
const FORBIDDEN = 1e9;

export function pairGroup(input: PairingInput): PairingResult {
  return Math.max(input.left.length, input.right.length) <= PAIRING_LIMITS.optimal ? optimal(input) : greedy(input);
}

/** Class of each row: the index of the first identical row. */
function classes(rows: ArrayLike<number>, same: (a: number, b: number) => boolean): Int32Array {
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    out[i] = i;
    for (let k = 0; k < i; k++) if (out[k] === k && same(rows[k], rows[i])) { out[i] = k; break; }
  }
  return out;
}

function optimal(input: PairingInput): PairingResult {
  const flip = input.left.length > input.right.length;
  const A = flip ? input.right : input.left;
  const B = flip ? input.left : input.right;
  const n = A.length;
  const m = B.length;
  const cost = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) cost[i * m + j] = flip ? input.cost(B[j], A[i]) : input.cost(A[i], B[j]);
  const assign = solveAssignment(cost, n, m);
  const total = assignmentCost(cost, m, assign);
  const ambA = new Uint8Array(n);
  const ambB = new Uint8Array(m);
  if (n > 1 || m > 1) {
    if (input.detectAmbiguity !== false && n <= PAIRING_LIMITS.ambiguity && m <= PAIRING_LIMITS.ambiguity) {
      const ca = classes(A, flip ? input.sameRight : input.sameLeft);
      const cb = classes(B, flip ? input.sameLeft : input.sameRight);
      const tested = new Set<number>();
      for (let i = 0; i < n; i++) {
        const classPair = ca[i] * m + cb[assign[i]];
        if (tested.has(classPair)) continue;
        tested.add(classPair);
        const forbidden = cost.slice();
        for (let i2 = 0; i2 < n; i2++) for (let j2 = 0; j2 < m; j2++) if (ca[i2] === ca[i] && cb[j2] === cb[assign[i]]) forbidden[i2 * m + j2] = FORBIDDEN;
        const alt = solveAssignment(forbidden, n, m);
        if (assignmentCost(forbidden, m, alt) > total + EPS) continue;
        for (let i2 = 0; i2 < n; i2++) {
          if (cb[alt[i2]] === cb[assign[i2]]) continue;
          ambA[i2] = 1;
          ambB[alt[i2]] = 1;
          ambB[assign[i2]] = 1;
        }
      }
    }
  }
  // A row whose optimal partner is in a tie is in the tie too.
  for (let i = 0; i < n; i++) if (ambA[i] || ambB[assign[i]]) { ambA[i] = 1; ambB[assign[i]] = 1; }
  const pairs: [number, number][] = [];
  const ambiguousA: number[] = [];
  const ambiguousB: number[] = [];
  for (let i = 0; i < n; i++) {
    if (ambA[i]) ambiguousA.push(A[i]);
    else pairs.push(flip ? [B[assign[i]], A[i]] : [A[i], B[assign[i]]]);
  }
  for (let j = 0; j < m; j++) if (ambB[j]) ambiguousB.push(B[j]);
  return {
    pairs,
    ambiguousLeft: flip ? ambiguousB : ambiguousA,
    ambiguousRight: flip ? ambiguousA : ambiguousB,
    method: 'optimal',
  };
}

function greedy(input: PairingInput): PairingResult {
  const { left, right } = input;
  const nl = left.length;
  const nr = right.length;
  const li: number[] = [];
  const ri: number[] = [];
  const windowed = nl * nr > PAIRING_LIMITS.allPairs;
  if (!windowed) {
    for (let i = 0; i < nl; i++) for (let j = 0; j < nr; j++) { li.push(i); ri.push(j); }
  } else {
    const value = (side: 0 | 1, row: number, pos: number) => {
      const v = input.sortValue ? input.sortValue(side, row) : pos;
      return v === v ? v : Infinity;
    };
    const lv = Float64Array.from({ length: nl }, (_, i) => value(0, left[i], i));
    const rv = Float64Array.from({ length: nr }, (_, j) => value(1, right[j], j));
    const rOrder = Int32Array.from({ length: nr }, (_, j) => j).sort((a, b) => rv[a] - rv[b] || a - b);
    const W = PAIRING_LIMITS.window;
    for (let i = 0; i < nl; i++) {
      let lo = 0;
      let hi = nr;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (rv[rOrder[mid]] < lv[i]) lo = mid + 1;
        else hi = mid;
      }
      for (let q = Math.max(0, lo - W); q < Math.min(nr, lo + W); q++) { li.push(i); ri.push(rOrder[q]); }
    }
  }
  const costs = Float64Array.from(li, (i, k) => input.cost(left[i], right[ri[k]]));
  const order = Int32Array.from(costs, (_, k) => k).sort((a, b) => costs[a] - costs[b] || li[a] - li[b] || ri[a] - ri[b]);
  const usedL = new Uint8Array(nl);
  const usedR = new Uint8Array(nr);
  const pairs: [number, number][] = [];
  for (const k of order) {
    if (usedL[li[k]] || usedR[ri[k]]) continue;
    usedL[li[k]] = 1;
    usedR[ri[k]] = 1;
    pairs.push([left[li[k]], right[ri[k]]]);
  }
  return { pairs, ambiguousLeft: [], ambiguousRight: [], method: windowed ? 'greedy-windowed' : 'greedy' };
}
