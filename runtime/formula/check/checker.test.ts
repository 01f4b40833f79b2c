import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../program';
import { parseFormula } from '../syntax/parser';
import { checkFormula, type TableSpecs } from './checker';
import { editDistance, closest } from './suggest';

const COLUMNS: ColumnSpec[] = [
  { name: 'Price', type: 'number' },
  { name: 'Quantity', type: 'number' },
  { name: 'Trade Date', type: 'date' },
  { name: 'Exec Time', type: 'datetime' },
  { name: 'Side', type: 'text' },
  { name: 'Active', type: 'boolean' },
  { name: 'broker!Trade Price', type: 'number' },
  { name: "Trader's Desk", type: 'text' },
];
const TABLES: TableSpecs = { Rates: ['Tenor', 'Rate'], Counterparties: ['LEI', 'Name'] };

function check(text: string) {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(parsed.diagnostics[0].message);
  return checkFormula({ ast: parsed.ast, columns: COLUMNS, tables: TABLES });
}

const errorsOf = (text: string) => check(text).diagnostics.filter((d) => d.severity === 'error');

describe('checker: names, with "did you mean"', () => {
  const cases: [string, string, number, number, string | undefined][] = [
    ['[Prce]*2', 'Unknown column `Prce`: did you mean `Price`?', 0, 6, '[Price]'],
    ['1 + [Quantitty]', 'Unknown column `Quantitty`: did you mean `Quantity`?', 4, 15, '[Quantity]'],
    ['[Trade Dtae]', 'Unknown column `Trade Dtae`: did you mean `Trade Date`?', 0, 12, '[Trade Date]'],
    ['[brokr!Trade Price]', 'Unknown column `brokr!Trade Price`: did you mean `broker!Trade Price`?', 0, 19, '[broker!Trade Price]'],
    ['[Traders Desk]', "Unknown column `Traders Desk`: did you mean `Trader's Desk`?", 0, 14, "[Trader''s Desk]"],
    ['[Zebra]', 'Unknown column `Zebra`', 0, 7, undefined],
    ['SUMM(1, 2)', 'Unknown function `SUMM`: did you mean `SUM`?', 0, 4, 'SUM'],
    ['FOOBAR(1)', 'Unknown function `FOOBAR`: see the function reference (FUNCTIONS.md) for the names', 0, 6, undefined],
    ['rnd(1)', 'Unknown function `rnd`: did you mean `AND`?', 0, 3, 'AND'],
    ['VLOKUP(1)', 'Unknown function `VLOKUP`: did you mean `XLOOKUP`?', 0, 6, 'XLOOKUP'],
    ['Price(1)', '`Price` is a column, not a function: write `[Price]`', 0, 5, undefined],
    ['Price * 2', 'Unknown name `Price`: a column goes in brackets, `[Price]`', 0, 5, '[Price]'],
    ['Pirce * 2', 'Unknown name `Pirce`: did you mean the column `[Price]`?', 0, 5, '[Price]'],
    ['TODAY + 1', '`TODAY` is a function: call it with parentheses, e.g. `TODAY(...)`', 0, 5, undefined],
    ['SUM(Rate[Tenor])', 'Unknown reference table `Rate`: did you mean `Rates`?', 4, 8, 'Rates'],
    ['SUM(Rates[Tenr])', 'Table `Rates` has no column `Tenr`: did you mean `Tenor`?', 9, 15, '[Tenor]'],
    ['SUM(Fx[Rate])', 'Unknown reference table `Fx`: the reference tables are `Rates`, `Counterparties`', 4, 6, undefined],
  ];
  for (const [text, message, start, end, suggestion] of cases) {
    it(text, () => {
      const ds = errorsOf(text);
      expect(ds).toHaveLength(1);
      expect(ds[0]).toMatchObject({ message, start, end, severity: 'error' });
      expect(ds[0].suggestion).toBe(suggestion);
    });
  }

  it('resolves column and function names case-insensitively', () => {
    expect(errorsOf('round([price], 2) + Sum([QUANTITY])')).toEqual([]);
  });

  it('refuses to guess between columns that differ only in case', () => {
    const parsed = parseFormula('[price]');
    if (!parsed.ok) throw new Error('parse');
    const r = checkFormula({ ast: parsed.ast, columns: [{ name: 'PRICE', type: 'number' }, { name: 'Price', type: 'number' }] });
    expect(r.diagnostics[0]).toMatchObject({ code: 'ambiguous-column' });
    expect(r.diagnostics[0].message).toMatch(/write the exact name/);
  });

  it('reports every problem, not only the first', () => {
    expect(errorsOf('[Prce] + SUMM([Qty])').map((d) => d.code)).toEqual(['unknown-column', 'unknown-function', 'unknown-column']);
  });
});

