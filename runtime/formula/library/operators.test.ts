import { describe } from 'vitest';
import { cases, err } from '../testing/cases';

const ROW = { n: 5, zero: 0, blank: null, t: 'abc', num: ' 1,234.5 ', yes: true, no: false, pct: '50%' };

describe('arithmetic', () => {
  cases(
    [
      ['1+2', 3],
      ['0.1+0.2', 0.30000000000000004],
      ['1+"2"', 3],
      ['1+"x"', err('#VALUE!')],
      ['"x"+NA()', err('#VALUE!')],
      ['NA()+"x"', err('#N/A')],
      ['1/0+NA()', err('#DIV/0!')],
      ['[blank]+1', 1],
      ['[blank]*3', 0],
      ['[yes]+[yes]', 2],
      ['[num]*2', 2469],
      ['[pct]*10', 5],
      ['[t]*1', err('#VALUE!')],
      ['7-10', -3],
      ['6*7', 42],
      ['1/0', err('#DIV/0!')],
      ['0/0', err('#DIV/0!')],
      ['[n]/[blank]', err('#DIV/0!')],
      ['[n]/[zero]', err('#DIV/0!')],
      ['1e308*10', err('#NUM!')],
      ['1e308+1e308', err('#NUM!')],
      ['-1e308-1e308', err('#NUM!')],
      ['2^10', 1024],
      ['2^-1', 0.5],
      ['0^0', err('#NUM!')],
      ['0^-1', err('#DIV/0!')],
      ['(-8)^(1/3)', -2],
      ['(-4)^0.5', err('#NUM!')],
      ['(-2)^3', -8],
      ['10^400', err('#NUM!')],
      ['50%', 0.5],
      ['[n]%', 0.05],
      ['"x"%', err('#VALUE!')],
      ['200%%', 0.02],
      ['-[n]', -5],
      ['-[t]', err('#VALUE!')],
      ['-[blank]', 0],
      ['+[t]', 'abc'],
      ['--"3"', 3],
    ],
    ROW,
  );
});

describe('precedence (Excel)', () => {
  cases([
    ['-2^2', 4],
    ['0-2^2', -4],
    ['2^3^2', 64],
    ['2*3+4*5', 26],
    ['2+3*4', 14],
    ['(2+3)*4', 20],
    ['10-4-3', 3],
    ['100/10/5', 2],
    ['2^50%', Math.SQRT2],
    ['1+2&3', '33'],
    ['"a"&1+2', 'a3'],
    ['1+1=2', true],
    ['1&2=12', false],
    ['1&2="12"', true],
    ['1<2<3', false],
    ['=1+2', 3],
  ]);
});

describe('concatenation', () => {
  cases(
    [
      ['"a"&"b"', 'ab'],
      ['[t]&[n]', 'abc5'],
      ['[blank]&"x"', 'x'],
      ['[yes]&""', 'TRUE'],
      ['0.1+0.2&""', '0.3'],
      ['1/3&""', '0.333333333333333'],
      ['1e20&""', '1E+20'],
      ['NA()&"x"', err('#N/A')],
      ['"x"&1/0', err('#DIV/0!')],
      ['REPT("a",20000)&REPT("b",20000)', err('#VALUE!')],
      ['REPT("a",32767)&""', 'a'.repeat(32767)],
      ['REPT("a",32767)&"b"', err('#VALUE!')],
    ],
    ROW,
  );
});

describe('comparison', () => {
  cases(
    [
      ['0.1+0.2=0.3', true],
      ['0.1+0.2<>0.3', false],
      ['0.1+0.2>0.3', false],
      ['0.1+0.2<=0.3', true],
      ['1=1.00000000000001', false],
      ['1=1.000000000000001', true],
      ['123456789012345000=123456789012345001', true],
      ['"abc"="ABC"', true],
      ['[t]="ABC"', true],
      ['"abc"<>"ABC"', false],
      ['"a"<"B"', true],
      ['"b">"A"', true],
      ['"_"<"a"', true],
      ['"1"=1', false],
      ['1<"0"', true],
      ['"z"<TRUE', true],
      ['FALSE>99999', true],
      ['FALSE<TRUE', true],
      ['[blank]=0', true],
      ['[blank]=""', true],
      ['[blank]=FALSE', true],
      ['[blank]=[blank]', true],
      ['[blank]<1', true],
      ['[blank]<"a"', true],
      ['NA()=NA()', err('#N/A')],
      ['1=NA()', err('#N/A')],
      ['1/0=NA()', err('#DIV/0!')],
      ['NA()<>1', err('#N/A')],
      ['[n]>=5', true],
      ['[n]>5', false],
      ['[n]<=4.999', false],
    ],
    ROW,
  );
});

describe('error literals and array constants', () => {
  cases([
    ['#N/A', err('#N/A')],
    ['#div/0!', err('#DIV/0!')],
    ['ISNA(#N/A)', true],
    ['SUM({1,2,3})', 6],
    ['SUM({1,-2,"a",TRUE,#N/A})', err('#N/A')],
    ['SUM({1,-2,"a",TRUE})', -1],
  ]);
});
