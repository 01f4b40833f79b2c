/**
 * Dates and date-times as files write them, parsed from a range of bytes (ASCII-compatible text)
 * into Excel serials, the Table's date representation, through the formula library's integer
 * calendar: no Date object, no time zone. Browser-safe.
 *
 *   2026-11-20  2026/11/20  [T| ]14:30[:05[.123]] [Z|+02:00|+0200]   ISO: an offset converts to UTC
 *   20.11.2026 [time]                                                 dotted: day first (DE, CH)
 *   20-Nov-2026  20 NOV 2026  [time]                                  English month names
 *   20/11/2026  11/20/2026  20-11-2026 [time] [AM|PM]                 slashed: day or month first is
 *                                                                     settled by the column
 *   20261120                                                          YYYYMMDD (parseYmd8Bytes)
 * Years run 1900..9999; two-digit years are not guessed (they stay text).
 */
import { daysInMonth, serialFromYmd } from '../../formula/library/dates';

export const NOT_DATE = 0;
/** The text fixes the date: `serial` holds it. */
export const FIXED_DATE = 1;
/** Day and month could be either way round: `first`, `second`, `year` and `time` hold the parts. */
export const SLASHED_DATE = 2;
export type DateForm = typeof NOT_DATE | typeof FIXED_DATE | typeof SLASHED_DATE;

/** Output of parseDateBytes, reused across calls so the hot loop allocates nothing. */
export interface DateParts {
  serial: number;
  hasTime: boolean;
  first: number;
  second: number;
  year: number;
  /** Time of day as a fraction of a day (UTC when the text had an offset). */
  time: number;
}

export const newDateParts = (): DateParts => ({ serial: 0, hasTime: false, first: 0, second: 0, year: 0, time: 0 });

const D0 = 48, SLASH = 47, DASH = 45, DOT = 46, SPACE = 32, COLON = 58, T = 84, Z = 90, PLUS = 43;
/** Month names as three lower-case letters packed into one number. */
const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
  .map((m) => (m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2));

const isDigit = (c: number) => c >= D0 && c <= D0 + 9;
const d2 = (b: Uint8Array, i: number) => (b[i] - D0) * 10 + (b[i + 1] - D0);

export function parseDateBytes(b: Uint8Array, start: number, end: number, out: DateParts): DateForm {
  while (start < end && b[start] === SPACE) start++;
  while (end > start && b[end - 1] === SPACE) end--;
  if (end - start < 8) return NOT_DATE;
  out.hasTime = false;
  out.time = 0;
  // ISO: YYYY-MM-DD or YYYY/MM/DD (one-digit month and day tolerated).
  if (isDigit(b[start]) && isDigit(b[start + 1]) && isDigit(b[start + 2]) && isDigit(b[start + 3])) {
    const sep = b[start + 4];
    if (sep !== DASH && sep !== SLASH) return NOT_DATE;
    const year = (b[start] - D0) * 1000 + (b[start + 1] - D0) * 100 + d2(b, start + 2);
    let i = start + 5;
    const mLen = digitRun(b, i, end);
    if (mLen < 1 || mLen > 2 || b[i + mLen] !== sep) return NOT_DATE;
    const month = mLen === 2 ? d2(b, i) : b[i] - D0;
    i += mLen + 1;
    const dLen = digitRun(b, i, end);
    if (dLen < 1 || dLen > 2) return NOT_DATE;
    const day = dLen === 2 ? d2(b, i) : b[i] - D0;
    if (!valid(year, month, day) || !timeTail(b, i + dLen, end, true, out)) return NOT_DATE;
    out.serial = serialFromYmd(year, month, day) + out.time;
    return FIXED_DATE;
  }
  const aLen = digitRun(b, start, end);
  if (aLen < 1 || aLen > 2) return NOT_DATE;
  const a = aLen === 2 ? d2(b, start) : b[start] - D0;
  let i = start + aLen;
  const sep = b[i++];
  if (sep !== SLASH && sep !== DASH && sep !== DOT && sep !== SPACE) return NOT_DATE;
  const month = monthAt(b, i, end);
  if (month > 0) {
    i += 3;
    if (b[i] === DOT) i++; // "Nov."
    if (b[i] !== sep || digitRun(b, i + 1, end) !== 4) return NOT_DATE;
    const year = year4(b, i + 1);
    if (!valid(year, month, a) || !timeTail(b, i + 5, end, false, out)) return NOT_DATE;
    out.serial = serialFromYmd(year, month, a) + out.time;
    return FIXED_DATE;
  }
  if (sep === SPACE) return NOT_DATE;
  const bLen = digitRun(b, i, end);
  if (bLen < 1 || bLen > 2 || b[i + bLen] !== sep) return NOT_DATE;
  const second = bLen === 2 ? d2(b, i) : b[i] - D0;
  i += bLen + 1;
  if (digitRun(b, i, end) !== 4) return NOT_DATE;
  const year = year4(b, i);
  if (year < 1900 || !timeTail(b, i + 4, end, false, out)) return NOT_DATE;
  if (sep === DOT) {
    if (!valid(year, second, a)) return NOT_DATE;
    out.serial = serialFromYmd(year, second, a) + out.time;
    return FIXED_DATE;
  }
  if (!valid(year, second, a) && !valid(year, a, second)) return NOT_DATE;
  out.first = a;
  out.second = second;
  out.year = year;
  return SLASHED_DATE;
}

