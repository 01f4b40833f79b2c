import { describe } from 'vitest';
import { cases, err } from '../../testing/cases';

const ROW = { n: -7.5, blank: null, t: 'abc', num: '2.5' };

describe('ROUND family (on the 15-digit decimal value)', () => {
  cases(
    [
      ['ROUND(2.675, 2)', 2.68],
      ['ROUND(1.005, 2)', 1.01],
      ['ROUND(-2.5, 0)', -3],
      ['ROUND(2.5, 0)', 3],
      ['ROUND(0.5)', 1],
      ['ROUND(-0.5)', -1],
      ['ROUND(1.45, 1)', 1.5],
      ['ROUND(-1.45, 1)', -1.5],
      ['ROUND(1234.5678, -2)', 1200],
      ['ROUND(1250, -2)', 1300],
      ['ROUND(49, -2)', 0],
      ['ROUND(0.1+0.2, 15)', 0.3],
      ['ROUND(1e-20, 2)', 0],
      ['ROUND(123456789.123456789, 5)', 123456789.12346],
      ['ROUND(2.675, 2.9)', 2.68],
      ['ROUND(5.5, -400)', 0],
      ['ROUND(5.5, 400)', 5.5],
      ['ROUND([num], 0)', 3],
      ['ROUND([blank], 2)', 0],
      ['ROUND([t], 2)', err('#VALUE!')],
      ['ROUND(1, [t])', err('#VALUE!')],
      ['ROUND(NA(), 1/0)', err('#N/A')],
      ['ROUNDUP(3.2, 0)', 4],
      ['ROUNDUP(-3.141, 1)', -3.2],
      ['ROUNDUP(0.1+0.2, 1)', 0.3],
      ['ROUNDUP(31415.92654, -2)', 31500],
      ['ROUNDUP(0.001, 1)', 0.1],
      ['ROUNDUP(1, -400)', err('#NUM!')],
      ['ROUNDDOWN(3.9, 0)', 3],
      ['ROUNDDOWN(-3.149, 2)', -3.14],
      ['ROUNDDOWN(31415.92654, -2)', 31400],
      ['TRUNC(8.9)', 8],
      ['TRUNC(-8.96, 1)', -8.9],
      ['TRUNC(0.45, 1)', 0.4],
      ['INT(8.9)', 8],
      ['INT(-8.9)', -9],
      ['INT(-1.5)', -2],
      ['INT((0.1+0.7)*10)', 8],
      ['INT([n])', -8],
      ['MROUND(10, 3)', 9],
      ['MROUND(-10, -3)', -9],
      ['MROUND(1.3, 0.2)', 1.4],
      ['MROUND(5, -2)', err('#NUM!')],
      ['MROUND(5, 0)', 0],
      ['MROUND(7.5, 5)', 10],
    ],
    ROW,
  );
});

describe('CEILING and FLOOR', () => {
  cases([
    ['CEILING(2.5, 1)', 3],
    ['CEILING(-2.5, -2)', -4],
    ['CEILING(-2.5, 2)', -2],
    ['CEILING(1.5, 0.1)', 1.5],
    ['CEILING(0.234, 0.01)', 0.24],
    ['CEILING(2.5, -2)', err('#NUM!')],
    ['CEILING(2.5, 0)', 0],
    ['FLOOR(3.7, 2)', 2],
    ['FLOOR(-2.5, -2)', -2],
    ['FLOOR(-2.5, 2)', -4],
    ['FLOOR(1.58, 0.1)', 1.5],
    ['FLOOR(0.234, 0.01)', 0.23],
    ['FLOOR(2.5, -2)', err('#NUM!')],
    ['FLOOR(2.5, 0)', err('#DIV/0!')],
  ]);
});

describe('MOD, POWER, SQRT, ABS, SIGN', () => {
  cases(
    [
      ['MOD(3, 2)', 1],
      ['MOD(-3, 2)', 1],
      ['MOD(3, -2)', -1],
      ['MOD(-3, -2)', -1],
      ['MOD(10.2, 1)', 0.2],
      ['MOD(0.3, 0.1)', 0],
      ['MOD(5, 0)', err('#DIV/0!')],
      ['MOD(5.5, 2)', 1.5],
      ['MOD([blank], 3)', 0],
      ['POWER(2, 10)', 1024],
      ['POWER(0, 0)', err('#NUM!')],
      ['POWER(-8, 1/3)', -2],
      ['SQRT(16)', 4],
      ['SQRT(-1)', err('#NUM!')],
      ['SQRT([blank])', 0],
      ['ABS([n])', 7.5],
      ['ABS("-3")', 3],
      ['ABS([t])', err('#VALUE!')],
      ['SIGN([n])', -1],
      ['SIGN(0)', 0],
      ['SIGN(0.001)', 1],
    ],
    ROW,
  );
});

describe('SUM, AVERAGE, MIN, MAX', () => {
  cases(
    [
      ['SUM(1, 2, 3)', 6],
      ['SUM([n], [blank], 1)', -6.5],
      ['SUM("2", TRUE)', 3],
      ['SUM([t])', err('#VALUE!')],
      ['SUM({1, 2}, {3, "x", TRUE})', 6],
      ['SUM(1, NA())', err('#N/A')],
      ['SUM(1e308, 1e308)', err('#NUM!')],
      ['AVERAGE(1, 2, 3, 4)', 2.5],
      ['AVERAGE([blank], 4)', 4],
      ['AVERAGE([blank])', err('#DIV/0!')],
      ['AVERAGE({"a"})', err('#DIV/0!')],
      ['MIN(3, -1, {7})', -1],
      ['MIN([blank])', 0],
      ['MIN({"a"}, 5)', 5],
      ['MAX(3, -1, {7})', 7],
      ['MAX(-3, -1)', -1],
      ['MAX([blank])', 0],
      ['MAX(1, 1/0)', err('#DIV/0!')],
    ],
    ROW,
  );
});
