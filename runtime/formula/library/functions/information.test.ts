import { describe } from 'vitest';
import { cases } from '../../testing/cases';
import { err } from '../../testing/cases';

const ROW = { n: 5, blank: null, empty: '', t: 'abc', yes: true, digits: '12' };

describe('information functions', () => {
  cases(
    [
      ['ISBLANK([blank])', true],
      ['ISBLANK([empty])', false],
      ['ISBLANK(0)', false],
      ['ISNUMBER([n])', true],
      ['ISNUMBER([digits])', false],
      ['ISNUMBER([blank])', false],
      ['ISNUMBER(TODAY())', true],
      ['ISTEXT([t])', true],
      ['ISTEXT([empty])', true],
      ['ISTEXT([n])', false],
      ['ISTEXT([blank])', false],
      ['ISLOGICAL([yes])', true],
      ['ISLOGICAL(1)', false],
      ['ISERROR(1/0)', true],
      ['ISERROR(NA())', true],
      ['ISERROR([t])', false],
      ['ISERR(NA())', false],
      ['ISERR(1/0)', true],
      ['ISNA(NA())', true],
      ['ISNA(1/0)', false],
      ['ISNA("#N/A")', false],
      ['NA()', err('#N/A')],
    ],
    ROW,
  );
});

describe('TODAY and NOW read the run context', () => {
  cases([
    ['TODAY()', 45366],
    ['NOW()', 45366 + 14.5 / 24],
    ['ROUND((NOW()-TODAY())*24, 6)', 14.5],
    ['TODAY()+1', 45367],
  ]);
});
