import { describe, expect, it } from 'vitest';
import { parseWithPattern } from './date-pattern';
import {
  addMonths,
  MAX_SERIAL,
  parseDateText,
  serialFromDateTime,
  serialFromYmd,
  timeParts,
  toSerial,
  weekdayOf,
  ymdFromSerial,
} from './dates';
import { ERR } from './values';

/** Oracle for tests only (the library itself must not use Date): UTC days since 1899-12-30. */
const oracle = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;

describe('serials', () => {
  it.each([
    [1900, 3, 1, 61], // first date where Excel's numbering is exact
    [1970, 1, 1, 25569],
    [2000, 2, 29, 36585],
    [2025, 1, 1, 45658],
    [2025, 3, 15, 45731],
    [9999, 12, 31, MAX_SERIAL],
  ])('%i-%i-%i is serial %i as in Excel', (y, m, d, serial) => {
    expect(serialFromYmd(y, m, d)).toBe(serial);
    expect(ymdFromSerial(serial)).toEqual({ year: y, month: m, day: d });
  });

  it('matches the calendar for every day from 1900-03-01 to 9999-12-31', () => {
    const wrong: number[] = [];
    for (let s = 61; s <= MAX_SERIAL; s += 1) {
      const { year, month, day } = ymdFromSerial(s);
      if (serialFromYmd(year, month, day) !== s || (s % 97 === 0 && oracle(year, month, day) !== s)) wrong.push(s);
    }
    expect(wrong).toEqual([]);
  });

  it('does not reproduce Excel\'s phantom 1900-02-29 (documented deviation before serial 61)', () => {
    expect(ymdFromSerial(60)).toEqual({ year: 1900, month: 2, day: 28 });
    expect(ymdFromSerial(1)).toEqual({ year: 1899, month: 12, day: 31 });
    expect(ymdFromSerial(0)).toEqual({ year: 1899, month: 12, day: 30 });
  });

  it('overflows months and days like DATE', () => {
    expect(serialFromYmd(2024, 13, 1)).toBe(serialFromYmd(2025, 1, 1));
    expect(serialFromYmd(2025, 3, 0)).toBe(serialFromYmd(2025, 2, 28));
    expect(serialFromYmd(2024, 3, 0)).toBe(serialFromYmd(2024, 2, 29));
    expect(serialFromYmd(2025, 0, 1)).toBe(serialFromYmd(2024, 12, 1));
    expect(serialFromYmd(2025, -13, 1)).toBe(serialFromYmd(2023, 11, 1));
    expect(serialFromYmd(2025, 1, 400)).toBe(oracle(2025, 1, 400));
  });

  it('knows weekdays and month arithmetic', () => {
    expect(weekdayOf(45731)).toBe(6); // 2025-03-15 was a Saturday
    expect(weekdayOf(61)).toBe(4); // 1900-03-01 was a Thursday
    expect(addMonths(serialFromYmd(2025, 1, 31), 1)).toBe(serialFromYmd(2025, 2, 28));
    expect(addMonths(serialFromYmd(2024, 2, 29), 12)).toBe(serialFromYmd(2025, 2, 28));
    expect(addMonths(serialFromYmd(2025, 3, 31), -1)).toBe(serialFromYmd(2025, 2, 28));
  });

  it('splits time with rounding that carries into the next day', () => {
    expect(timeParts(45731.75)).toMatchObject({ days: 45731, hour: 18, minute: 0, second: 0 });
    expect(timeParts(serialFromDateTime(2025, 3, 15, 23, 59, 59.6))).toMatchObject({ days: 45732, hour: 0 });
    expect(timeParts(serialFromDateTime(2025, 3, 15, 1, 2, 3.456), 3)).toMatchObject({ second: 3, fraction: 456 });
  });
});

describe('parseDateText (DATEVALUE, VALUE, date arguments)', () => {
  it.each([
    ['2025-03-15', 45731],
    ['2025/3/5', serialFromYmd(2025, 3, 5)],
    [' 2025-03-15 ', 45731],
    ['2025-03-15T18:00:00', 45731.75],
    ['2025-03-15T18:00:00Z', 45731.75],
    ['2025-03-15 06:00 PM', 45731.75],
    ['15-Mar-2025', 45731],
    ['15 March 2025', 45731],
    ['15-mar-25', 45731],
    ['15-Sept-2025', serialFromYmd(2025, 9, 15)],
    ['1-Jan-30', serialFromYmd(1930, 1, 1)], // Excel's two-digit window: 30-99 are 19xx
    ['1-Jan-29', serialFromYmd(2029, 1, 1)],
    ['Mar 15, 2025', 45731],
    ['March 15 2025', 45731],
    ['18:00', 0.75],
    ['6:00 PM', 0.75],
    ['12:00 AM', 0],
  ])('%s', (text, want) => expect(parseDateText(text)).toBe(want));

  it.each([
    '2025-02-29', // not a leap year
    '2025-13-01',
    '2025-03-15T25:00',
    '2025-03-15T10:00+02:00', // offsets would need a time zone
    '03/04/2025', // locale-dependent
    '15/03/2025',
    '20250315',
    '15-Foo-2025',
    '1899-12-31', // before Excel's first date
    '13:00 PM',
    '',
    'abc',
  ])('rejects %s', (text) => expect(parseDateText(text)).toBeUndefined());

  it('coerces date arguments like Excel', () => {
    expect(toSerial('2025-03-15')).toBe(45731);
    expect(toSerial('45731')).toBe(45731);
    expect(toSerial(true)).toBe(1);
    expect(toSerial(null)).toBe(0);
    expect(toSerial(-1)).toBe(ERR.NUM);
    expect(toSerial(MAX_SERIAL + 1)).toBe(ERR.NUM);
    expect(toSerial('soon')).toBe(ERR.VALUE);
    expect(toSerial(ERR.NA)).toBe(ERR.NA);
    expect(toSerial(['2025-03-15'])).toBe(ERR.VALUE);
  });
});

describe('parseWithPattern (PARSE_DATE)', () => {
  it.each([
    ['20250315', 'YYYYMMDD', 45731],
    ['15/03/2025', 'DD/MM/YYYY', 45731],
    ['5/3/2025', 'DD/MM/YYYY', serialFromYmd(2025, 3, 5)],
    ['03/15/25', 'MM/DD/YY', 45731],
    ['15-MAR-2025', 'DD-MMM-YYYY', 45731],
    ['15 March 2025', 'D MMMM YYYY', 45731],
    ['2025-03-15T18:30:00', 'YYYY-MM-DDTHH:mm:ss', 45731 + 18.5 / 24],
    ['20250315 063000 PM', 'yyyyMMdd hhmmss A', 45731 + 18.5 / 24],
    ['2025-03-15 18:30:00.500', 'YYYY-MM-DD HH:mm:ss.SSS', 45731 + (18.5 * 3600 + 0.5) / 86400],
    ['18:30', 'HH:mm', 18.5 / 24],
  ])('%s as %s', (text, pattern, want) => expect(parseWithPattern(text, pattern)).toBeCloseTo(want, 9));

  it.each([
    ['2025-03-15', 'DD/MM/YYYY'],
    ['31/02/2025', 'DD/MM/YYYY'],
    ['15/13/2025', 'DD/MM/YYYY'],
    ['2025031', 'YYYYMMDD'],
    ['15/03', 'DD/MM'], // a date needs a year
    ['25:00', 'HH:mm'],
    ['13:00 PM', 'hh:mm A'],
    ['anything', ''],
  ])('rejects %s as %s', (text, pattern) => expect(parseWithPattern(text, pattern)).toBeUndefined());
});
