import { describe, expect, it } from 'vitest';
import { serialFromDateTime, serialFromYmd } from './dates';
import { formatValue } from './number-format';
import { ERR, type Scalar } from './values';
import { call } from './functions/test-harness';

const d = serialFromYmd(2025, 3, 15); // a Saturday

// TEXT(value, format) as Excel 365 (en-US) returns it.
const ROWS: readonly (readonly [Scalar, string, string | typeof ERR.VALUE])[] = [
  // Decimal-correct rounding on the 15-digit value the analyst sees.
  [2.675, '0.00', '2.68'],
  [1.005, '0.00', '1.01'],
  [0.125, '0.00', '0.13'],
  [-2.5, '0', '-3'], // half away from zero
  [0.1 + 0.2, '0.0000000000000000', '0.3000000000000000'],
  [0.123456, '0.0000', '0.1235'],
  // Placeholders.
  [5, '00000', '00005'],
  [0, '#', ''],
  [0, '0', '0'],
  [0.5, '#.##', '.5'],
  [0, '#.##', '.'],
  [12.5, '.00', '12.50'],
  [3, '0.0?', '3.0 '],
  [3.1, '#.#?', '3.1 '],
  [12, '0,000', '0,012'],
  [123456789, '000-00-0000', '123-45-6789'],
  [1e20, '0', '100000000000000000000'],
  // Thousands separators and scaling commas.
  [1234567.891, '#,##0.00', '1,234,567.89'],
  [-1234.5, '#,##0.00', '-1,234.50'],
  [999.999, '#,##0.00', '1,000.00'],
  [1234567, '#,##0,', '1,235'],
  [1234567, '#,##0.0,,"M"', '1.2M'],
  [1234567, '0,,', '1'],
  // Percent.
  [0.5, '0%', '50%'],
  [0.125, '0.0%', '12.5%'],
  [0.07, '0%', '7%'],
  [0.00125, '0.00%', '0.13%'],
  // Literals, escapes, padding, currency blocks, colours.
  [-5, '$0', '-$5'],
  [1234, '\\$#,##0', '$1,234'],
  [1234.5678, '#,##0.00 "EUR"', '1,234.57 EUR'],
  [1234, '[$€-407] #,##0.00', '€ 1,234.00'],
  [1234, '[Red]0', '1234'],
  [1234, '#,##0_)', '1,234 '],
  [5, '*-0', '5'],
  // Sections: pos;neg;zero;text.
  [-5, '0;(0)', '(5)'],
  [-1234, '#,##0_);(#,##0)', '(1,234)'],
  [0, '0;(0);"zero"', 'zero'],
  [0, '0;(0)', '0'],
  [-0.001, '0.00;(0.00);"-"', '(0.00)'], // the section is chosen by the value, not the rounding
  [-0.001, '0.00', '-0.00'],
  [5, ';;;', ''],
  ['abc', '0;0;0;"t:"@', 't:abc'],
  ['abc', '0.00', 'abc'], // text without a text section is returned unchanged
  ['abc', '@', 'abc'],
  ['abc', '"<"@">"', '<abc>'],
  [12, '@', '12'],
  // Scientific and engineering.
  [12345, '0.00E+00', '1.23E+04'],
  [0.00012, '0.00E+00', '1.20E-04'],
  [9.999, '0.00E+00', '1.00E+01'],
  [0, '0.00E+00', '0.00E+00'],
  [0.000123, '0.00E-00', '1.23E-04'],
  [12345, '0.00E-00', '1.23E04'],
  [1e-7, '0.0E+0', '1.0E-7'],
  [12345, '##0.0E+0', '12.3E+3'],
  [-12345, '0.0E+00', '-1.2E+04'],
  // General and coercions.
  [1234.5, 'General', '1234.5'],
  [1 / 3, 'General', '0.333333333333333'],
  ['12', '0.0', '12.0'],
  [null, '0.00', '0.00'],
  [true, '0', 'TRUE'],
  [1234, '', ''],
  // Dates and times.
  [d, 'yyyy-mm-dd', '2025-03-15'],
  [d, 'dd/mm/yy', '15/03/25'],
  [d, 'd-mmm-yyyy', '15-Mar-2025'],
  [d, 'mmm-yy', 'Mar-25'],
  [d, 'dddd, mmmm d, yyyy', 'Saturday, March 15, 2025'],
  [d, 'ddd d mmmmm', 'Sat 15 M'],
  [d, 'YYYY-MM-DD', '2025-03-15'], // date codes are case-insensitive
  [d, 'yyyymmdd', '20250315'],
  ['2025-03-15', 'dd.mm.yyyy', '15.03.2025'],
  [d + 0.5, 'yyyy-mm-dd hh:mm:ss', '2025-03-15 12:00:00'],
  [d + 0.75, 'h:mm AM/PM', '6:00 PM'],
  [d + 0.75, 'h:mm am/pm', '6:00 pm'],
  [d + 0.25, 'h A/P', '6 A'],
  [d, 'h AM/PM', '12 AM'],
  [serialFromDateTime(2025, 3, 15, 14, 5, 9), 'h:m:s', '14:5:9'],
  [serialFromDateTime(2025, 3, 15, 14, 5, 9), 'hh"h"mm', '14h05'],
  [serialFromDateTime(2025, 3, 15, 14, 5, 9), 'mm:ss', '05:09'],
  [serialFromDateTime(2025, 3, 15, 10, 0, 59.6), 'hh:mm:ss', '10:01:00'], // rounds to the second shown
  [serialFromDateTime(2025, 3, 15, 10, 0, 59.6), 'hh:mm:ss.0', '10:00:59.6'],
  [serialFromDateTime(2025, 3, 15, 23, 59, 59.9), 'yyyy-mm-dd hh:mm:ss', '2025-03-16 00:00:00'],
  [1.5, '[h]:mm', '36:00'],
  [0.25, '[mm]', '360'],
  [d, 'yyyy-mm-ddThh:mm:ss', '2025-03-15T00:00:00'],
  [-1, 'yyyy-mm-dd', ERR.VALUE], // Excel shows ##### for negative dates
  [3e6, 'yyyy', ERR.VALUE],
  // Unsupported codes are reported, not guessed.
  [5, '[>1]0', ERR.VALUE],
  [0.5, '# ?/?', ERR.VALUE],
];

describe('TEXT number formats', () => {
  it.each(ROWS.map((r) => [JSON.stringify(r[0]), r[1], r] as const))('TEXT(%s, %s)', (_v, _f, [value, format, want]) => {
    expect(formatValue(value, format)).toEqual(want);
  });

  it('goes through the TEXT function with Excel argument handling', () => {
    expect(call('TEXT', 2.675, '0.00')).toBe('2.68');
    expect(call('TEXT', 5, 0)).toBe('5');
    expect(call('TEXT', ERR.NA, '0')).toBe(ERR.NA);
    expect(call('TEXT', 1, ERR.DIV0)).toBe(ERR.DIV0);
    expect(call('TEXT', [1, 2], '0')).toBe(ERR.VALUE);
    expect(call('TEXT', Infinity, '0')).toBe(ERR.NUM);
  });
});
