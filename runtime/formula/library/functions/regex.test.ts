import { describe, expect, it } from 'vitest';
import { ERR, type Value } from '../values';
import { call } from './test-harness';

type Row = readonly [string, readonly (Value | undefined)[], Value];

const ROWS: readonly Row[] = [
  ['REGEXMATCH', ['ESH25', '^[A-Z]{2}[FGHJKMNQUVXZ]\\d{2}$'], true],
  ['REGEXMATCH', ['abc', 'B'], false], // case-sensitive by default, like Excel's REGEXTEST
  ['REGEXMATCH', ['abc', 'B', 1], true],
  ['REGEXMATCH', ['abc', '(?i)B'], true], // PCRE inline flag
  ['REGEXMATCH', ['abc', 'b'], true], // matches anywhere
  ['REGEXMATCH', ['abc', '\\Aabc\\z'], true],
  ['REGEXMATCH', ['é', '^\\p{L}$'], true], // Unicode classes
  ['REGEXMATCH', ['a-b', 'a\\-b'], true], // lenient escapes outside Unicode mode
  ['REGEXMATCH', [12345, '^\\d+$'], true],
  ['REGEXMATCH', [null, '^$'], true],
  ['REGEXMATCH', ['abc', '('], ERR.VALUE], // invalid pattern
  ['REGEXMATCH', ['abc', 'a', 2], ERR.VALUE],
  ['REGEXMATCH', [ERR.NA, 'a'], ERR.NA],
  ['REGEXMATCH', ['a', ERR.DIV0], ERR.DIV0],
  ['REGEXTEST', ['eur', '^EUR$', 1], true],
  ['REGEXEXTRACT', ['Trade 12345 booked', '\\d+'], '12345'],
  ['REGEXEXTRACT', ['Trade 12345 booked', 'Trade (\\d+)'], '12345'], // first capture group
  ['REGEXEXTRACT', ['Trade 12345 booked', 'Trade (?:\\d+)'], 'Trade 12345'],
  ['REGEXEXTRACT', ['ab', 'a(x)?'], ''], // group that did not take part
  ['REGEXEXTRACT', ['no digits', '\\d+'], ERR.NA],
  ['REGEXEXTRACT', ['a1b22c333', '\\d+', 1], ['1', '22', '333']],
  ['REGEXEXTRACT', ['a1b22', '[a-z](\\d+)', 1], ['1', '22']],
  ['REGEXEXTRACT', ['2025-03-15', '(\\d+)-(\\d+)-(\\d+)', 2], ['2025', '03', '15']],
  ['REGEXEXTRACT', ['2025', '\\d+', 2], ['2025']],
  ['REGEXEXTRACT', ['x', '\\d', 1], ERR.NA],
  ['REGEXEXTRACT', ['ABC', 'b', 0, 1], 'B'],
  ['REGEXEXTRACT', ['ABC', 'b', 3], ERR.VALUE],
  ['REGEXEXTRACT', ['ABC', '[', 0], ERR.VALUE],
  ['REGEXREPLACE', ['2025-03-15', '(\\d+)-(\\d+)-(\\d+)', '$3/$2/$1'], '15/03/2025'],
  ['REGEXREPLACE', ['a1b2c3', '\\d', '#'], 'a#b#c#'],
  ['REGEXREPLACE', ['a1b2c3', '\\d', '#', 2], 'a1b#c3'],
  ['REGEXREPLACE', ['a1b2c3', '\\d', '#', -1], 'a1b2c#'],
  ['REGEXREPLACE', ['a1b2c3', '\\d', '#', 4], 'a1b2c3'], // no such occurrence: unchanged
  ['REGEXREPLACE', ['abc', 'B', 'x'], 'abc'],
  ['REGEXREPLACE', ['abc', 'B', 'x', 0, 1], 'axc'],
  ['REGEXREPLACE', ['price 5', '\\d', '$$$&'], 'price $5'],
  ['REGEXREPLACE', ['ab', '(a)', '$12'], 'a2b'], // $1 then a literal 2
  ['REGEXREPLACE', ['ab', '(?<x>a)', '[${x}]'], '[a]b'],
  ['REGEXREPLACE', ['ab', '(?P<x>a)', '${x}${x}'], 'aab'], // PCRE named group
  ['REGEXREPLACE', ['abc', 'x*', '-'], '-a-b-c-'], // empty matches advance
  ['REGEXREPLACE', ['abc', ')', 'x'], ERR.VALUE],
  ['REGEXREPLACE', ['abc', 'a', ERR.NA], ERR.NA],
];

describe('regex functions', () => {
  it.each(ROWS.map((r) => [r[0], JSON.stringify(r[1]), r] as const))('%s(%s)', (_n, _a, row) => {
    expect(call(row[0], ...row[1])).toEqual(row[2]);
  });

  it('gives the same answers from the compiled-pattern cache across many rows', () => {
    for (let i = 0; i < 1000; i++) {
      expect(call('REGEXMATCH', `T${i}`, '^T\\d+$')).toBe(true);
      expect(call('REGEXREPLACE', `a${i}`, '\\d', '#', 1)).toBe(`a#${String(i).slice(1)}`);
    }
    // Many distinct patterns overflow the bounded cache without breaking anything.
    for (let i = 0; i < 600; i++) expect(call('REGEXMATCH', `x${i}`, `^x${i}$`)).toBe(true);
  });
});
