import { describe, expect, it } from 'vitest';
import { key, run } from '../test-support';
import { tableOf } from '../test-tables';
import type { BlockingStats } from './blocking';
import { boundedEditDistance, isAdjacentTransposition } from './edit-distance';
import { suggestCandidates } from './suggest-candidates';

const only = (r: ReturnType<typeof run>, id: string) => r.breaks.find((b) => b.kind === 'only-left' && Object.values(b.key).includes(id))!;

describe('suggestions for unmatched rows', () => {
  it('a one-character typo in the id', () => {
    const r = run({ Id: ['T10045', 'T20000'], Qty: [5, 1] }, { Id: ['T10046', 'X99999'], Qty: [5, 2] }, { rules: [{ field: 'Qty', kind: 'exact' }] });
    const s = only(r, 'T10045').suggestions!;
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ source: 'right', key: { Id: 'T10046' }, lineage: { index: 0 }, score: 0.85, reasons: [{ code: 'typo', key: 'Id', message: 'Id T10045 and T10046 differ by one character' }] });
    // And the mirror on the right side's break.
    const right = r.breaks.find((b) => b.kind === 'only-right' && b.key.Id === 'T10046')!;
    expect(right.suggestions![0]).toMatchObject({ source: 'left', key: { Id: 'T10045' } });
    expect(only(r, 'T20000').suggestions).toBeUndefined();
  });

  it('transposed digits', () => {
    const r = run({ Id: ['12345'] }, { Id: ['12435'] });
    expect(only(r, '12345').suggestions![0].reasons[0]).toMatchObject({ code: 'transposition', message: 'Id 12345 and 12435 have two characters swapped' });
  });

  it('one tick off on a price that is part of the key', () => {
    const r = run(
      { Acct: ['A', 'A'], Price: [100.25, 98], Qty: [3, 1] },
      { Acct: ['A', 'A'], Price: [100.5, 95.5], Qty: [3, 1] },
      { keys: [key('Acct'), key('Price')], rules: [{ field: 'Price', kind: 'ticks', value: 0, tickSize: 0.25 }, { field: 'Qty', kind: 'exact' }] },
    );
    const s = only(r, '100.25').suggestions!;
    expect(s[0]).toMatchObject({ key: { Acct: 'A', Price: '100.5' }, score: 0.704 }); // 0.88, with Qty agreeing and Price (the key itself) not
    // The telling reason first; that the texts are also one character apart comes second.
    expect(s[0].reasons).toEqual([
      { code: 'one-tick', key: 'Price', message: 'Price 100.25 and 100.5 are one tick (0.25) apart' },
      { code: 'typo', key: 'Price', message: 'Price 100.25 and 100.5 differ by one character' },
    ]);
    expect(only(r, '98').suggestions).toBeUndefined(); // ten ticks away, and no typo of 95.5
  });

  it('swapped fields', () => {
    const r = run({ Buyer: ['ACME'], Seller: ['BETA'] }, { Buyer: ['BETA'], Seller: ['ACME'] }, { keys: [key('Buyer'), key('Seller')] });
    expect(r.breaks[0].suggestions![0].reasons[0]).toMatchObject({ code: 'swapped', message: 'Buyer and Seller are swapped (ACME / BETA)' });
  });

  it('day and month swapped in a date key', () => {
    const r = run({ Id: ['T1'], TradeDate: { date: ['2025-03-04'] } }, { Id: ['T1'], TradeDate: { date: ['2025-04-03'] } }, { keys: [key('Id'), key('TradeDate')] });
    expect(r.breaks[0].suggestions![0].reasons[0].code).toBe('day-month');
  });

  it('ranks candidates whose fields agree first, at most three', () => {
    const r = run(
      { Id: ['T1000'], Qty: [5], Price: [10] },
      { Id: ['T1001', 'T1002', 'T1003', 'T1004'], Qty: [7, 5, 7, 7], Price: [11, 10, 11, 10] },
      { rules: [{ field: 'Qty', kind: 'exact' }, { field: 'Price', kind: 'exact' }] },
    );
    const s = only(r, 'T1000').suggestions!;
    expect(s.map((x) => [x.key.Id, x.score])).toEqual([['T1002', 0.85], ['T1004', 0.68], ['T1001', 0.51]]);
  });
});

describe('suggestion search', () => {
  function ids(n: number, seed: number) {
    let x = seed;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
    return Array.from({ length: n }, () => Array.from({ length: 10 }, () => chars[next() % chars.length]).join(''));
  }

  it('stays sub-quadratic: comparisons grow linearly with the unmatched rows', () => {
    const counts: number[] = [];
    for (const n of [1000, 4000]) {
      const left = ids(n, 1);
      const right = ids(n, 2);
      // Plant three typical mistakes among the noise.
      right[10] = `${left[10].slice(0, -1)}${left[10].endsWith('9') ? '8' : '9'}`;
      right[20] = `${left[20].slice(0, 4)}${left[20][5]}${left[20][4]}${left[20].slice(6)}`;
      const stats: BlockingStats = { comparisons: 0, skippedBuckets: 0 };
      const found = suggestCandidates({
        left: { name: 'left', table: tableOf('L', { Id: left }) },
        right: { name: 'right', table: tableOf('R', { Id: right }) },
        keys: [key()],
        stats,
      });
      expect(found.left.get(10)![0].lineage.index).toBe(10);
      expect(found.left.get(20)![0].reasons[0].code).toBe(left[20][4] === left[20][5] ? 'typo' : 'transposition');
      counts.push(stats.comparisons);
      expect(stats.comparisons).toBeLessThan(n * 20);
    }
    // 4× the rows: about 4× the work, not the 16× of a pairwise search.
    expect(counts[1] / counts[0]).toBeLessThan(5);
  });

  it('skips buckets too common to tell anything, so shared prefixes cannot make it quadratic', () => {
    const n = 2000;
    const left = Array.from({ length: n }, (_, i) => `ACCT-0000-${String(i).padStart(6, '0')}`);
    const right = Array.from({ length: n }, (_, i) => `ACCT-0000-${String(i + n).padStart(6, '0')}`);
    const stats: BlockingStats = { comparisons: 0, skippedBuckets: 0 };
    suggestCandidates({ left: { name: 'l', table: tableOf('L', { Id: left }) }, right: { name: 'r', table: tableOf('R', { Id: right }) }, keys: [{ name: 'Id', columns: { l: 'Id', r: 'Id' } }], stats });
    expect(stats.skippedBuckets).toBeGreaterThan(0);
    expect(stats.comparisons).toBeLessThan(n * 40);
  });
});

describe('edit distance', () => {
  it('is bounded and knows adjacent swaps', () => {
    expect(boundedEditDistance('T10045', 'T10046', 2)).toBe(1);
    expect(boundedEditDistance('T10045', 'T1004', 2)).toBe(1);
    expect(boundedEditDistance('12345', '12435', 2)).toBe(1);
    expect(boundedEditDistance('ABCDEF', 'XYZDEF', 2)).toBe(3);
    expect(boundedEditDistance('AB', 'ABCDE', 2)).toBe(3);
    expect(isAdjacentTransposition('12345', '12435')).toBe(true);
    expect(isAdjacentTransposition('12345', '12354')).toBe(true);
    expect(isAdjacentTransposition('12345', '13245')).toBe(true);
    expect(isAdjacentTransposition('12345', '52341')).toBe(false);
  });
});
