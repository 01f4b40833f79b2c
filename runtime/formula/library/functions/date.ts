/**
 * Date functions on Excel serials (dates.ts). All arithmetic is integer day math in UTC terms,
 * so results never depend on the host's time zone. Serials 1..60 (before 1900-03-01) are one
 * day off Excel's because we do not reproduce its phantom 1900-02-29; later dates match exactly.
 */
import { argInt, argText, isErr, optInt, strict } from '../arg-coerce';
import {
  addMonths,
  daysInMonth,
  isValidSerial,
  parseDateText,
  serialFromYmd,
  toSerial,
  weekdayOf,
  ymdFromSerial,
} from '../dates';
import type { FunctionSpec } from '../registry';
import { ERR, type Value } from '../values';
import { WORKDAY_FUNCTIONS } from './date-workdays';
import { TIME_FUNCTIONS } from './date-time';

type Impl = NonNullable<FunctionSpec['impl']>;

const DATE_PARAM = { name: 'date', type: 'date', doc: 'A date serial or date text such as "2025-03-15".' } as const;

/** The whole-day serial of a date argument. */
function day(v: Value | undefined): number | ReturnType<typeof toSerial> {
  const s = toSerial(v);
  return isErr(s) ? s : Math.floor(s);
}

const checkedDate = (serial: number): Value => (isValidSerial(serial) ? serial : ERR.NUM);

function part(pick: (y: number, m: number, d: number) => number): Impl {
  return strict((args) => {
    const s = day(args[0]);
    if (isErr(s)) return s;
    const { year, month, day: d } = ymdFromSerial(s);
    return pick(year, month, d);
  });
}

/** WEEKDAY return types: the weekday numbered 1 (0 for type 3), Sunday = 0 in `weekdayOf`. */
function weekdayNumber(wd: number, type: number): number | undefined {
  if (type === 1 || type === 17) return wd + 1;
  if (type === 2 || type === 11) return ((wd + 6) % 7) + 1;
  if (type === 3) return (wd + 6) % 7;
  if (type >= 12 && type <= 16) return ((wd - (type - 10) + 7) % 7) + 1;
  return undefined;
}

function datedif(start: number, end: number, unit: string): Value {
  const a = ymdFromSerial(start);
  const b = ymdFromSerial(end);
  const months = (b.year - a.year) * 12 + b.month - a.month - (b.day < a.day ? 1 : 0);
  switch (unit.toUpperCase()) {
    case 'D':
      return end - start;
    case 'M':
      return months;
    case 'Y':
      return Math.floor(months / 12);
    case 'YM':
      return months % 12;
    case 'MD': {
      // Excel's formula, quirks included: borrows the length of the month before the end
      // month, so 2025-01-31 to 2025-03-01 gives -2 (Microsoft advises against "MD").
      if (b.day >= a.day) return b.day - a.day;
      const prev = b.month === 1 ? { y: b.year - 1, m: 12 } : { y: b.year, m: b.month - 1 };
      return daysInMonth(prev.y, prev.m) + b.day - a.day;
    }
    case 'YD': {
      let shifted = serialFromYmd(b.year, a.month, a.day);
      if (shifted > end) shifted = serialFromYmd(b.year - 1, a.month, a.day);
      return end - shifted;
    }
    default:
      return ERR.NUM;
  }
}

