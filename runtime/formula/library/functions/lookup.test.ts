import { describe, expect, it } from 'vitest';
import { ERR, type Value } from '../values';
import { call } from './test-harness';

type Row = readonly [string, readonly (Value | undefined)[], Value];

const CCY = ['EUR', 'USD', 'GBP'];
const NAMES = ['Euro', 'US Dollar', 'Pound'];
const NUMS = [10, 20, 30];
const ABC = ['a', 'b', 'c'];

// Expected values are Excel 365's XLOOKUP/XMATCH results.
const ROWS: readonly Row[] = [
  ['XLOOKUP', ['USD', CCY, NAMES], 'US Dollar'],
  ['XLOOKUP', ['usd', CCY, NAMES], 'US Dollar'], // exact text match is case-insensitive
  ['XLOOKUP', ['CHF', CCY, NAMES], ERR.NA],
  ['XLOOKUP', ['CHF', CCY, NAMES, 'none'], 'none'],
  ['XLOOKUP', ['CHF', CCY, NAMES, ''], ''],
  ['XLOOKUP', ['CHF', CCY, NAMES, null], ERR.NA], // a blank if_not_found counts as omitted
  ['XLOOKUP', ['USD', CCY, NAMES, ERR.DIV0], 'US Dollar'], // if_not_found only matters when used
  ['XLOOKUP', ['CHF', CCY, NAMES, ERR.DIV0], ERR.DIV0],
  ['XLOOKUP', [1, ['1', 1], ['text', 'number']], 'number'], // number and text never match
  ['XLOOKUP', ['1', [1, '1'], ['number', 'text']], 'text'],
  ['XLOOKUP', [0.1 + 0.2, [0.3], ['hit']], 'hit'], // numbers compare at 15 digits
  ['XLOOKUP', [true, [1, true], ['one', 'true']], 'true'],
  ['XLOOKUP', [null, ['a', null], [1, 2]], 2], // blank matches blank
  ['XLOOKUP', ['', ['a', null], [1, 2]], 2],
  ['XLOOKUP', ['a', ['a', 'b', 'A'], [1, 2, 3]], 1],
  ['XLOOKUP', ['a', ['a', 'b', 'A'], [1, 2, 3], null, 0, -1], 3], // last to first
  ['XLOOKUP', ['a', ['a', 'b', 'A'], [1, 2, 3], null, 0, 2], 1],
  ['XLOOKUP', [25, NUMS, ABC, null, -1], 'b'], // exact or next smaller
  ['XLOOKUP', [25, NUMS, ABC, null, 1], 'c'], // exact or next larger
  ['XLOOKUP', [20, NUMS, ABC, null, 1], 'b'],
  ['XLOOKUP', [5, NUMS, ABC, null, -1], ERR.NA],
  ['XLOOKUP', [35, NUMS, ABC, null, 1], ERR.NA],
  ['XLOOKUP', [25, [30, 10, 20], ['c', 'a', 'b'], null, -1], 'b'], // linear modes need no sorting
  ['XLOOKUP', [25, [10, 20, 20, 30], [1, 2, 3, 4], null, -1], 2],
  ['XLOOKUP', [25, [10, 20, 20, 30], [1, 2, 3, 4], null, -1, -1], 3],
  ['XLOOKUP', [25, ['x', 20, 'y'], [1, 2, 3], null, 1], ERR.NA], // text is not "larger" than numbers
  ['XLOOKUP', ['b', ['a', 'c'], [1, 2], null, 1], 2],
  ['XLOOKUP', ['B', ['a', 'c'], [1, 2], null, -1], 1],
  ['XLOOKUP', ['US*', CCY, NAMES, null, 2], 'US Dollar'],
  ['XLOOKUP', ['?BP', CCY, NAMES, null, 2], 'Pound'],
  ['XLOOKUP', ['*', CCY, NAMES, null, 2, -1], 'Pound'],
  ['XLOOKUP', ['~*', ['a', '*'], [1, 2], null, 2], 2],
  ['XLOOKUP', ['US*', ['US*', 'USD'], [1, 2]], 1], // wildcards are literal in exact mode
  ['XLOOKUP', [20, NUMS, ABC, null, 2], 'b'], // wildcard mode with a number is exact
  ['XLOOKUP', ['b', ['a', ERR.NA, 'b'], [1, 2, 3]], 3], // errors in lookup_array never match
  ['XLOOKUP', ['b', ['a', 'b'], [1, ERR.REF]], ERR.REF],
  ['XLOOKUP', ['a', 'a', 'x'], 'x'], // a single value acts as a one-element array
  ['XLOOKUP', ['a', ['a', 'b'], [1]], ERR.VALUE], // lengths differ
  ['XLOOKUP', ['a', ['a'], [1], null, 3], ERR.VALUE],
  ['XLOOKUP', ['a', ['a'], [1], null, 0, 0], ERR.VALUE],
  ['XLOOKUP', ['a', ['a'], [1], null, 'x'], ERR.VALUE],
  ['XLOOKUP', [ERR.NA, ['a'], [1]], ERR.NA],
  ['XLOOKUP', ['a', ERR.REF, [1]], ERR.REF],
  ['XLOOKUP', [['a'], ['a'], [1]], ERR.VALUE],
  ['XMATCH', ['GBP', CCY], 3],
  ['XMATCH', ['gbp', CCY], 3],
  ['XMATCH', ['CHF', CCY], ERR.NA],
  ['XMATCH', [25, NUMS, -1], 2],
  ['XMATCH', [25, NUMS, 1], 3],
  ['XMATCH', ['E*', CCY, 2], 1],
  ['XMATCH', ['a', ['a', 'b', 'a'], 0, -1], 3],
  ['XMATCH', ['a', ['a'], 5], ERR.VALUE],
  ['XMATCH', [ERR.DIV0, CCY], ERR.DIV0],
];

describe('lookup functions', () => {
  it.each(ROWS.map((r) => [r[0], JSON.stringify(r[1]), r] as const))('%s(%s)', (_n, _a, row) => {
    expect(call(row[0], ...row[1])).toEqual(row[2]);
  });

  it('indexes a reference-table column once for a whole batch', () => {
    const size = 20_000;
    const keys = Object.freeze(Array.from({ length: size }, (_, i) => `LEI${String(i).padStart(17, '0')}`));
    const values = Object.freeze(Array.from({ length: size }, (_, i) => i));
    const started = performance.now();
    let sum = 0;
    for (let row = 0; row < 10_000; row++) {
      sum += call('XLOOKUP', `lei${String((row * 7) % size).padStart(17, '0')}`, keys, values) as number;
    }
    const elapsed = performance.now() - started;
    expect(sum).toBe(Array.from({ length: 10_000 }, (_, r) => (r * 7) % size).reduce((a, b) => a + b, 0));
    // A scan per row would be 200M comparisons (seconds); the cached index makes it milliseconds.
    expect(elapsed).toBeLessThan(1000);
  });

  it('answers approximate lookups from the cached sorted keys', () => {
    const grid = Object.freeze(Array.from({ length: 5000 }, (_, i) => i * 2));
    const labels = Object.freeze(grid.map((g) => `g${g}`));
    for (let x = 1; x < 2000; x += 7) {
      expect(call('XLOOKUP', x, grid, labels, null, -1)).toBe(`g${x % 2 === 0 ? x : x - 1}`);
      expect(call('XLOOKUP', x, grid, labels, null, 1)).toBe(`g${x % 2 === 0 ? x : x + 1}`);
    }
  });
});
