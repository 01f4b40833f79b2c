/**
 * WORKDAY and NETWORKDAYS: Saturday/Sunday weekends and an optional holiday list (an array
 * constant or a reference-table column). Whole weeks are skipped arithmetically so a
 * 10,000-day offset costs the same as a 3-day one.
 */
import { argInt, asArray, isErr, isMissing, strict } from '../arg-coerce';
import { isValidSerial, toSerial, weekdayOf } from '../dates';
import type { FunctionSpec } from '../registry';
import { ERR, FormulaError, type Value } from '../values';

const isWeekday = (serial: number): boolean => {
  const wd = weekdayOf(serial);
  return wd !== 0 && wd !== 6;
};

/** Distinct holidays that fall on weekdays, sorted. Blanks are skipped; bad dates are errors. */
function holidayList(v: Value | undefined): number[] | FormulaError {
  if (isMissing(v)) return [];
  const seen = new Set<number>();
  for (const h of asArray(v)) {
    if (h === null || h === '') continue;
    const s = toSerial(h);
    if (isErr(s)) return s;
    const d = Math.floor(s);
    if (isWeekday(d)) seen.add(d);
  }
  return [...seen].sort((a, b) => a - b);
}

/** Holidays in the inclusive range lo..hi. */
function holidaysIn(holidays: readonly number[], lo: number, hi: number): number {
  let n = 0;
  for (const h of holidays) if (h >= lo && h <= hi) n++;
  return n;
}

/** Weekdays among serials 0..x-1 (serial 0 is a Saturday). */
function weekdaysBefore(x: number): number {
  const weeks = Math.floor(x / 7);
  return weeks * 5 + Math.max(0, x - weeks * 7 - 2);
}

export function addWorkdays(start: number, days: number, holidays: readonly number[]): number {
  const dir = days < 0 ? -1 : 1;
  const isHoliday = new Set(holidays);
  let remaining = Math.abs(days);
  let cur = start;
  while (remaining > 0) {
    if (remaining > 5) {
      // Seven days from any day pass exactly five weekdays; holidays in the jump are owed back.
      const weeks = Math.floor((remaining - 1) / 5);
      const next = cur + dir * 7 * weeks;
      remaining -= 5 * weeks;
      remaining += dir > 0 ? holidaysIn(holidays, cur + 1, next) : holidaysIn(holidays, next, cur - 1);
      cur = next;
    } else {
      cur += dir;
      if (isWeekday(cur) && !isHoliday.has(cur)) remaining--;
    }
  }
  return cur;
}

export function networkDays(start: number, end: number, holidays: readonly number[]): number {
  const lo = Math.min(start, end);
  const hi = Math.max(start, end);
  const n = weekdaysBefore(hi + 1) - weekdaysBefore(lo) - holidaysIn(holidays, lo, hi);
  return start <= end ? n : -n;
}

const HOLIDAYS = {
  name: 'holidays',
  type: 'date',
  acceptsArray: true,
  optional: true,
  doc: 'Dates to skip: an array constant {"2025-12-25","2025-12-26"} or a table column Holidays[Date].',
} as const;

export const WORKDAY_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'WORKDAY',
    category: 'date',
    params: [{ name: 'start_date', type: 'date' }, { name: 'days', type: 'number' }, HOLIDAYS],
    returns: 'date',
    doc: 'The date `days` working days (Mon-Fri, minus holidays) after start_date; negative days go back.',
    example: { formula: 'WORKDAY(DATE(2025, 12, 24), 2, {"2025-12-25","2025-12-26"})', result: '2025-12-30' },
    impl: strict((args) => {
      const s = toSerial(args[0]);
      const n = argInt(args[1]);
      const hol = holidayList(args[2]);
      if (isErr(s)) return s;
      if (isErr(n)) return n;
      if (isErr(hol)) return hol;
      const r = addWorkdays(Math.floor(s), n, hol);
      return isValidSerial(r) ? r : ERR.NUM;
    }),
  },
  {
    name: 'NETWORKDAYS',
    category: 'date',
    params: [{ name: 'start_date', type: 'date' }, { name: 'end_date', type: 'date' }, HOLIDAYS],
    returns: 'number',
    doc: 'Working days (Mon-Fri, minus holidays) from start_date to end_date inclusive; negative if end is earlier.',
    example: { formula: 'NETWORKDAYS(DATE(2025, 3, 1), DATE(2025, 3, 31))', result: '21' },
    impl: strict((args) => {
      const s = toSerial(args[0]);
      const e = toSerial(args[1]);
      const hol = holidayList(args[2]);
      if (isErr(s)) return s;
      if (isErr(e)) return e;
      if (isErr(hol)) return hol;
      return networkDays(Math.floor(s), Math.floor(e), hol);
    }),
  },
];
