/**
 * Renders date/time format sections (yyyy mm dd hh:mm:ss AM/PM [h] ...) for TEXT.
 * English month and day names: there is no Intl in the sandbox, and reports need one spelling.
 */
import { DAY_NAMES, MAX_SERIAL, MONTH_NAMES, timeParts, weekdayOf, ymdFromSerial } from './dates';
import type { Token } from './format-tokens';
import { ERR, FormulaError } from './values';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const isHourCode = (c: string) => c[0] === 'h' || c === '[h]';
const isSecondCode = (c: string) => c[0] === 's' || c === '[s]';

/** "m"/"mm" mean minutes right after an hour code or right before a seconds code (Excel's rule). */
function minuteFlags(tokens: readonly Token[]): boolean[] {
  const dates = tokens.map((t, i) => ({ t, i })).filter((x) => x.t.t === 'date');
  const flags = tokens.map(() => false);
  dates.forEach(({ t, i }, k) => {
    if (t.t !== 'date' || (t.code !== 'm' && t.code !== 'mm')) return;
    const prev = dates[k - 1]?.t;
    const next = dates[k + 1]?.t;
    if ((prev?.t === 'date' && isHourCode(prev.code)) || (next?.t === 'date' && isSecondCode(next.code))) flags[i] = true;
  });
  return flags;
}

/** Digits after "ss." ("ss.000" shows milliseconds), keyed by the index of the point token. */
function fractionDigits(tokens: readonly Token[]): Map<number, number> {
  const out = new Map<number, number>();
  tokens.forEach((t, i) => {
    if (t.t !== 'date' || !isSecondCode(t.code) || tokens[i + 1]?.t !== 'point') return;
    let n = 0;
    while (tokens[i + 2 + n]?.raw === '0') n++;
    if (n > 0) out.set(i + 1, Math.min(n, 3));
  });
  return out;
}

export function renderDate(tokens: readonly Token[], serial: number): string | FormulaError {
  // Excel shows ##### for a negative or too-large date; TEXT reports it as #VALUE!.
  if (!(serial >= 0 && serial < MAX_SERIAL + 1)) return ERR.VALUE;
  const fractions = fractionDigits(tokens);
  const digits = Math.max(0, ...fractions.values());
  const tp = timeParts(serial, digits);
  const { year, month, day } = ymdFromSerial(tp.days);
  const minutes = minuteFlags(tokens);
  const twelveHour = tokens.some((t) => t.t === 'date' && (t.code === 'am/pm' || t.code === 'a/p'));
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const n = fractions.get(i);
    if (n !== undefined) {
      out += `.${pad(tp.fraction, digits).slice(0, n)}`;
      i += n;
      continue;
    }
    if (t.t !== 'date') {
      out += t.raw;
      continue;
    }
    const c = t.code;
    const len = c.length;
    if (minutes[i]) out += pad(tp.minute, len);
    else if (c === '[h]') out += pad(tp.days * 24 + tp.hour, t.raw.length - 2);
    else if (c === '[m]') out += pad((tp.days * 24 + tp.hour) * 60 + tp.minute, t.raw.length - 2);
    else if (c === '[s]') out += pad(((tp.days * 24 + tp.hour) * 60 + tp.minute) * 60 + tp.second, t.raw.length - 2);
    else if (c === 'am/pm' || c === 'a/p') {
      const pm = tp.hour >= 12;
      const word = c === 'am/pm' ? (pm ? 'PM' : 'AM') : pm ? 'P' : 'A';
      out += t.raw[0] === t.raw[0].toLowerCase() ? word.toLowerCase() : word;
    } else if (c[0] === 'y') out += len <= 2 ? pad(year % 100, 2) : pad(year, 4);
    else if (c[0] === 'm') {
      const name = MONTH_NAMES[month - 1];
      out += len === 1 ? String(month) : len === 2 ? pad(month, 2) : len === 3 ? name.slice(0, 3) : len === 5 ? name[0] : name;
    } else if (c[0] === 'd') {
      const name = DAY_NAMES[weekdayOf(tp.days)];
      out += len <= 2 ? pad(day, len) : len === 3 ? name.slice(0, 3) : name;
    } else if (c[0] === 'h') out += pad(twelveHour ? tp.hour % 12 || 12 : tp.hour, Math.min(len, 2));
    else if (c[0] === 's') out += pad(tp.second, Math.min(len, 2));
  }
  return out;
}
