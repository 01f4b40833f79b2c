import { describe, expect, it } from 'vitest';
import { weekdayOf } from '../dates';
import { ERR, type Value } from '../values';
import { call, date } from './test-harness';

type Row = readonly [string, readonly (Value | undefined)[], Value];

const SAT = date(2025, 3, 15);
const SUN = date(2025, 3, 16);

// Expected values are Excel 365's results for dates from 1900-03-01 on.
const ROWS: readonly Row[] = [
  ['DATE', [2025, 3, 15], 45731],
  ['DATE', [2024, 14, 0], date(2025, 1, 31)],
  ['DATE', [2025, 1, 0], date(2024, 12, 31)], // day 0 is the previous month's last day
  ['DATE', [2025, 2, 29], date(2025, 3, 1)],
  ['DATE', [2025, 0, 1], date(2024, 12, 1)],
  ['DATE', [2025, -1, 1], date(2024, 11, 1)],
  ['DATE', [25, 1, 1], date(1925, 1, 1)], // years 0-1899 add 1900
  ['DATE', [2025.9, 3.7, 15.2], 45731], // arguments truncate
  ['DATE', ['2025', 3, 15], 45731],
  ['DATE', [-1, 1, 1], ERR.NUM],
  ['DATE', [10000, 1, 1], ERR.NUM],
  ['DATE', [9999, 12, 32], ERR.NUM],
  ['DATE', ['x', 1, 1], ERR.VALUE],
  ['DATE', [2025, ERR.NA, 1], ERR.NA],
  ['DATEVALUE', ['2025-03-15'], 45731],
  ['DATEVALUE', ['2025-03-15T18:00:00'], 45731], // time ignored
  ['DATEVALUE', ['15-Mar-2025'], 45731],
  ['DATEVALUE', ['Mar 15, 2025'], 45731],
  ['DATEVALUE', [45731], ERR.VALUE], // DATEVALUE takes text only
  ['DATEVALUE', [''], ERR.VALUE],
  ['DATEVALUE', [null], ERR.VALUE],
  ['DATEVALUE', ['31/12/2025'], ERR.VALUE],
  ['DATEVALUE', ['10:30'], ERR.VALUE],
  ['DATEVALUE', [ERR.NA], ERR.NA],
  ['YEAR', [45731], 2025],
  ['YEAR', ['2025-03-15'], 2025],
  ['YEAR', [45731.99], 2025],
  ['YEAR', [-1], ERR.NUM],
  ['YEAR', ['x'], ERR.VALUE],
  ['YEAR', [ERR.NA], ERR.NA],
  ['MONTH', [45731], 3],
  ['MONTH', [date(2024, 12, 31)], 12],
  ['MONTH', ['x'], ERR.VALUE],
  ['DAY', [45731], 15],
  ['DAY', [date(2024, 2, 29)], 29],
  ['DAY', [-5], ERR.NUM],
  ['EDATE', [date(2025, 1, 31), 1], date(2025, 2, 28)],
  ['EDATE', [date(2024, 2, 29), 12], date(2025, 2, 28)],
  ['EDATE', [date(2025, 3, 31), -1], date(2025, 2, 28)],
  ['EDATE', [date(2025, 3, 15), 1.9], date(2025, 4, 15)],
  ['EDATE', [SAT + 0.5, 0], SAT],
  ['EDATE', ['2025-03-15', 12], date(2026, 3, 15)],
  ['EDATE', [date(9999, 12, 1), 1], ERR.NUM],
  ['EDATE', ['x', 1], ERR.VALUE],
  ['EDATE', [SAT, ERR.NA], ERR.NA],
  ['EOMONTH', [date(2024, 1, 15), 1], date(2024, 2, 29)],
  ['EOMONTH', [SAT, 0], date(2025, 3, 31)],
  ['EOMONTH', [SAT, -3], date(2024, 12, 31)],
  ['EOMONTH', [date(9999, 12, 1), 1], ERR.NUM],
  ['EOMONTH', [SAT, 'x'], ERR.VALUE],
  ['WEEKDAY', [SAT], 7],
  ['WEEKDAY', [SAT, 1], 7],
  ['WEEKDAY', [SAT, 2], 6],
  ['WEEKDAY', [SAT, 3], 5],
  ['WEEKDAY', [SAT, 11], 6],
  ['WEEKDAY', [SAT, 12], 5],
  ['WEEKDAY', [SAT, 13], 4],
  ['WEEKDAY', [SAT, 14], 3],
  ['WEEKDAY', [SAT, 15], 2],
  ['WEEKDAY', [SAT, 16], 1],
  ['WEEKDAY', [SAT, 17], 7],
  ['WEEKDAY', [SUN, 1], 1],
  ['WEEKDAY', [SUN, 2], 7],
  ['WEEKDAY', [SUN, 3], 6],
  ['WEEKDAY', [SAT, 4], ERR.NUM],
  ['WEEKDAY', [SAT, 0], ERR.NUM],
  ['WEEKDAY', [-1], ERR.NUM],
  ['DATEDIF', [date(2020, 2, 29), date(2025, 2, 28), 'Y'], 4],
  ['DATEDIF', [date(2020, 2, 29), date(2025, 2, 28), 'M'], 59],
  ['DATEDIF', [date(2020, 2, 29), date(2025, 2, 28), 'YM'], 11],
  ['DATEDIF', [date(2025, 1, 1), date(2025, 3, 15), 'D'], 73],
  ['DATEDIF', [date(2025, 1, 15), date(2025, 3, 10), 'MD'], 23],
  ['DATEDIF', [date(2025, 1, 31), date(2025, 3, 1), 'MD'], -2], // Excel's documented "MD" quirk
  ['DATEDIF', [date(2024, 3, 15), date(2025, 3, 10), 'YD'], 360],
  ['DATEDIF', [date(2024, 3, 15), date(2025, 3, 10), 'yd'], 360],
  ['DATEDIF', [SAT, SAT, 'D'], 0],
  ['DATEDIF', [SUN, SAT, 'D'], ERR.NUM], // start after end
  ['DATEDIF', [SAT, SUN, 'W'], ERR.NUM],
  ['DATEDIF', [SAT, 'x', 'D'], ERR.VALUE],
  ['DAYS', ['2025-03-15', '2025-01-01'], 73],
  ['DAYS', [1000, 1001], -1],
  ['DAYS', [SAT + 0.9, SAT], 0],
  ['DAYS', ['x', 1], ERR.VALUE],
  ['DAYS', [ERR.REF, 1], ERR.REF],
  ['WORKDAY', [date(2025, 3, 14), 1], date(2025, 3, 17)],
  ['WORKDAY', [SAT, 1], date(2025, 3, 17)],
  ['WORKDAY', [SAT, 0], SAT],
  ['WORKDAY', [date(2025, 3, 17), -1], date(2025, 3, 14)],
  ['WORKDAY', [SUN, -1], date(2025, 3, 14)],
  ['WORKDAY', [date(2025, 12, 24), 2, ['2025-12-25', '2025-12-26']], date(2025, 12, 30)],
  ['WORKDAY', [date(2025, 12, 24), 2, date(2025, 12, 25)], date(2025, 12, 29)],
  ['WORKDAY', [SAT, 1, [date(2025, 3, 17), null, '']], date(2025, 3, 18)],
  ['WORKDAY', [SAT, 1, ['someday']], ERR.VALUE],
  ['WORKDAY', [SAT, 1, [ERR.NA]], ERR.NA],
  ['WORKDAY', [date(9999, 12, 30), 5], ERR.NUM],
  ['WORKDAY', [SAT, 'x'], ERR.VALUE],
  ['NETWORKDAYS', [date(2025, 3, 1), date(2025, 3, 31)], 21],
  ['NETWORKDAYS', [date(2025, 3, 31), date(2025, 3, 1)], -21],
  ['NETWORKDAYS', [date(2025, 3, 17), date(2025, 3, 17)], 1],
  ['NETWORKDAYS', [SAT, SUN], 0],
  ['NETWORKDAYS', [date(2025, 12, 1), date(2025, 12, 31), ['2025-12-25', '2025-12-26', '2025-12-25', '2025-12-27']], 21],
  ['NETWORKDAYS', [SAT, 'x'], ERR.VALUE],
  ['NETWORKDAYS', [SAT, SUN, [ERR.DIV0]], ERR.DIV0],
  ['TIME', [18, 0, 0], 0.75],
  ['TIME', [25, 0, 0], 1 / 24], // wraps past midnight
  ['TIME', [0, 90, 0], 0.0625],
  ['TIME', [0, -1, 0], ERR.NUM],
  ['TIME', ['x', 0, 0], ERR.VALUE],
  ['HOUR', [0.75], 18],
  ['HOUR', ['2025-03-15T14:30:00'], 14],
  ['HOUR', [-1], ERR.NUM],
  ['MINUTE', [SAT + 14.5 / 24], 30],
  ['SECOND', ['10:30:15'], 15],
  ['SECOND', ['x'], ERR.VALUE],
];

