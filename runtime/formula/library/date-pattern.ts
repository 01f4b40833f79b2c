/**
 * Explicit-pattern date parsing for PARSE_DATE and the file readers: when a source says its
 * dates are "DD/MM/YYYY", nothing is guessed.
 *
 * Tokens (Excel/ISO style and Java style both work):
 *   YYYY yyyy  4-digit year        YY yy  2-digit year (Excel window: 00-29 -> 20xx, 30-99 -> 19xx)
 *   MM  2-digit month  M  1-2 digits      MMM  Jan..Dec     MMMM  January..December (or Jan)
 *   DD dd  2-digit day  D d  1-2 digits
 *   HH  hour 0-23   hh h  hour 1-12 with A   mm m  minutes   ss s  seconds   S..  fraction digits
 *   A a  AM/PM
 * Anything else is literal ("T", "-", "/", " ", ":"...). Month names are English and
 * case-insensitive. Two-digit fields also take one digit when a literal follows ("5/3/2025"),
 * never when digits follow or at the end ("YYYYMMDD" stays strict).
 */
import { daysInMonth, expandTwoDigitYear, monthFromName, serialFromYmd } from './dates';

type Field = 'year4' | 'year2' | 'month' | 'monthName' | 'day' | 'hour' | 'hour12' | 'minute' | 'second' | 'fraction' | 'ampm';

interface Compiled {
  readonly re: RegExp;
  readonly fields: readonly Field[];
}

const TOKENS: readonly [string, Field, string][] = [
  ['YYYY', 'year4', '\\d{4}'], ['yyyy', 'year4', '\\d{4}'], ['YY', 'year2', '\\d{2}'], ['yy', 'year2', '\\d{2}'],
  ['MMMM', 'monthName', '[A-Za-z]{3,9}'], ['MMM', 'monthName', '[A-Za-z]{3}'], ['MM', 'month', '\\d{2}'], ['M', 'month', '\\d{1,2}'],
  ['DD', 'day', '\\d{2}'], ['dd', 'day', '\\d{2}'], ['D', 'day', '\\d{1,2}'], ['d', 'day', '\\d{1,2}'],
  ['HH', 'hour', '\\d{2}'], ['H', 'hour', '\\d{1,2}'], ['hh', 'hour12', '\\d{2}'], ['h', 'hour12', '\\d{1,2}'],
  ['mm', 'minute', '\\d{2}'], ['m', 'minute', '\\d{1,2}'], ['ss', 'second', '\\d{2}'], ['s', 'second', '\\d{1,2}'],
  ['A', 'ampm', '[AaPp][Mm]?'], ['a', 'ampm', '[AaPp][Mm]?'],
];

const cache = new Map<string, Compiled>();

function compile(pattern: string): Compiled {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const parts: { field?: Field; src: string }[] = [];
  for (let i = 0; i < pattern.length; ) {
    const frac = /^S+/.exec(pattern.slice(i));
    if (frac) {
      parts.push({ field: 'fraction', src: `\\d{${frac[0].length}}` });
      i += frac[0].length;
      continue;
    }
    const tok = TOKENS.find(([t]) => pattern.startsWith(t, i));
    if (tok) {
      parts.push({ field: tok[1], src: tok[2] });
      i += tok[0].length;
    } else {
      parts.push({ src: pattern[i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') });
      i++;
    }
  }
  // A fixed two-digit field followed by a literal (or the end) also accepts one digit.
  const src = parts
    .map((p, k) => {
      const next = parts[k + 1];
      const flexible = p.field && p.src === '\\d{2}' && p.field !== 'year2' && next !== undefined && !next.field;
      return p.field ? `(${flexible ? '\\d{1,2}' : p.src})` : p.src;
    })
    .join('');
  const compiled = { re: new RegExp(`^${src}$`), fields: parts.flatMap((p) => (p.field ? [p.field] : [])) };
  if (cache.size >= 64) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, compiled);
  return compiled;
}

/** The serial (with a time fraction when the pattern has time fields), or undefined. */
export function parseWithPattern(text: string, pattern: string): number | undefined {
  if (pattern === '') return undefined;
  const { re, fields } = compile(pattern);
  const m = re.exec(text.trim());
  if (!m) return undefined;
  const v: Partial<Record<Field, string>> = {};
  fields.forEach((f, i) => (v[f] = m[i + 1]));
  const year = v.year4 !== undefined ? Number(v.year4) : v.year2 !== undefined ? expandTwoDigitYear(Number(v.year2)) : undefined;
  const month = v.month !== undefined ? Number(v.month) : v.monthName !== undefined ? monthFromName(v.monthName) : undefined;
  const day = v.day !== undefined ? Number(v.day) : undefined;
  let serial = 0;
  const hasDate = year !== undefined || month !== undefined || day !== undefined;
  if (hasDate) {
    if (year === undefined || month === undefined || day === undefined) return undefined;
    if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    serial = serialFromYmd(year, month, day);
  }
  let hour = Number(v.hour ?? v.hour12 ?? 0);
  if (v.hour12 !== undefined || v.ampm !== undefined) {
    if (v.ampm === undefined || hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (v.ampm[0].toUpperCase() === 'P' ? 12 : 0);
  }
  const minute = Number(v.minute ?? 0);
  const second = Number(v.second ?? 0) + (v.fraction ? Number(`0.${v.fraction}`) : 0);
  if (hour > 23 || minute > 59 || second >= 60) return undefined;
  if (!hasDate && v.hour === undefined && v.hour12 === undefined && v.minute === undefined) return undefined;
  return serial + (hour * 3600 + minute * 60 + second) / 86400;
}
