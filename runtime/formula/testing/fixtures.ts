/**
 * Test-only: realistic template formulas over a trade blotter, and rows that include the
 * messy cases (blanks, text in number-like places, zero quantities). The differential test
 * runs each compiled and interpreted; the snapshot test records each one's JavaScript.
 */
import type { Scalar } from '../library/values';
import type { ColumnSpec, RunContext } from '../program';
import { CONTEXT } from './run-compiled';

export const FIXTURE_COLUMNS: readonly ColumnSpec[] = [
  { name: 'Price', type: 'number' },
  { name: 'Qty', type: 'number' },
  { name: 'Side', type: 'text' },
  { name: 'Account', type: 'text' },
  { name: 'Symbol', type: 'text' },
  { name: 'Trade Date', type: 'date' },
  { name: 'Tenor', type: 'text' },
  { name: 'Active', type: 'boolean' },
  { name: 'broker!Price', type: 'number' },
];

export const FIXTURE_CONTEXT: RunContext = Object.freeze({
  ...CONTEXT,
  tables: Object.freeze({
    Rates: Object.freeze({ Tenor: Object.freeze(['1M', '3M', '6M', '1Y']), Rate: Object.freeze([0.031, 0.0325, 0.034, 0.036]) }),
  }),
});

export const FIXTURE_TABLES = { Rates: ['Tenor', 'Rate'] };

export const FIXTURE_FORMULAS: readonly { name: string; text: string }[] = [
  { name: 'notional', text: 'ROUND([Price]*[Qty],2)' },
  { name: 'signed-qty', text: 'IF([Side]="B", [Qty], -[Qty])' },
  { name: 'settle-date', text: '[Trade Date] + 2' },
  { name: 'days-since-trade', text: 'TODAY() - [Trade Date]' },
  { name: 'safe-ratio', text: 'IFERROR([Qty]/[Price], 0)' },
  { name: 'valid-trade', text: 'AND([Qty]>0, [Price]<>0, NOT(ISBLANK([Account])))' },
  { name: 'side-label', text: 'SWITCH([Side], "B", "BUY", "S", "SELL", "UNKNOWN")' },
  { name: 'bucket', text: 'IFS([Qty]>1000, "large", [Qty]>100, "medium", TRUE, "small")' },
  { name: 'position', text: 'IF([Qty]>0, "long", IF([Qty]<0, "short", "flat"))' },
  { name: 'choose-leg', text: 'CHOOSE(MOD([Qty], 3)+1, "a", "b", "c")' },
  { name: 'account-key', text: '[Account] & "-" & [Symbol]' },
  { name: 'price-with-fee', text: '[Price] * (1 + 0.5%)' },
  { name: 'square-neg', text: '-[Qty]^2' },
  { name: 'broker-match', text: 'ABS([Price] - [broker!Price]) <= 0.01' },
  { name: 'rounded-equal', text: 'ROUND([Price], 2) = ROUND([broker!Price], 2)' },
  { name: 'either-side', text: 'OR([Side]="b", [Side]="s")' },
  { name: 'rate-lookup', text: 'IFNA(XLOOKUP([Tenor], Rates[Tenor], Rates[Rate]), 0)' },
  { name: 'average-rate', text: 'AVERAGE(Rates[Rate])' },
  { name: 'clamped', text: 'MAX(MIN([Price], 100), 0)' },
  { name: 'symbol-clean', text: 'UPPER(TRIM([Symbol]))' },
  { name: 'flag-text', text: 'IF([Active], "Y", "N") & ""' },
  { name: 'array-sum', text: 'SUM({1,2,3}, [Qty])' },
  { name: 'error-literal', text: 'IF([Qty]=0, #N/A, [Price])' },
  { name: 'quoted', text: '"He said ""hi"" \u2028 `${x}`" & [Symbol]' },
  { name: 'xor', text: 'XOR([Active], [Qty]>0)' },
  { name: 'constant', text: '=1+2*3' },
  { name: 'blank-passes', text: 'IFERROR([Account], "none")' },
];

export const FIXTURE_ROWS: readonly Readonly<Record<string, Scalar>>[] = [
  { Price: 101.25, Qty: 300, Side: 'B', Account: 'ACC1', Symbol: ' esz4 ', 'Trade Date': 45360, Tenor: '3M', Active: true, 'broker!Price': 101.25 },
  { Price: 2.675, Qty: -1500, Side: 's', Account: 'ACC2', Symbol: 'NQH5', 'Trade Date': 45366, Tenor: '1Y', Active: false, 'broker!Price': 2.68 },
  { Price: 0, Qty: 0, Side: 'X', Account: '', Symbol: '', 'Trade Date': 45000, Tenor: '2Y', Active: null, 'broker!Price': 0.005 },
  { Price: null, Qty: null, Side: null, Account: null, Symbol: null, 'Trade Date': null, Tenor: null, Active: null, 'broker!Price': null },
  { Price: 1e308, Qty: 10, Side: 'b', Account: 'A', Symbol: 'x', 'Trade Date': 1, Tenor: '1m', Active: true, 'broker!Price': -1e308 },
  { Price: -0.1, Qty: 7, Side: 'S', Account: 'ACC3', Symbol: 'CLZ4', 'Trade Date': 45366.5, Tenor: '6M', Active: false, 'broker!Price': -0.105 },
];
