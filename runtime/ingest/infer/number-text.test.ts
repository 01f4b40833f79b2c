import { describe, expect, it } from 'vitest';
import { parseNumberBytes, parseNumberText } from './number-text';

describe('parseNumberText', () => {
  it.each([
    ['0', 0], ['42', 42], ['-42', -42], ['+42', 42], ['1234.50', 1234.5], ['.5', 0.5], ['0.25', 0.25], ['-0.5', -0.5],
    ['1,234', 1234], ['1,234,567.89', 1234567.89], ['(1,234.50)', -1234.5], ['(12.00)', -12], ['1234.50-', -1234.5],
    ['1,234.50-', -1234.5], ['  7.5  ', 7.5], ['\t3', 3], ['1.5E+07', 15_000_000], ['2e-3', 0.002], ['112.015625', 112.015625],
    ['999999999999999', 999999999999999], ['0.1', 0.1], ['3.14159265358979', 3.14159265358979], ['123456789.123456789', 123456789.123456789],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each([
    ['00123', 'leading zero: a code'], ['0042.5', 'leading zero'], ['1234567890123456', '16 integer digits: an id'],
    ['1,23', 'misplaced group'], ['12,3456', 'misplaced group'], ['1234,567', 'first group too long'], ['0,123', 'zero group'],
    ['', 'empty'], ['  ', 'blank'], ['-', 'sign only'], ['()', 'parens only'], ['(12', 'unclosed'], ['12)', 'unopened'],
    ['-(12)', 'two signs'], ['-12-', 'two signs'], ['$12', 'currency'], ['12%', 'percent'], ['1 234', 'spaced group'],
    ['1.2.3', 'two points'], ['1e', 'no exponent'], ['abc', 'text'], ['N/A', 'text'], ['12abc', 'trailing text'],
  ])('refuses %j (%s)', (text) => {
    expect(parseNumberText(text)).toBeNaN();
  });

  it('agrees with Number() on every value it accepts (exact to the last bit)', () => {
    for (let i = 0; i < 5000; i++) {
      const v = Math.round((Math.sin(i) * 10 ** (i % 12)) * 10 ** (i % 7)) / 10 ** (i % 7);
      const text = String(v);
      if (!/e/i.test(text)) expect(parseNumberText(text)).toBe(Number(text));
    }
  });

  it('parses a range of a larger buffer in place', () => {
    const bytes = new TextEncoder().encode('a,"1,234.50",b');
    expect(parseNumberBytes(bytes, 3, 11)).toBe(1234.5);
  });
});
