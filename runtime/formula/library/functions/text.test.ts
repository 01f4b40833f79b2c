import { describe, expect, it } from 'vitest';
import { ERR, type Value } from '../values';
import { call } from './test-harness';

type Row = readonly [string, readonly (Value | undefined)[], Value];

// Expected values are Excel 365's results; where Excel documents a rule it is cited.
const ROWS: readonly Row[] = [
  ['LEFT', ['abc'], 'a'],
  ['LEFT', ['abc', 0], ''],
  ['LEFT', ['abc', 10], 'abc'],
  ['LEFT', ['abc', 1.9], 'a'],
  ['LEFT', [12345, 2], '12'],
  ['LEFT', [true, 1], 'T'],
  ['LEFT', [null, 1], ''],
  ['LEFT', ['abc', -1], ERR.VALUE], // "num_chars must be greater than or equal to zero"
  ['LEFT', ['abc', 'x'], ERR.VALUE],
  ['LEFT', [ERR.NA, 1], ERR.NA],
  ['LEFT', ['abc', ERR.DIV0], ERR.DIV0],
  ['LEFT', [['a', 'b'], 1], ERR.VALUE],
  ['RIGHT', ['abc', 2], 'bc'],
  ['RIGHT', ['abc', 0], ''],
  ['RIGHT', ['abc', 5], 'abc'],
  ['RIGHT', ['abc'], 'c'],
  ['RIGHT', ['abc', -1], ERR.VALUE],
  ['MID', ['abcdef', 2, 3], 'bcd'],
  ['MID', ['abc', 2, 5], 'bc'],
  ['MID', ['abc', 4, 1], ''],
  ['MID', ['abc', 0, 1], ERR.VALUE], // start_num < 1
  ['MID', ['abc', 1, -1], ERR.VALUE],
  ['MID', [ERR.REF, 1, 1], ERR.REF],
  ['LEN', [''], 0],
  ['LEN', [null], 0],
  ['LEN', [123.45], 6],
  ['LEN', [1 / 3], 17], // General shows 0.333333333333333
  ['LEN', [true], 4],
  ['LEN', [ERR.NA], ERR.NA],
  ['UPPER', ['eur usd'], 'EUR USD'],
  ['UPPER', [1.5], '1.5'],
  ['UPPER', [ERR.VALUE], ERR.VALUE],
  ['LOWER', ['EUR'], 'eur'],
  ['LOWER', [true], 'true'],
  ['PROPER', ['hello WORLD'], 'Hello World'],
  ['PROPER', ['2nd place'], '2Nd Place'],
  ['PROPER', ["o'neil"], "O'Neil"],
  ['PROPER', ["it's"], "It'S"],
  ['PROPER', ['élan vital'], 'Élan Vital'],
  ['PROPER', [ERR.NA], ERR.NA],
  ['TRIM', ['  a   b  '], 'a b'],
  ['TRIM', ['a\tb '], 'a\tb'], // TRIM removes only the space character (32)
  ['TRIM', ['\u00a0a'], '\u00a0a'],
  ['TRIM', [null], ''],
  ['TRIM', [ERR.NUM], ERR.NUM],
  ['CLEAN', ['a\u0001b\nc\u007f'], 'abc\u007f'], // CLEAN removes codes 0-31 only
  ['CLEAN', [ERR.NA], ERR.NA],
  ['CONCAT', ['a', 1, true, null, ['x', 'y']], 'a1TRUExy'],
  ['CONCAT', ['a', ['x', ERR.NA]], ERR.NA],
  ['CONCAT', [ERR.DIV0, ERR.NA], ERR.DIV0],
  ['CONCAT', [0.1], '0.1'],
  ['CONCATENATE', ['a', 'b', 3], 'ab3'],
  ['CONCATENATE', ['a', ['x']], ERR.VALUE],
  ['TEXTJOIN', [', ', true, 'a', '', 'b', null], 'a, b'],
  ['TEXTJOIN', [', ', false, 'a', '', 'b'], 'a, , b'],
  ['TEXTJOIN', [['-', '/'], true, 'a', 'b', 'c', 'd'], 'a-b/c-d'],
  ['TEXTJOIN', ['-', true, ['x', null, 'y'], 'z'], 'x-y-z'],
  ['TEXTJOIN', ['-', true], ''],
  ['TEXTJOIN', ['-', 'maybe', 'a'], ERR.VALUE],
  ['TEXTJOIN', ['-', true, ['a', ERR.NA]], ERR.NA],
  ['VALUE', ['1,234.5'], 1234.5],
  ['VALUE', [' 12% '], 0.12],
  ['VALUE', ['(3)'], -3],
  ['VALUE', ['-1.5e3'], -1500],
  ['VALUE', ['2025-03-15'], 45731],
  ['VALUE', ['15-Mar-2025'], 45731],
  ['VALUE', ['10:30'], 0.4375],
  ['VALUE', ['2025-03-15 18:00'], 45731.75],
  ['VALUE', [7], 7],
  ['VALUE', [null], 0],
  ['VALUE', ['abc'], ERR.VALUE],
  ['VALUE', [''], ERR.VALUE],
  ['VALUE', [true], ERR.VALUE], // VALUE takes text, TRUE is not text
  ['VALUE', ['03/04/2025'], ERR.VALUE], // ambiguous locale form: deliberately rejected
  ['VALUE', [ERR.NA], ERR.NA],
  ['EXACT', ['EUR', 'EUR'], true],
  ['EXACT', ['EUR', 'eur'], false],
  ['EXACT', [1, '1'], true],
  ['EXACT', [null, ''], true],
  ['EXACT', ['a', ERR.NA], ERR.NA],
  ['REPT', ['ab', 3], 'ababab'],
  ['REPT', ['a', 0], ''],
  ['REPT', ['a', 2.9], 'aa'],
  ['REPT', ['a', -1], ERR.VALUE],
  ['REPT', ['ab', 20000], ERR.VALUE], // over the 32,767-character limit
  ['REPT', [ERR.NA, 2], ERR.NA],
  ['CHAR', [65], 'A'],
  ['CHAR', [128], '€'],
  ['CHAR', [0], ERR.VALUE],
  ['CHAR', [256], ERR.VALUE],
  ['CODE', ['A'], 65],
  ['CODE', ['€uro'], 128],
  ['CODE', ['\u4e2d'], 63],
  ['CODE', [''], ERR.VALUE],
  ['UNICHAR', [8364], '€'],
  ['UNICHAR', [0], ERR.VALUE],
  ['UNICHAR', [0xd800], ERR.NA],
  ['UNICODE', ['😀'], 0x1f600],
  ['UNICODE', [''], ERR.VALUE],
];

