/**
 * The matching pass: every key group once, in group order (first appearance). A group with one
 * row a side — nearly all of them — is compared in place: comparator calls on typed arrays, tally
 * increments, and an object only if it breaks. Groups with duplicates go to the pairing solver
 * (pairing.ts), or, under the 'report' policy, become one duplicate break.
 */
import { columnByName, type Column, type Table } from '../table/table';
import { displayCell, numericView } from './column-views';
import type { RuleBook } from './compile-rules';
import { BreakFactory, sideRows, type Side } from './breaks';
import { round15 } from '../formula/library/decimal-math';
import { groupRows, type Groups } from './groups';
import { pairGroup } from './pairing';
import type { ReconTally } from './summary';
import { BROKEN, type FieldComparator } from './tolerance/types';
import type { Break } from './types';

export interface MatchContext {
  readonly groupCount: number;
  readonly left: Side;
  readonly right: Side;
  readonly book: RuleBook;
  readonly tally: ReconTally;
  readonly factory: BreakFactory;
  readonly duplicates: 'optimal-pairing' | 'report';
}

export interface MatchOutput {
  readonly breaks: Break[];
  readonly leftGroups: Groups;
  readonly rightGroups: Groups;
  /** Groups with rows on one side only: where a key mistake may hide. */
  readonly leftOnlyGroups: number[];
  readonly rightOnlyGroups: number[];
  /** Row → index in `breaks` of its only-left / only-right break (rows of one-sided groups). */
  readonly onlyLeftBreak: Map<number, number>;
  readonly onlyRightBreak: Map<number, number>;
}

/** A row's compared values as one string: equal signatures are interchangeable duplicates. */
export function rowSignature(table: Table, fields: readonly string[]): (row: number) => string {
  const columns = fields.map((f) => columnByName(table, f)).filter((c): c is Column => !!c);
  return (row) => JSON.stringify(columns.map((c) => {
    const v = displayCell(c, row);
    return typeof v === 'number' ? round15(v) : v;
  }));
}

/** Finds, for a leftover row, a paired row identical to it: one map, not a scan per leftover. */
export function twinFinder(signature: (row: number) => string, paired: Iterable<number>): (row: number) => number | undefined {
  let bySignature: Map<string, number> | undefined;
  return (row) => {
    if (!bySignature) {
      bySignature = new Map();
      for (const p of paired) if (!bySignature.has(signature(p))) bySignature.set(signature(p), p);
    }
    return bySignature.get(signature(row));
  };
}

