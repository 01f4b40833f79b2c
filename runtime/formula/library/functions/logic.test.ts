import { describe } from 'vitest';
import { cases, err } from '../../testing/cases';

const ROW = { n: 5, blank: null, t: 'abc', yes: true, no: false, tt: 'TRUE' };

describe('IF', () => {
  cases(
    [
      ['IF(TRUE, 1, 2)', 1],
      ['IF(FALSE, 1, 2)', 2],
      ['IF(FALSE, 1)', false],
      ['IF([n], "y", "n")', 'y'],
      ['IF(0, "y", "n")', 'n'],
      ['IF([blank], "y", "n")', 'n'],
      ['IF([tt], "y", "n")', 'y'],
      ['IF("false", "y", "n")', 'n'],
      ['IF([t], "y", "n")', err('#VALUE!')],
      ['IF(NA(), 1, 2)', err('#N/A')],
      ['IF(TRUE, 1, 1/0)', 1],
      ['IF(FALSE, 1/0, 2)', 2],
      ['IF([n]>3, IF([n]>4, "big", "mid"), "small")', 'big'],
      ['IF(1/0, 1, 2)', err('#DIV/0!')],
    ],
    ROW,
  );
});

describe('IFS', () => {
  cases(
    [
      ['IFS(FALSE, 1, TRUE, 2)', 2],
      ['IFS([n]>10, "a", [n]>1, "b", TRUE, "c")', 'b'],
      ['IFS(FALSE, 1, FALSE, 2)', err('#N/A')],
      ['IFS(TRUE, 1, 1/0, 2)', 1],
      ['IFS(FALSE, 1, [t], 2)', err('#VALUE!')],
      ['IFS(NA(), 1, TRUE, 2)', err('#N/A')],
    ],
    ROW,
  );
});

describe('IFERROR and IFNA', () => {
  cases(
    [
      ['IFERROR(1/0, "x")', 'x'],
      ['IFERROR(NA(), "x")', 'x'],
      ['IFERROR(5, 1/0)', 5],
      ['IFERROR([blank], 1)', null],
      ['IFERROR([t]*1, 0)', 0],
      ['IFNA(NA(), "x")', 'x'],
      ['IFNA(1/0, "x")', err('#DIV/0!')],
      ['IFNA("a", 1/0)', 'a'],
      ['IFNA(#N/A, #VALUE!)', err('#VALUE!')],
    ],
    ROW,
  );
});

describe('AND, OR, NOT, XOR', () => {
  cases(
    [
      ['AND(TRUE, TRUE)', true],
      ['AND(TRUE, FALSE)', false],
      ['AND(1, 2)', true],
      ['AND(1, 0)', false],
      ['AND(FALSE, NA())', err('#N/A')],
      ['AND(NA(), FALSE)', err('#N/A')],
      ['AND(TRUE, [blank])', true],
      ['AND([blank])', err('#VALUE!')],
      ['AND([t])', err('#VALUE!')],
      ['AND([tt], TRUE)', true],
      ['AND({TRUE, 1, "x"})', true],
      ['AND({TRUE, 0})', false],
      ['AND({"x"})', err('#VALUE!')],
      ['OR(FALSE, FALSE)', false],
      ['OR(FALSE, TRUE)', true],
      ['OR(TRUE, 1/0)', err('#DIV/0!')],
      ['OR([blank], FALSE)', false],
      ['OR([blank])', err('#VALUE!')],
      ['OR({FALSE, 2})', true],
      ['NOT(TRUE)', false],
      ['NOT(0)', true],
      ['NOT([blank])', true],
      ['NOT([t])', err('#VALUE!')],
      ['NOT(NA())', err('#N/A')],
      ['XOR(TRUE, FALSE)', true],
      ['XOR(TRUE, TRUE)', false],
      ['XOR(TRUE, TRUE, TRUE)', true],
      ['XOR({TRUE, TRUE}, 1)', true],
      ['XOR([blank], TRUE)', true],
      ['XOR([blank])', err('#VALUE!')],
      ['XOR([t])', err('#VALUE!')],
      ['XOR(1/0, TRUE)', err('#DIV/0!')],
    ],
    ROW,
  );
});

describe('SWITCH and CHOOSE', () => {
  cases(
    [
      ['SWITCH(2, 1, "a", 2, "b")', 'b'],
      ['SWITCH("B", "a", 1, "b", 2)', 2],
      ['SWITCH(3, 1, "a", 2, "b")', err('#N/A')],
      ['SWITCH(3, 1, "a", 2, "b", "other")', 'other'],
      ['SWITCH(NA(), 1, "a", "other")', err('#N/A')],
      ['SWITCH(1, 1/0, "a", "other")', err('#DIV/0!')],
      ['SWITCH(1, 1, "a", 1/0, "b")', 'a'],
      ['SWITCH([blank], 0, "zero", "other")', 'zero'],
      ['SWITCH(0.1+0.2, 0.3, "same")', 'same'],
      ['SWITCH("1", 1, "num", "text")', 'text'],
      ['CHOOSE(1, "a", "b")', 'a'],
      ['CHOOSE(2.9, "a", "b")', 'b'],
      ['CHOOSE(3, "a", "b")', err('#VALUE!')],
      ['CHOOSE(0, "a", "b")', err('#VALUE!')],
      ['CHOOSE("2", "a", "b")', 'b'],
      ['CHOOSE("x", "a", "b")', err('#VALUE!')],
      ['CHOOSE(NA(), "a")', err('#N/A')],
      ['CHOOSE(1, "a", 1/0)', 'a'],
      ['CHOOSE([blank], "a")', err('#VALUE!')],
    ],
    ROW,
  );
});