export const DATE_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'DATE',
    category: 'date',
    params: [
      { name: 'year', type: 'number', doc: '0-1899 add 1900, as in Excel.' },
      { name: 'month', type: 'number', doc: 'May overflow: 13 is January of the next year.' },
      { name: 'day', type: 'number', doc: 'May overflow: 0 is the last day of the previous month.' },
    ],
    returns: 'date',
    doc: 'The date for year, month, day with Excel\'s overflow rules; #NUM! outside 1900-9999. Before 1900-03-01 serials are one above Excel\'s (no phantom 1900-02-29).',
    example: { formula: 'DATE(2024, 14, 0)', result: '2025-01-31' },
    impl: strict((args) => {
      const [y, m, d] = [argInt(args[0]), argInt(args[1]), argInt(args[2])];
      if (isErr(y)) return y;
      if (isErr(m)) return m;
      if (isErr(d)) return d;
      if (y < 0 || y >= 10000) return ERR.NUM;
      return checkedDate(serialFromYmd(y < 1900 ? y + 1900 : y, m, d));
    }),
  },
  {
    name: 'DATEVALUE',
    category: 'date',
    params: [{ name: 'date_text', type: 'text' }],
    returns: 'date',
    doc: 'Date from text. Accepts ISO "2025-03-15" (time ignored), "15-Mar-2025", "15 March 2025", "Mar 15, 2025"; not locale forms like "03/04/2025" (use PARSE_DATE).',
    example: { formula: 'DATEVALUE("15-Mar-2025")', result: '2025-03-15' },
    impl: strict((args) => {
      if (typeof args[0] !== 'string') return ERR.VALUE;
      const n = parseDateText(args[0]);
      return n === undefined || n < 1 ? ERR.VALUE : Math.floor(n);
    }),
  },
  {
    name: 'YEAR',
    category: 'date',
    params: [DATE_PARAM],
    returns: 'number',
    doc: 'The year of a date.',
    example: { formula: 'YEAR(DATE(2025, 3, 15))', result: '2025' },
    impl: part((y) => y),
  },
  {
    name: 'MONTH',
    category: 'date',
    params: [DATE_PARAM],
    returns: 'number',
    doc: 'The month (1-12) of a date.',
    example: { formula: 'MONTH("2025-03-15")', result: '3' },
    impl: part((_, m) => m),
  },
  {
    name: 'DAY',
    category: 'date',
    params: [DATE_PARAM],
    returns: 'number',
    doc: 'The day of the month (1-31) of a date.',
    example: { formula: 'DAY(DATE(2025, 3, 15))', result: '15' },
    impl: part((_, __, d) => d),
  },
  {
    name: 'EDATE',
    category: 'date',
    params: [{ ...DATE_PARAM, name: 'start_date' }, { name: 'months', type: 'number' }],
    returns: 'date',
    doc: 'The same day months later (earlier if negative), clamped to the month end.',
    example: { formula: 'EDATE(DATE(2025, 1, 31), 1)', result: '2025-02-28' },
    impl: strict((args) => {
      const s = day(args[0]);
      const n = argInt(args[1]);
      if (isErr(s)) return s;
      if (isErr(n)) return n;
      return checkedDate(addMonths(s, n));
    }),
  },
  {
    name: 'EOMONTH',
    category: 'date',
    params: [{ ...DATE_PARAM, name: 'start_date' }, { name: 'months', type: 'number' }],
    returns: 'date',
    doc: 'The last day of the month months after start_date.',
    example: { formula: 'EOMONTH(DATE(2024, 1, 15), 1)', result: '2024-02-29' },
    impl: strict((args) => {
      const s = day(args[0]);
      const n = argInt(args[1]);
      if (isErr(s)) return s;
      if (isErr(n)) return n;
      const { year, month } = ymdFromSerial(s);
      return checkedDate(serialFromYmd(year, month + n + 1, 0));
    }),
  },
  {
    name: 'WEEKDAY',
    category: 'date',
    params: [
      { ...DATE_PARAM, name: 'serial_number' },
      { name: 'return_type', type: 'number', optional: true, doc: '1 Sun=1 (default), 2 Mon=1, 3 Mon=0, 11-17 week starts Mon..Sun.' },
    ],
    returns: 'number',
    doc: 'Day of the week as a number; #NUM! for an unknown return_type.',
    example: { formula: 'WEEKDAY(DATE(2025, 3, 15), 2)', result: '6' },
    impl: strict((args) => {
      const s = day(args[0]);
      const t = optInt(args[1], 1);
      if (isErr(s)) return s;
      if (isErr(t)) return t;
      return weekdayNumber(weekdayOf(s), t) ?? ERR.NUM;
    }),
  },
  {
    name: 'DATEDIF',
    category: 'date',
    params: [
      { ...DATE_PARAM, name: 'start_date' },
      { ...DATE_PARAM, name: 'end_date' },
      { name: 'unit', type: 'text', doc: '"Y", "M", "D", "MD", "YM" or "YD".' },
    ],
    returns: 'number',
    doc: 'Whole years, months or days between two dates; #NUM! if start > end. "MD" keeps Excel\'s quirk (can be negative).',
    example: { formula: 'DATEDIF(DATE(2020, 2, 29), DATE(2025, 2, 28), "Y")', result: '4' },
    impl: strict((args) => {
      const a = day(args[0]);
      const b = day(args[1]);
      const unit = argText(args[2]);
      if (isErr(a)) return a;
      if (isErr(b)) return b;
      if (isErr(unit)) return unit;
      return a > b ? ERR.NUM : datedif(a, b, unit);
    }),
  },
  {
    name: 'DAYS',
    category: 'date',
    params: [{ ...DATE_PARAM, name: 'end_date' }, { ...DATE_PARAM, name: 'start_date' }],
    returns: 'number',
    doc: 'Days from start_date to end_date (whole days; negative when end is earlier).',
    example: { formula: 'DAYS("2025-03-15", "2025-01-01")', result: '73' },
    impl: strict((args) => {
      const b = day(args[0]);
      const a = day(args[1]);
      if (isErr(b)) return b;
      if (isErr(a)) return a;
      return b - a;
    }),
  },
  ...WORKDAY_FUNCTIONS,
  ...TIME_FUNCTIONS,
];