describe('date functions', () => {
  it.each(ROWS.map((r) => [r[0], JSON.stringify(r[1]), r] as const))('%s(%s)', (_n, _a, row) => {
    expect(call(row[0], ...row[1])).toEqual(row[2]);
  });

  it('keeps the documented deviation for serials before 1900-03-01', () => {
    // Excel: DATE(1900,1,1) is 1 and YEAR(0) is 1900; we count the true calendar from 1899-12-30.
    expect(call('DATE', 1900, 1, 1)).toBe(2);
    expect(call('DATE', 1900, 3, 1)).toBe(61);
    expect(call('YEAR', 0)).toBe(1899);
  });

  /** Brute-force working-day reference, to check the week-skipping arithmetic. */
  function slowWorkday(start: number, days: number, hol: Set<number>): number {
    let cur = start;
    let left = Math.abs(days);
    while (left > 0) {
      cur += Math.sign(days);
      const wd = weekdayOf(cur);
      if (wd !== 0 && wd !== 6 && !hol.has(cur)) left--;
    }
    return cur;
  }

  it('matches a day-by-day count for WORKDAY and NETWORKDAYS', () => {
    const holidays = [date(2025, 1, 1), date(2025, 4, 18), date(2025, 4, 21), date(2025, 5, 1), date(2025, 12, 25), date(2025, 12, 26)];
    const hol = new Set(holidays);
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let k = 0; k < 400; k++) {
      const start = date(2024, 11, 1) + rand(500);
      const days = rand(400) - 200;
      expect(call('WORKDAY', start, days, holidays)).toBe(slowWorkday(start, days, hol));
      const end = start + rand(300) - 150;
      let count = 0;
      for (let s = Math.min(start, end); s <= Math.max(start, end); s++) {
        const wd = weekdayOf(s);
        if (wd !== 0 && wd !== 6 && !hol.has(s)) count++;
      }
      expect(call('NETWORKDAYS', start, end, holidays)).toBe(start <= end ? count : -count);
    }
  });
});