/** The serial of a slashed date read day-first or month-first; NaN when invalid that way. */
export function slashedSerial(parts: DateParts, dayFirst: boolean): number {
  const day = dayFirst ? parts.first : parts.second;
  const month = dayFirst ? parts.second : parts.first;
  return valid(parts.year, month, day) ? serialFromYmd(parts.year, month, day) + parts.time : NaN;
}

/** Exactly eight digits read as YYYYMMDD (years 1900..2199): the serial, or NaN. */
export function parseYmd8Bytes(b: Uint8Array, start: number, end: number): number {
  while (start < end && b[start] === SPACE) start++;
  while (end > start && b[end - 1] === SPACE) end--;
  if (end - start !== 8 || digitRun(b, start, end) !== 8) return NaN;
  return ymd8Serial(year4(b, start) * 10000 + d2(b, start + 4) * 100 + d2(b, start + 6));
}

/** The serial of a whole number read as YYYYMMDD, or NaN. */
export function ymd8Serial(n: number): number {
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  return y >= 1900 && y <= 2199 && valid(y, m, d) ? serialFromYmd(y, m, d) : NaN;
}

function valid(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && (d <= 28 || d <= daysInMonth(y, m));
}

function digitRun(b: Uint8Array, i: number, end: number): number {
  let n = 0;
  while (i + n < end && isDigit(b[i + n])) n++;
  return n;
}

const year4 = (b: Uint8Array, i: number) => d2(b, i) * 100 + d2(b, i + 2);

function monthAt(b: Uint8Array, i: number, end: number): number {
  if (i + 3 > end || b[i] < 65) return 0; // not a letter: the common case, decided without work
  const key = ((b[i] | 32) << 16) | ((b[i + 1] | 32) << 8) | (b[i + 2] | 32);
  return MONTH_KEYS.indexOf(key) + 1;
}

/**
 * Nothing, or a time after the date: [T| ]H:MM[:SS[.fff]] [AM|PM], and for ISO dates a zone
 * (Z, ±HH:MM, ±HHMM) that moves the value to UTC. Sets out.time and out.hasTime.
 */
function timeTail(b: Uint8Array, i: number, end: number, iso: boolean, out: DateParts): boolean {
  if (i === end) return true;
  const sep = b[i];
  if (sep !== SPACE && !(iso && sep === T)) return false;
  i++;
  const hLen = digitRun(b, i, end);
  if (hLen < 1 || hLen > 2 || b[i + hLen] !== COLON || digitRun(b, i + hLen + 1, end) !== 2) return false;
  let h = hLen === 2 ? d2(b, i) : b[i] - D0;
  const mi = d2(b, i + hLen + 1);
  i += hLen + 3;
  let s = 0;
  if (i < end && b[i] === COLON) {
    if (digitRun(b, i + 1, end) !== 2) return false;
    s = d2(b, i + 1);
    i += 3;
    if (i < end && b[i] === DOT) {
      const fLen = digitRun(b, i + 1, end);
      if (fLen === 0) return false;
      let f = 0;
      for (let k = 0; k < Math.min(fLen, 9); k++) f = f * 10 + (b[i + 1 + k] - D0);
      s += f / 10 ** Math.min(fLen, 9);
      i += 1 + fLen;
    }
  }
  if (mi > 59 || s >= 60) return false;
  if (!iso && i < end && b[i] === SPACE && end - i === 3 && (b[i + 2] | 32) === 109) {
    const marker = b[i + 1] | 32; // a or p, then m
    if ((marker !== 97 && marker !== 112) || h < 1 || h > 12) return false;
    h = (h % 12) + (marker === 112 ? 12 : 0);
    i = end;
  }
  if (h > 23) return false;
  let offsetMinutes = 0;
  if (iso && i < end) {
    const z = b[i];
    if (z === Z && i + 1 === end) i++;
    else if (z === PLUS || z === DASH) {
      const rest = end - i - 1;
      if (rest === 5 && b[i + 3] === COLON && digitRun(b, i + 1, end) === 2 && digitRun(b, i + 4, end) === 2) offsetMinutes = d2(b, i + 1) * 60 + d2(b, i + 4);
      else if (rest === 4 && digitRun(b, i + 1, end) === 4) offsetMinutes = d2(b, i + 1) * 60 + d2(b, i + 3);
      else return false;
      if (z === DASH) offsetMinutes = -offsetMinutes;
      i = end;
    }
  }
  if (i !== end) return false;
  out.time = (h * 3600 + mi * 60 + s) / 86400 - offsetMinutes / 1440;
  out.hasTime = true;
  return true;
}