export function matchGroups(ctx: MatchContext): MatchOutput {
  const { left, right, book, tally, factory } = ctx;
  const L = groupRows(left.groupOf, ctx.groupCount);
  const R = groupRows(right.groupOf, ctx.groupCount);
  const out: MatchOutput = { breaks: [], leftGroups: L, rightGroups: R, leftOnlyGroups: [], rightOnlyGroups: [], onlyLeftBreak: new Map(), onlyRightBreak: new Map() };
  const { breaks } = out;

  const comparePair = (g: number, l: number, r: number): void => {
    const { comparators, slots } = book.setFor(l);
    let worst = 0;
    for (let i = 0; i < comparators.length; i++) {
      const o = comparators[i].compare(l, r);
      tally.outcomes[slots[i] * 3 + o]++;
      if (o > worst) worst = o;
    }
    tally.pairs++;
    if (worst === BROKEN) { breaks.push(factory.pair(g, l, r)); return; }
    tally.matched++;
    if (worst === 0) tally.perfect++;
    tally.cleanRows += sideRows(left, l) + sideRows(right, r);
  };
  /** A one-to-one pair whose fields were compared in the batch: its worst outcome decides. */
  const settlePair = (g: number, l: number, r: number, worst: number): void => {
    tally.pairs++;
    if (worst === BROKEN) { breaks.push(factory.pair(g, l, r)); return; }
    tally.matched++;
    if (worst === 0) tally.perfect++;
    tally.cleanRows += sideRows(left, l) + sideRows(right, r);
  };
  const onlyLeft = (g: number, l: number) => { tally.onlyLeftRows += sideRows(left, l); breaks.push(factory.onlyLeft(g, l)); };
  const onlyRight = (g: number, r: number) => { tally.onlyRightRows += sideRows(right, r); breaks.push(factory.onlyRight(g, r)); };

  let duplicateGroup: ((g: number, ls: Int32Array, rs: Int32Array) => void) | undefined;
  const duplicates = (g: number, ls: Int32Array, rs: Int32Array) => (duplicateGroup ??= makeDuplicateHandler())(g, ls, rs);
  function makeDuplicateHandler() {
    const leftSignature = rowSignature(left.source.table, book.fields);
    const rightSignature = rowSignature(right.source.table, book.fields);
    const sameLeft = (a: number, b: number) => leftSignature(a) === leftSignature(b);
    const sameRight = (a: number, b: number) => rightSignature(a) === rightSignature(b);
    const numeric = book.sets[0].comparators.find((c) => {
      const lc = columnByName(left.source.table, c.field);
      return lc && lc.type !== 'text';
    });
    const views = numeric ? [numericView(columnByName(left.source.table, numeric.field)!), numericView(columnByName(right.source.table, numeric.field)!)] : undefined;
    const cost = (l: number, r: number): number => {
      const { comparators } = book.setFor(l);
      let broken = 0;
      let distance = 0;
      for (const c of comparators) {
        if (c.compare(l, r) === BROKEN) broken++;
        distance += c.distance(l, r);
      }
      return broken + distance / (comparators.length + 1);
    };
    return (g: number, ls: Int32Array, rs: Int32Array) => {
      if (ctx.duplicates === 'report') { breaks.push(factory.rows('duplicate', g, [...ls], [...rs])); return; }
      const result = pairGroup({ left: ls, right: rs, cost, sameLeft, sameRight, sortValue: views ? (side, row) => views[side].values[row] : undefined });
      const pairedL = new Map<number, number>();
      const pairedR = new Map<number, number>();
      for (const [l, r] of result.pairs) { pairedL.set(l, r); pairedR.set(r, l); comparePair(g, l, r); }
      if (result.ambiguousLeft.length || result.ambiguousRight.length) breaks.push(factory.rows('ambiguous', g, result.ambiguousLeft, result.ambiguousRight));
      const inTie = new Set([...result.ambiguousLeft.map((l) => `l${l}`), ...result.ambiguousRight.map((r) => `r${r}`)]);
      const leftTwin = twinFinder(leftSignature, pairedL.keys());
      const rightTwin = twinFinder(rightSignature, pairedR.keys());
      for (const l of ls) {
        if (pairedL.has(l) || inTie.has(`l${l}`)) continue;
        const twin = leftTwin(l);
        if (twin !== undefined) breaks.push(factory.rows('duplicate', g, [twin, l], [pairedL.get(twin)!]));
        else onlyLeft(g, l);
      }
      for (const r of rs) {
        if (pairedR.has(r) || inTie.has(`r${r}`)) continue;
        const twin = rightTwin(r);
        if (twin !== undefined) breaks.push(factory.rows('duplicate', g, [pairedR.get(twin)!], [twin, r]));
        else onlyRight(g, r);
      }
    };
  }

  const lStart = L.start;
  const lRows = L.rows;
  const rStart = R.start;
  const rRows = R.rows;
  // Groups with one row a side are compared first, a field at a time over all of them: each
  // comparator then runs one tight loop (its call site sees one target) instead of being
  // called pair by pair among the others. One rule set only; rule sets pick comparators per row.
  const batched = book.sets.length === 1 ? compareOneToOne({ groupCount: ctx.groupCount, L, R, comparators: book.sets[0].comparators, slots: book.sets[0].slots, tally }) : undefined;
  let p = 0;
  for (let g = 0; g < ctx.groupCount; g++) {
    const l0 = lStart[g];
    const nl = lStart[g + 1] - l0;
    const r0 = rStart[g];
    const nr = rStart[g + 1] - r0;
    if (nl === 1 && nr === 1) {
      if (batched) settlePair(g, lRows[l0], rRows[r0], batched[p++]);
      else comparePair(g, lRows[l0], rRows[r0]);
      continue;
    }
    if (nl === 0 && nr === 0) continue;
    if (nr === 0) {
      out.leftOnlyGroups.push(g);
      for (let k = l0; k < l0 + nl; k++) { out.onlyLeftBreak.set(lRows[k], breaks.length); onlyLeft(g, lRows[k]); }
    } else if (nl === 0) {
      out.rightOnlyGroups.push(g);
      for (let k = r0; k < r0 + nr; k++) { out.onlyRightBreak.set(rRows[k], breaks.length); onlyRight(g, rRows[k]); }
    } else duplicates(g, lRows.subarray(l0, l0 + nl), rRows.subarray(r0, r0 + nr));
  }
  return out;
}

