import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { tableOf, type TestColumn } from '../test-tables';
import { atomsByRow } from './atom-columns';
import { compositeKeys, NumberInterner, SmallNumberInterner } from './composite-keys';
import { buildKeyIndex } from './key-index';

/** The reference: rows grouped by their key texts, groups numbered in first-seen order over the sources. */
function expectedGroups(sources: Record<string, TestColumn>[], parts: string[]): number[][] {
  const ids = new Map<string, number>();
  return sources.map((cols) => {
    const rows = (cols[parts[0]] as unknown[]).length;
    return Array.from({ length: rows }, (_, r) => {
      const values = parts.map((p) => (cols[p] as unknown[])[r]);
      if (values.some((v) => v === null || v === '')) return -1;
      const k = JSON.stringify(values.map(String));
      if (!ids.has(k)) ids.set(k, ids.size);
      return ids.get(k)!;
    });
  });
}

function index(sources: Record<string, TestColumn>[], parts: string[]) {
  const recon = sources.map((cols, i) => ({ name: `s${i}`, table: tableOf(`s${i}`, cols) }));
  const keys = parts.map((p) => ({ name: p, columns: Object.fromEntries(recon.map((s) => [s.name, p])) }));
  return buildKeyIndex(recon, keys, { report: () => {} })!;
}

describe('composite keys', () => {
  const rand = seededRandom(3);
  const make = (n: number, distinct: number) => ({
    Account: Array.from({ length: n }, () => (rand() < 0.02 ? null : `ACC${Math.floor(rand() * distinct)}`)),
    Product: Array.from({ length: n }, () => ['ES', 'NQ', 'FGBL'][Math.floor(rand() * 3)]),
    Strike: Array.from({ length: n }, () => 1000 + 25 * Math.floor(rand() * 4)),
  });

  it('group rows as the key texts do, numbered in first-seen order, blanks apart', () => {
    const sources = [make(3000, 40), make(2500, 40), make(200, 60)];
    const parts = ['Account', 'Product', 'Strike'];
    const k = index(sources, parts);
    expect(k.groupOf.map((g) => Array.from(g))).toEqual(expectedGroups(sources, parts));
    expect(k.blankKeys).toEqual(sources.map((s) => s.Account.filter((a) => a === null).length));
    // Each group's atoms give its key back, and the atoms find the group again.
    for (let g = 0; g < k.groupCount; g += 17) {
      expect(k.findGroup(k.groupAtoms(g))).toBe(g);
      expect(Object.keys(k.keyRecord(g))).toEqual(parts);
    }
    const someRow = sources[1].Account.findIndex((a) => a !== null);
    expect(k.keyRecord(k.groupOf[1][someRow])).toEqual({ Account: sources[1].Account[someRow], Product: sources[1].Product[someRow], Strike: String(sources[1].Strike[someRow]) });
    // An atom no row holds in that part finds nothing (a product where an account should be).
    const atoms = Array.from(k.groupAtoms(0));
    expect(k.findGroup([atoms[1], atoms[1], atoms[2]])).toBe(-1);
  });

  it('fall back to tuples when the parts are too varied for one exact number, with the same groups', () => {
    // Four parts of 12,000 distinct values each: 12,000^4 is past 2^53.
    const n = 12_000;
    const col = (prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${(i * 7919) % n}`);
    const left = { A: col('a'), B: col('b'), C: col('c'), D: col('d') };
    const right = { A: left.A.slice(0, 500).reverse(), B: left.B.slice(0, 500).reverse(), C: left.C.slice(0, 500).reverse(), D: left.D.slice(0, 500).reverse() };
    const parts = ['A', 'B', 'C', 'D'];
    const k = index([left, right], parts);
    expect(k.groupCount).toBe(n);
    expect(k.groupOf.map((g) => Array.from(g))).toEqual(expectedGroups([left, right], parts));
    expect(k.findGroup(k.groupAtoms(42))).toBe(42);
  });

  it('encode and decode are inverse, and too many combinations give no encoding', () => {
    const rowAtoms = [[Int32Array.from([0, 1, -1]), Int32Array.from([2, 2, 3])], [Int32Array.from([1]), Int32Array.from([3])]].map((parts) => parts.map(atomsByRow));
    const c = compositeKeys(rowAtoms, 4)!;
    expect(Array.from(c.codes[0])).toEqual([0, 2, -1]);
    expect(Array.from(c.codes[1])).toEqual([3]);
    expect(Array.from(c.decode(3))).toEqual([1, 3]);
    expect(c.encode([1, 3])).toBe(3);
    expect(c.encode([2, 3])).toBe(-1);
    const wide = Array.from({ length: 5 }, () => atomsByRow(Int32Array.from({ length: 2000 }, (_, i) => i)));
    expect(compositeKeys([wide], 2000)).toBeUndefined();
  });

  it('intern numbers to dense ids in first-seen order, growing as needed', () => {
    const interner = new NumberInterner(4);
    const keys = [2 ** 52 + 1, 7, 2 ** 40, 7, 0, 2 ** 52 + 1, ...Array.from({ length: 100 }, (_, i) => i * 4_294_967_296)];
    const ids = keys.map((k) => interner.intern(k));
    expect(ids.slice(0, 6)).toEqual([0, 1, 2, 1, 3, 0]);
    expect(interner.count).toBe(4 + 99);
    expect(interner.find(2 ** 40)).toBe(2);
    expect(interner.find(8)).toBe(-1);
    expect(interner.find(-1)).toBe(-1);
  });

  it('intern keys below 2^31 in 32-bit slots alike', () => {
    const interner = new SmallNumberInterner(4);
    const keys = [2 ** 31 - 1, 7, 0, 7, ...Array.from({ length: 100 }, (_, i) => i * 1_000_003), 2 ** 31 - 1];
    expect(keys.map((k) => interner.intern(k)).slice(0, 5)).toEqual([0, 1, 2, 1, 2]);
    expect(interner.count).toBe(3 + 99);
    expect(interner.intern(2 ** 31 - 1)).toBe(0);
    expect(interner.find(1_000_003)).toBe(3);
    expect(interner.find(2 ** 31)).toBe(-1);
    expect(interner.find(-1)).toBe(-1);
  });
});
