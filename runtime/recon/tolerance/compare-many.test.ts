import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { compileRuleBook } from '../compile-rules';
import { tableOf } from '../test-tables';
import type { RuleData } from '../types';

/**
 * n pairs, the right rows shuffled: right row rs[p] is left row p's counterpart, mostly equal,
 * sometimes a little or a lot off, blank, or text that is no number.
 */
function pairs(n: number) {
  const rand = seededRandom(11);
  const rs = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [rs[i], rs[j]] = [rs[j], rs[i]]; }
  const pick = <T>(options: [number, () => T][]): T => {
    let x = rand();
    for (const [p, f] of options) { if ((x -= p) < 0) return f(); }
    return options[options.length - 1][1]();
  };
  const L = { Price: [] as (number | string | null)[], Side: [] as (string | null)[], Day: [] as (string | null)[], Qty: [] as number[], Amount: [] as (number | null)[] };
  const R = { Price: new Array<number | string | null>(n), Side: new Array<string | null>(n), Day: new Array<string | null>(n), Qty: new Array<number>(n), Amount: new Array<number | null>(n) };
  for (let p = 0; p < n; p++) {
    const price = pick<number | string | null>([[0.04, () => null], [0.02, () => 'n/a'], [0.94, () => Math.round(rand() * 1e6) / 100]]);
    const side = pick<string | null>([[0.04, () => null], [0.96, () => `ACC${p % 50}`]]);
    const day = pick<string | null>([[0.04, () => null], [0.96, () => `2026-11-${String(1 + (p % 27)).padStart(2, '0')}`]]);
    L.Price.push(price); L.Side.push(side); L.Day.push(day);
    const r = rs[p];
    // Numbers only, no blanks (the fast path), and numbers with blanks (no text).
    L.Qty.push(p % 40);
    R.Qty[r] = pick([[0.8, () => p % 40], [0.1, () => (p % 40) + 0.04], [0.1, () => (p % 40) + 3]]);
    const amount = rand() < 0.05 ? null : p * 1.5;
    L.Amount.push(amount);
    R.Amount[r] = amount === null ? pick([[0.7, () => null], [0.3, () => 0]]) : pick<number | null>([[0.7, () => amount], [0.1, () => amount + 0.04], [0.1, () => amount + 7], [0.1, () => null]]);
    R.Price[r] = typeof price !== 'number' ? pick<number | string | null>([[0.7, () => price], [0.3, () => 1]]) : pick<number | string | null>([[0.6, () => price], [0.15, () => Math.round((price + 0.03) * 100) / 100], [0.15, () => price + 5], [0.05, () => null], [0.05, () => 'n/a']]);
    R.Side[r] = side === null ? pick<string | null>([[0.7, () => null], [0.3, () => 'ACC1']]) : pick<string | null>([[0.7, () => side], [0.15, () => side.toLowerCase()], [0.1, () => `${side}X`], [0.05, () => null]]);
    R.Day[r] = day === null ? pick<string | null>([[0.7, () => null], [0.3, () => '2026-11-02']]) : pick<string | null>([[0.7, () => day], [0.25, () => `2026-11-${String(2 + (p % 27)).padStart(2, '0')}`], [0.05, () => null]]);
  }
  return {
    left: tableOf('L', { Price: L.Price, Side: L.Side, Day: { date: L.Day }, Qty: L.Qty, Amount: L.Amount }),
    right: tableOf('R', { Price: R.Price, Side: R.Side, Day: { date: R.Day }, Qty: R.Qty, Amount: R.Amount }),
    ls: Int32Array.from({ length: n }, (_, i) => i),
    rs,
  };
}

describe('compareMany', () => {
  // More pairs than one block: the gathered path against compare() pair by pair.
  const n = 2500;
  const { left, right, ls, rs } = pairs(n);
  const rules: RuleData[] = [
    { field: 'Qty', kind: 'exact' }, { field: 'Qty', kind: 'abs', value: 0.05 }, { field: 'Amount', kind: 'exact' }, { field: 'Amount', kind: 'abs', value: 0.05 },
    { field: 'Price', kind: 'exact' }, { field: 'Price', kind: 'abs', value: 0.05 }, { field: 'Price', kind: 'rel', value: 0.001 },
    { field: 'Price', kind: 'ticks', value: 1, tickSize: 0.05 }, { field: 'Side', kind: 'exact' }, { field: 'Side', kind: 'text', ignoreCase: true, ignoreSpaces: true },
    { field: 'Day', kind: 'days', value: 0 }, { field: 'Day', kind: 'days', value: 1 },
  ];

  it.each(rules.map((r) => [`${r.kind} on ${r.field}`, r] as const))('%s gives what compare gives, pair by pair, and counts it', (_, rule) => {
    const book = compileRuleBook({ left: { name: 'left', table: left }, right: { name: 'right', table: right }, rules: [rule], report: () => {} });
    const c = book.sets[0].comparators[0];
    expect(c.compareMany).toBeDefined();
    const worst = new Uint8Array(n).fill(1);
    const counts = new Int32Array(3);
    c.compareMany!(ls, rs, n, worst, counts);
    const one = Array.from(ls, (l, p) => c.compare(l, rs[p]));
    expect(Array.from(worst)).toEqual(one.map((o) => Math.max(o, 1)));
    expect(Array.from(counts)).toEqual([0, 1, 2].map((o) => one.filter((x) => x === o).length));
    // The data hold every outcome, so the test would see a wrong one.
    // The pairs hold every outcome the rule can give, so a wrong one would show.
    const possible = rule.kind === 'exact' || (rule.kind === 'days' && rule.value === 0) ? [0, 2] : [0, 1, 2];
    expect(c.compareMany).toBeDefined();
    for (const o of possible) expect(counts[o], `outcome ${o}`).toBeGreaterThan(10);
  });
});