const SEARCH_ROWS: readonly Row[] = [
  ['SUBSTITUTE', ['aaa', 'a', 'b'], 'bbb'],
  ['SUBSTITUTE', ['aaa', 'a', 'b', 2], 'aba'],
  ['SUBSTITUTE', ['aaa', 'a', 'b', 4], 'aaa'],
  ['SUBSTITUTE', ['aaaa', 'aa', 'b', 2], 'aab'], // occurrences counted without overlap
  ['SUBSTITUTE', ['abc', 'A', 'x'], 'abc'], // case-sensitive
  ['SUBSTITUTE', ['abc', '', 'x'], 'abc'],
  ['SUBSTITUTE', ['1.5', '.', ','], '1,5'],
  ['SUBSTITUTE', ['aaa', 'a', 'b', 0], ERR.VALUE],
  ['SUBSTITUTE', ['aaa', ERR.NA, 'b'], ERR.NA],
  ['REPLACE', ['abcdef', 2, 3, 'X'], 'aXef'],
  ['REPLACE', ['abc', 5, 1, 'X'], 'abcX'],
  ['REPLACE', ['abc', 1, 0, 'X'], 'Xabc'],
  ['REPLACE', ['abc', 0, 1, 'X'], ERR.VALUE],
  ['REPLACE', ['abc', 1, -1, 'X'], ERR.VALUE],
  ['FIND', ['b', 'abcb'], 2],
  ['FIND', ['b', 'abcb', 3], 4],
  ['FIND', ['B', 'abc'], ERR.VALUE], // FIND is case-sensitive
  ['FIND', ['*', 'a*c'], 2], // no wildcards in FIND
  ['FIND', ['', 'abc'], 1],
  ['FIND', ['a', 'abc', 0], ERR.VALUE],
  ['FIND', ['a', 'abc', 4], ERR.VALUE],
  ['FIND', ['a', ERR.NA], ERR.NA],
  ['SEARCH', ['B', 'abc'], 2],
  ['SEARCH', ['a*c', 'xabc'], 2],
  ['SEARCH', ['b?d', 'abcd'], 2],
  ['SEARCH', ['~*', 'a*b'], 2],
  ['SEARCH', ['~?', 'what?'], 5],
  ['SEARCH', ['b', 'abcb', 3], 4],
  ['SEARCH', ['.', 'a.b'], 2], // regex metacharacters are literal
  ['SEARCH', ['x', 'abc'], ERR.VALUE],
  ['SEARCH', ['a', 'abc', 0], ERR.VALUE],
  ['TEXTBEFORE', ['a-b-c', '-'], 'a'],
  ['TEXTBEFORE', ['a-b-c', '-', 2], 'a-b'],
  ['TEXTBEFORE', ['a-b-c', '-', -1], 'a-b'],
  ['TEXTBEFORE', ['a-b-c', '-', -2], 'a'],
  ['TEXTBEFORE', ['a-b-c', '-', 3], ERR.NA], // more instances than occurrences
  ['TEXTBEFORE', ['a-b-c', '-', 3, 0, 1], 'a-b-c'], // match_end: end of text is a delimiter
  ['TEXTBEFORE', ['a-b-c', 'X'], ERR.NA],
  ['TEXTBEFORE', ['a-b-c', 'X', 1, 0, 0, 'none'], 'none'],
  ['TEXTBEFORE', ['aXb', 'x'], ERR.NA],
  ['TEXTBEFORE', ['aXb', 'x', 1, 1], 'a'],
  ['TEXTBEFORE', ['a/b-c', ['-', '/']], 'a'],
  ['TEXTBEFORE', ['abc', ''], ''],
  ['TEXTBEFORE', ['abc', '', -1], 'abc'],
  ['TEXTBEFORE', ['a-b', '-', 0], ERR.VALUE], // instance_num 0
  ['TEXTBEFORE', ['ab', '-', 5], ERR.VALUE], // instance_num beyond the text's length
  ['TEXTBEFORE', ['a-b', '-', 1, 2], ERR.VALUE],
  ['TEXTBEFORE', [ERR.NA, '-'], ERR.NA],
  ['TEXTAFTER', ['a-b-c', '-'], 'b-c'],
  ['TEXTAFTER', ['a-b-c', '-', 2], 'c'],
  ['TEXTAFTER', ['a-b-c', '-', -1], 'c'],
  ['TEXTAFTER', ['a-b-c', '-', -3], ERR.NA],
  ['TEXTAFTER', ['a-b-c', '-', -3, 0, 1], 'a-b-c'],
  ['TEXTAFTER', ['abc', ''], 'abc'],
  ['TEXTAFTER', ['abc', '', -1], ''],
  ['TEXTAFTER', ['EUR::USD', '::'], 'USD'],
  ['TEXTAFTER', ['x', 'y', 1, 0, 0, null], null],
];

describe('text functions', () => {
  it.each([...ROWS, ...SEARCH_ROWS].map((r) => [r[0], JSON.stringify(r[1]), r] as const))('%s(%s)', (_n, _a, row) => {
    expect(call(row[0], ...row[1])).toEqual(row[2]);
  });

  it('reports no function that throws on odd arguments', () => {
    const odd: (Value | undefined)[] = [undefined, null, '', 'x', -1, 1e308, NaN, true, ['a', 1], ERR.NA];
    for (const name of ['LEFT', 'MID', 'SUBSTITUTE', 'TEXTBEFORE', 'TEXTJOIN', 'REPT', 'SEARCH', 'TEXT']) {
      for (const a of odd) for (const b of odd) expect(() => call(name, a, b, a)).not.toThrow();
    }
  });
});
