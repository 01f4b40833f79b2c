/**
 * Lookup indexes for XLOOKUP/XMATCH. A column formula looks up into the same reference-table
 * column for every row, so the first lookup builds a hash index (and, for approximate matches,
 * a sorted key list) and caches it by array identity in a WeakMap: a 10k-row batch scans the
 * table once, not 10k times. Reference tables and array constants are immutable, which is what
 * makes caching by identity sound.
 */
import { round15 } from './decimal-math';
import type { ArrayValue, Scalar } from './values';
import { hasWildcards, wildcardRegExp } from './regex-cache';

/** Excel's exact-match equality as a string key: numbers at 15 digits, text case-insensitive,
 * blank and "" alike. Errors have no key: they never match. */
export function lookupKey(v: Scalar | undefined): string | undefined {
  if (v === null || v === undefined || v === '') return 'e';
  if (typeof v === 'number') return Number.isFinite(v) ? `n${round15(v)}` : undefined;
  if (typeof v === 'string') return `s${v.toLowerCase()}`;
  if (typeof v === 'boolean') return v ? 'bT' : 'bF';
  return undefined;
}

interface Entry {
  readonly value: number | string;
  readonly first: number;
  readonly last: number;
}

interface Index {
  readonly first: Map<string, number>;
  readonly last: Map<string, number>;
  numbers?: Entry[];
  texts?: Entry[];
}

const INDEXES = new WeakMap<ArrayValue, Index>();

function indexOf(array: ArrayValue): Index {
  let idx = INDEXES.get(array);
  if (!idx) {
    const first = new Map<string, number>();
    const last = new Map<string, number>();
    for (let i = 0; i < array.length; i++) {
      const k = lookupKey(array[i]);
      if (k === undefined) continue;
      if (!first.has(k)) first.set(k, i);
      last.set(k, i);
    }
    idx = { first, last };
    INDEXES.set(array, idx);
  }
  return idx;
}

/** Distinct numbers (or texts, lower-cased) in ascending order with first/last positions. */
function sorted(array: ArrayValue, idx: Index, kind: 'numbers' | 'texts'): Entry[] {
  const cached = idx[kind];
  if (cached) return cached;
  const prefix = kind === 'numbers' ? 'n' : 's';
  const entries: Entry[] = [];
  for (const [k, first] of idx.first) {
    if (k[0] !== prefix) continue;
    const value = kind === 'numbers' ? Number(k.slice(1)) : k.slice(1);
    entries.push({ value, first, last: idx.last.get(k) as number });
  }
  entries.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  idx[kind] = entries;
  return entries;
}

export type MatchMode = 0 | -1 | 1 | 2;

/**
 * Position (0-based) of the match, or -1. match_mode: 0 exact, -1 exact or next smaller,
 * 1 exact or next larger, 2 wildcard. `fromEnd` picks the last of equal matches.
 */
export function findMatch(value: Scalar, array: ArrayValue, mode: MatchMode, fromEnd: boolean): number {
  if (mode === 2 && typeof value === 'string' && hasWildcards(value)) {
    const re = wildcardRegExp(value, true);
    const matches = (v: Scalar) => typeof v === 'string' && re.test(v);
    if (fromEnd) {
      for (let i = array.length - 1; i >= 0; i--) if (matches(array[i])) return i;
    } else {
      for (let i = 0; i < array.length; i++) if (matches(array[i])) return i;
    }
    return -1;
  }
  const key = lookupKey(value);
  if (key === undefined) return -1;
  const idx = indexOf(array);
  const hit = (fromEnd ? idx.last : idx.first).get(key);
  if (hit !== undefined) return hit;
  if (mode !== -1 && mode !== 1) return -1;
  if (typeof value !== 'number' && typeof value !== 'string') return -1;
  // Approximate: the nearest value of the same type (numbers with numbers, text with text;
  // text orders by lower-cased code units, close to but not exactly Excel's collation).
  const list = sorted(array, idx, typeof value === 'number' ? 'numbers' : 'texts');
  const target = typeof value === 'number' ? round15(value) : value.toLowerCase();
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].value < target) lo = mid + 1;
    else hi = mid;
  }
  // lo is the first entry >= target (none is equal: the exact lookup missed).
  const entry = mode === -1 ? list[lo - 1] : list[lo];
  if (!entry) return -1;
  return fromEnd ? entry.last : entry.first;
}
