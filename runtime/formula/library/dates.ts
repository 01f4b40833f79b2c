/**
 * Excel date serials with pure integer day arithmetic: no Date, no local time, no Intl, so the
 * host, the QuickJS sandbox, readers and the CLI all agree.
 *
 * Serial n is n days after 1899-12-30 on the proleptic Gregorian calendar. From 1900-03-01
 * (serial 61) on this is exactly Excel's numbering. Before that Excel pretends 1900 was a leap
 * year (its serial 60 is the phantom 1900-02-29, serial 1 is 1900-01-01); we do not reproduce
 * the phantom day, so serials 1..60 name the true day before Excel's (serial 1 = 1899-12-31).
 * Dates that matter to operations are all after 1900, so matching the real calendar wins.
 */
import { ERR, FormulaError, parseNumericText, type Value } from './values';

/** 9999-12-31, Excel's last date. */
export const MAX_SERIAL = 2958465;
export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days from 1970-01-01 to y-m-d (m 1..12), Howard Hinnant's civil-date algorithm. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const EPOCH = daysFromCivil(1899, 12, 30);

/** Serial of y-m-d. Month and day overflow like Excel's DATE: month 13 is January of y+1,
 * day 0 is the last day of the previous month. Integers expected. */
export function serialFromYmd(year: number, month: number, day: number): number {
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = m0 - Math.floor(m0 / 12) * 12 + 1;
  return daysFromCivil(y, m, 1) + day - 1 - EPOCH;
}

/** The calendar date of a serial (its integer part). */
export function ymdFromSerial(serial: number): Ymd {
  const z = Math.floor(serial) + EPOCH + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Day of week, 0 = Sunday .. 6 = Saturday (serial 0, 1899-12-30, was a Saturday). */
export function weekdayOf(serial: number): number {
  return (((Math.floor(serial) + 6) % 7) + 7) % 7;
}

/** Same day `months` later, clamped to the month's end (EDATE). */
export function addMonths(serial: number, months: number): number {
  const { year, month, day } = ymdFromSerial(serial);
  const first = ymdFromSerial(serialFromYmd(year, month + months, 1));
  return serialFromYmd(first.year, first.month, Math.min(day, daysInMonth(first.year, first.month)));
}

export const isValidSerial = (s: number): boolean => Number.isFinite(s) && s >= 0 && s < MAX_SERIAL + 1;

/** Serial with a time-of-day fraction. */
export function serialFromDateTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return serialFromYmd(y, mo, d) + (h * 3600 + mi * 60 + s) / 86400;
}

export interface TimeParts {
  /** Whole days, after rounding carried the time past midnight if it had to. */
  readonly days: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Fractional seconds as an integer of `fractionDigits` digits. */
  readonly fraction: number;
}

/** Splits a serial into day and time, rounding to the nearest 10^-fractionDigits second. */
export function timeParts(serial: number, fractionDigits = 0): TimeParts {
  const scale = 10 ** fractionDigits;
  let days = Math.floor(serial);
  let units = Math.round((serial - days) * 86400 * scale);
  if (units >= 86400 * scale) {
    days += 1;
    units -= 86400 * scale;
  }
  const secs = Math.floor(units / scale);
  return {
    days,
    hour: Math.floor(secs / 3600),
    minute: Math.floor(secs / 60) % 60,
    second: secs % 60,
    fraction: units % scale,
  };
}

/** Excel's two-digit-year window: 00-29 are 2000-2029, 30-99 are 1930-1999. */
export const expandTwoDigitYear = (yy: number): number => (yy < 30 ? 2000 + yy : 1900 + yy);

/** Month number from an English name or its first three letters ("Mar", "march", "Sept"). */
export function monthFromName(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.length < 3) return undefined;
  for (let i = 0; i < 12; i++) {
    const full = MONTH_NAMES[i].toLowerCase();
    if (n === full || n === full.slice(0, 3) || (i === 8 && n === 'sept')) return i + 1;
  }
  return undefined;
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?\s*([AaPp][Mm]?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]${TIME}Z?)?$`);
const DAY_MON_YEAR = new RegExp(String.raw`^(\d{1,2})[- /]([A-Za-z]{3,9}\.?)[- /,]+(\d{4}|\d{2})(?: ${TIME})?$`);
const MON_DAY_YEAR = new RegExp(String.raw`^([A-Za-z]{3,9}\.?) (\d{1,2}),? (\d{4}|\d{2})(?: ${TIME})?$`);
const TIME_ONLY = new RegExp(`^${TIME}$`);

/** Fraction of a day from parsed time fields, or undefined when out of range. */
function timeFraction(h?: string, mi?: string, s?: string, ampm?: string): number | undefined {
  if (h === undefined) return 0;
  let hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm[0].toUpperCase() === 'P' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second >= 60) return undefined;
  return (hour * 3600 + minute * 60 + second) / 86400;
}

function checkedSerial(y: number, m: number | undefined, d: number): number | undefined {
  if (m === undefined || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  if (y < 1900 || y > 9999) return undefined;
  return serialFromYmd(y, m, d);
}

/**
 * The date/time text forms DATEVALUE, VALUE and date parameters accept. Excel reads dates in
 * the machine's locale; we accept only forms that mean the same everywhere:
 *   ISO "2025-03-15", "2025/03/15", optionally with a time "2025-03-15T10:30:00" (or a space, "Z"
 *   allowed; other UTC offsets are not), "15-Mar-2025", "15 March 2025", "15-Mar-25",
 *   "Mar 15, 2025", and a bare time "10:30", "10:30:15", "2:30 PM".
 * Numeric day/month forms such as "03/04/2025" are rejected as ambiguous: use PARSE_DATE.
 * Two-digit years use Excel's 1930 window. Returns undefined for anything else.
 */
export function parseDateText(text: string): number | undefined {
  const t = text.trim();
  let m = ISO_DATE.exec(t);
  let serial: number | undefined;
  let time = 0 as number | undefined;
  if (m) {
    serial = checkedSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    time = timeFraction(m[4], m[5], m[6], m[7]);
  } else if ((m = DAY_MON_YEAR.exec(t))) {
    const y = m[3].length === 2 ? expandTwoDigitYear(Number(m[3])) : Number(m[3]);
    serial = checkedSerial(y, monthFromName(m[2]), Number(m[1]));
    time = timeFraction(m[4], m[5], m[6], m[7]);
  } else if ((m = MON_DAY_YEAR.exec(t))) {
    const y = m[3].length === 2 ? expandTwoDigitYear(Number(m[3])) : Number(m[3]);
    serial = checkedSerial(y, monthFromName(m[1]), Number(m[2]));
    time = timeFraction(m[4], m[5], m[6], m[7]);
  } else if ((m = TIME_ONLY.exec(t))) {
    return timeFraction(m[1], m[2], m[3], m[4]);
  }
  return serial === undefined || time === undefined ? undefined : serial + time;
}

/**
 * Excel's coercion of a date argument: numbers as they are, numeric or date text parsed, TRUE 1,
 * blank 0. Serials outside 0..9999-12-31 are #NUM!, as in Excel.
 */
export function toSerial(v: Value | undefined): number | FormulaError {
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else if (v === null || v === undefined) n = 0;
  else if (typeof v === 'boolean') n = v ? 1 : 0;
  else if (typeof v === 'string') {
    n = parseNumericText(v) ?? parseDateText(v);
    if (n === undefined) return ERR.VALUE;
  } else if (v instanceof FormulaError) return v;
  else return ERR.VALUE;
  return isValidSerial(n) ? n : ERR.NUM;
}