describe('checker: arity from the registry', () => {
  const cases: [string, string][] = [
    ['ROUND(1, 2, 3)', '`ROUND` takes 1 or 2 arguments, got 3'],
    ['ROUND()', '`ROUND` takes 1 or 2 arguments, got 0'],
    ['MOD(1)', '`MOD` takes 2 arguments, got 1'],
    ['ABS(1, 2)', '`ABS` takes 1 argument, got 2'],
    ['TODAY(1)', '`TODAY` takes no arguments, got 1'],
    ['SUM()', '`SUM` takes at least 1 argument, got 0'],
    ['IF(TRUE)', '`IF` takes 2 or 3 arguments, got 1'],
    ['IFS(TRUE, 1, FALSE)', '`IFS` takes its arguments in groups of 2 (condition, value): add the missing `value` or remove the extra argument'],
    ['SWITCH(1, 2)', '`SWITCH` takes at least 3 arguments, got 2'],
  ];
  for (const [text, message] of cases) {
    it(text, () => expect(errorsOf(text)).toMatchObject([{ code: 'arity', message, start: 0, end: text.length }]));
  }

  it('accepts every valid count of a repeating group and a trailing default', () => {
    for (const text of ['SWITCH(1, 1, "a")', 'SWITCH(1, 1, "a", "d")', 'SWITCH(1, 1, "a", 2, "b")', 'SWITCH(1, 1, "a", 2, "b", "d")', 'IFS(TRUE, 1)', 'IFS(TRUE, 1, FALSE, 2)', 'SUM(1)', 'SUM(1, 2, 3, 4, 5)', 'CHOOSE(1, 2)']) {
      expect(errorsOf(text)).toEqual([]);
    }
  });
});

describe('checker: arrays only where a function takes them', () => {
  it('accepts table columns and array constants as range arguments', () => {
    expect(errorsOf('SUM(Rates[Rate]) + MAX({1,2}) + IF(AND({TRUE}), 1, 0)')).toEqual([]);
  });

  const cases: [string, RegExp][] = [
    ['Rates[Rate]', /A formula gives one value per row: `Rates\[Rate\]` is a whole column/],
    ['{1,2}', /A formula gives one value per row: an array is many values/],
    ['Rates[Rate] + 1', /`\+` works on single values/],
    ['-{1}', /`-` works on single values/],
    ['ABS(Rates[Rate])', /`ABS` argument 1 \(`number`\) takes a single value/],
    ['ROUND(1, {2})', /`ROUND` argument 2 \(`num_digits`\) takes a single value/],
  ];
  for (const [text, message] of cases) {
    it(text, () => {
      const ds = errorsOf(text);
      expect(ds).toHaveLength(1);
      expect(ds[0].code).toBe('array-not-allowed');
      expect(ds[0].message).toMatch(message);
    });
  }
});

describe('checker: warnings for results known before the data', () => {
  it('warns when literal text meets arithmetic', () => {
    const r = check('[Price] * "abc"');
    expect(r.diagnostics).toMatchObject([{ code: 'always-error', severity: 'warning', start: 10, end: 15 }]);
    expect(check('[Price] * "1,5"').diagnostics[0].severity).toBe('warning');
    expect(check('[Price] * "2"').diagnostics).toEqual([]);
    expect(check('ROUND("x", 2)').diagnostics).toMatchObject([{ code: 'always-error' }]);
  });
});

describe('checker: static result types', () => {
  const cases: [string, string][] = [
    ['1', 'number'],
    ['"a"', 'text'],
    ['TRUE', 'boolean'],
    ['#N/A', 'error'],
    ['NA()', 'error'],
    ['[Price]', 'number'],
    ['[Side]', 'text'],
    ['[Active]', 'boolean'],
    ['[Trade Date]', 'date'],
    ['TODAY()', 'date'],
    ['NOW()', 'datetime'],
    ['[Trade Date] + 1', 'date'],
    ['2 + [Trade Date]', 'date'],
    ['[Trade Date] - 1', 'date'],
    ['[Trade Date] - [Trade Date]', 'number'],
    ['[Trade Date] + [Exec Time]', 'datetime'],
    ['[Trade Date] * 2', 'number'],
    ['-[Trade Date]', 'number'],
    ['+[Trade Date]', 'date'],
    ['[Price] & ""', 'text'],
    ['[Price] > 1', 'boolean'],
    ['50%', 'number'],
    ['IF([Active], [Trade Date], TODAY())', 'date'],
    ['IF([Active], [Trade Date], NOW())', 'datetime'],
    ['IF([Active], [Price], "n/a")', 'any'],
    ['IF([Active], [Price])', 'any'],
    ['IF([Active], [Price], NA())', 'number'],
    ['IFERROR([Price] / 2, 0)', 'number'],
    ['IFS([Active], "a", TRUE, "b")', 'text'],
    ['SWITCH([Side], "B", 1, "S", -1)', 'number'],
    ['SWITCH([Side], "B", 1, "S", -1, "x")', 'any'],
    ['CHOOSE(1, TODAY(), [Trade Date])', 'date'],
    ['ROUND([Price], 2)', 'number'],
    ['[Prce]', 'any'],
    ['Rates[Rate]', 'any'],
  ];
  for (const [text, type] of cases) it(`${text} : ${type}`, () => expect(check(text).type).toBe(type));
});

describe('suggestions', () => {
  it('measures case-insensitive edit distance with transpositions', () => {
    expect(editDistance('Prce', 'price')).toBe(1);
    expect(editDistance('Pirce', 'Price')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('only suggests names within a third of the length', () => {
    expect(closest('SUMM', ['SUM', 'SUMIF'])).toBe('SUM');
    expect(closest('xyz', ['SUM'])).toBeUndefined();
    expect(closest('Notional Amout', ['Notional Amount', 'Amount'])).toBe('Notional Amount');
  });
});