/**
 * Every group with exactly one row a side, compared field by field: the worst outcome per pair,
 * in group order, with each field's outcomes tallied.
 */
function compareOneToOne({ groupCount, L, R, comparators, slots, tally }: {
  groupCount: number; L: Groups; R: Groups; comparators: readonly FieldComparator[]; slots: Int32Array; tally: ReconTally;
}): Uint8Array {
  let ls: Int32Array = new Int32Array(Math.min(L.rows.length, R.rows.length));
  let rs: Int32Array = new Int32Array(ls.length);
  let n = 0;
  for (let g = 0; g < groupCount; g++) {
    const l0 = L.start[g];
    const r0 = R.start[g];
    if (L.start[g + 1] - l0 !== 1 || R.start[g + 1] - r0 !== 1) continue;
    ls[n] = L.rows[l0];
    rs[n++] = R.rows[r0];
  }
  const byRight = n >= 1 << STRIPE_BITS ? stripeByRight(ls, rs, n) : undefined;
  if (byRight) ({ ls, rs } = byRight);
  const worst = new Uint8Array(n);
  const counts = new Int32Array(3);
  for (let i = 0; i < comparators.length; i++) {
    const c = comparators[i];
    counts.fill(0);
    if (c.compareMany) c.compareMany(ls, rs, n, worst, counts);
    else {
      for (let p = 0; p < n; p++) {
        const o = c.compare(ls[p], rs[p]);
        counts[o]++;
        if (o > worst[p]) worst[p] = o;
      }
    }
    for (let o = 0; o < 3; o++) tally.outcomes[slots[i] * 3 + o] += counts[o];
  }
  if (!byRight) return worst;
  const inGroupOrder = new Uint8Array(n);
  for (let k = 0; k < n; k++) inGroupOrder[byRight.pair[k]] = worst[k];
  return inGroupOrder;
}

/** Right rows per stripe: 2^16, so a stripe of a number column (512 KiB) stays in the L2 cache while the left rows, ascending within the stripe, come a cache line or two apart. */
const STRIPE_BITS = 16;

/**
 * The pairs reordered by stripe of right rows (a stable counting sort). Group order walks the
 * left rows in order but the right ones at random, a cache and TLB miss per right value; by
 * stripe, right values come from a cache-sized window while left rows still rise in each
 * stripe. `pair[k]` is the group-order position of the k-th pair.
 */
function stripeByRight(ls: Int32Array, rs: Int32Array, n: number): { ls: Int32Array; rs: Int32Array; pair: Int32Array } {
  let max = 0;
  for (let p = 0; p < n; p++) if (rs[p] > max) max = rs[p];
  const start = new Int32Array((max >> STRIPE_BITS) + 2);
  for (let p = 0; p < n; p++) start[(rs[p] >> STRIPE_BITS) + 1]++;
  for (let s = 1; s < start.length; s++) start[s] += start[s - 1];
  const l2 = new Int32Array(n);
  const r2 = new Int32Array(n);
  const pair = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const k = start[rs[p] >> STRIPE_BITS]++;
    l2[k] = ls[p];
    r2[k] = rs[p];
    pair[k] = p;
  }
  return { ls: l2, rs: r2, pair };
}
