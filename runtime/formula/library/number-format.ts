/**
 * The engine behind TEXT(value, format_text): Excel number format codes rendered to text.
 *
 * Supported: 0 # ? placeholders, "." decimal point, "," thousands separator and scaling commas,
 * %, E+/E- scientific (engineering with "##0.0E+0"), "quoted" literals, \x escapes, _x (a space),
 * *x (dropped), [$€-407] currency literals, colours (ignored), General, @, sections
 * "pos;neg;zero;text", and date/time codes (date-format.ts).
 * Not supported, giving #VALUE!: conditions such as [>100] and fraction formats such as "# ?/?".
 * Rounding is half away from zero on the 15-digit decimal, so TEXT(2.675,"0.00") is "2.68".
 */
import { renderDate } from './date-format';
import { parseDateText } from './dates';
import { leadExponent, roundDecimal, shift, splitDecimal, toDecimal, type Decimal } from './decimal-math';
import { splitSections, tokenize, type Section, type Token } from './format-tokens';
import { ERR, FormulaError, numberToText, parseNumericText, type Scalar } from './values';

const isDigit = (t: Token | undefined): boolean => t?.t === 'digit';

/** Commas between integer placeholders group thousands; commas right after the last placeholder
 * of a part each divide by 1000; any other comma is literal text. */
function classifyCommas(part: readonly Token[]): { group: boolean; scale: number; literal: Set<number> } {
  let group = false;
  let scale = 0;
  const literal = new Set<number>();
  part.forEach((t, i) => {
    if (t.t !== 'comma') return;
    const before = part.slice(0, i).some(isDigit);
    const after = part.slice(i + 1).some(isDigit);
    if (before && after) group = true;
    else if (before) scale++;
    else literal.add(i);
  });
  return { group, scale, literal };
}

/** Integer placeholders filled right to left; the leftmost takes any surplus digits. */
function renderInteger(part: readonly Token[], digits: string, group: boolean, literal: Set<number>): string {
  let slots = part.map((t, i) => i).filter((i) => isDigit(part[i]));
  let tokens = part;
  if (slots.length === 0) {
    // No integer placeholder (".00"): Excel still shows significant integer digits.
    tokens = [...part, { t: 'digit', raw: '#' }];
    slots = [tokens.length - 1];
  }
  const chunks = new Map<number, string>();
  slots.forEach((slot, k) => {
    const fromRight = slots.length - 1 - k;
    const end = digits.length - fromRight;
    const chunk = k === 0 ? digits.slice(0, Math.max(0, end)) : end > 0 ? digits[end - 1] : '';
    const raw = tokens[slot].raw;
    chunks.set(slot, chunk !== '' ? chunk : raw === '0' ? '0' : raw === '?' ? ' ' : '');
  });
  const out: string[] = [];
  let count = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const chunk = chunks.get(i);
    if (chunk === undefined) {
      const t = tokens[i];
      if (t.t !== 'comma' || literal.has(i)) out.push(t.raw);
      continue;
    }
    for (let j = chunk.length - 1; j >= 0; j--) {
      const ch = chunk[j];
      if (ch >= '0' && ch <= '9') {
        if (group && count > 0 && count % 3 === 0) out.push(',');
        count++;
      }
      out.push(ch);
    }
  }
  return out.reverse().join('');
}

/** Fraction placeholders: trailing zeros vanish under #, become spaces under ?. */
function renderFraction(part: readonly Token[], frac: string, literal: Set<number>): string {
  const slots = part.map((t, i) => i).filter((i) => isDigit(part[i]));
  const shown = slots.map((_, k) => frac[k] ?? '0');
  for (let k = slots.length - 1; k >= 0 && shown[k] === '0'; k--) {
    const raw = part[slots[k]].raw;
    if (raw === '0') break;
    shown[k] = raw === '?' ? ' ' : '';
  }
  let k = 0;
  return part
    .map((t, i) => (isDigit(t) ? shown[k++] : t.t === 'comma' && !literal.has(i) ? '' : t.raw))
    .join('');
}

function renderMantissa(tokens: readonly Token[], d: Decimal, group: boolean, lits: [Set<number>, Set<number>]): string {
  const point = tokens.findIndex((t) => t.t === 'point');
  const intPart = point < 0 ? tokens : tokens.slice(0, point);
  const fracPart = point < 0 ? [] : tokens.slice(point + 1);
  const { int, frac } = splitDecimal(d);
  const head = renderInteger(intPart, int, group, lits[0]);
  return point < 0 ? head : `${head}.${renderFraction(fracPart, frac, lits[1])}`;
}

/** A number section for x >= 0; the caller adds the sign. */
function renderNumber(tokens: readonly Token[], x: number): string | FormulaError {
  if (tokens.some((t) => t.t === 'general' || t.t === 'at')) {
    return tokens.map((t) => (t.t === 'general' || t.t === 'at' ? numberToText(x) : t.raw)).join('');
  }
  const e = tokens.findIndex((t) => t.t === 'exp');
  const mant = e < 0 ? tokens : tokens.slice(0, e);
  const point = mant.findIndex((t) => t.t === 'point');
  const intPart = point < 0 ? mant : mant.slice(0, point);
  const fracPart = point < 0 ? [] : mant.slice(point + 1);
  const slash = mant.findIndex((t) => t.t === 'slash');
  if (slash >= 0 && mant.slice(0, slash).some(isDigit) && mant.slice(slash + 1).some(isDigit)) return ERR.VALUE;
  const ints = classifyCommas(intPart);
  const fracs = classifyCommas(fracPart);
  const percents = tokens.filter((t) => t.t === 'percent').length;
  const places = fracPart.filter(isDigit).length;
  let d = shift(toDecimal(x), 2 * percents - 3 * (ints.scale + fracs.scale));
  const lits: [Set<number>, Set<number>] = [ints.literal, fracs.literal];
  if (e < 0) return renderMantissa(mant, roundDecimal(d, places), ints.group, lits);

  const k = intPart.filter(isDigit).length;
  const engineering = k > 1 && intPart.find(isDigit)?.raw === '#';
  const lead = leadExponent(d);
  let exponent = 0;
  if (lead !== undefined) {
    exponent = engineering ? Math.floor(lead / k) * k : k === 0 ? lead + 1 : lead - (k - 1);
    let m = roundDecimal(shift(d, -exponent), places);
    const mLead = leadExponent(m) ?? 0;
    if (engineering ? mLead >= k : mLead > Math.max(k - 1, -1)) {
      // Rounding carried into a new digit (9.99 -> 10.0): move the exponent up one step.
      exponent += engineering ? k : 1;
      m = roundDecimal(shift(d, -exponent), places);
    }
    d = m;
  }
  const expTok = tokens[e] as Extract<Token, { t: 'exp' }>;
  const expPart = tokens.slice(e + 1);
  const width = expPart.filter((t) => t.raw === '0').length || 1;
  const sign = exponent < 0 ? '-' : expTok.plus ? '+' : '';
  const tail = expPart.filter((t) => !isDigit(t)).map((t) => t.raw).join('');
  const body = renderMantissa(mant, roundDecimal(d, places), false, lits);
  return `${body}${expTok.raw[0]}${sign}${String(Math.abs(exponent)).padStart(width, '0')}${tail}`;
}

function renderTextSection(section: Section, text: string): string {
  return section.tokens.map((t) => (t.t === 'at' ? text : t.raw)).join('');
}

const PARSED_LIMIT = 64;
const parsed = new Map<string, readonly Section[] | null>();

/** Sections of a format code, memoized: a column formula formats every row with the same code. */
function sectionsOf(format: string): readonly Section[] | null {
  let secs = parsed.get(format);
  if (secs === undefined) {
    const out: Section[] = [];
    for (const s of splitSections(format)) {
      const sec = tokenize(s);
      if (!sec) {
        secs = null;
        break;
      }
      out.push(sec);
    }
    if (secs === undefined) secs = out;
    if (parsed.size >= PARSED_LIMIT) parsed.delete(parsed.keys().next().value as string);
    parsed.set(format, secs);
  }
  return secs;
}

/** TEXT(value, format). Numeric or date text is formatted as a number, like Excel's TEXT. */
export function formatValue(value: Scalar, format: string): string | FormulaError {
  if (value instanceof FormulaError) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const sections = sectionsOf(format);
  if (!sections) return ERR.VALUE;
  const num =
    typeof value === 'number' ? value : value === null ? 0 : (parseNumericText(value) ?? parseDateText(value));
  if (num === undefined) {
    const text = value as string;
    if (sections.length >= 4) return renderTextSection(sections[3], text);
    if (sections.length === 1 && sections[0].hasText) return renderTextSection(sections[0], text);
    return text;
  }
  if (!Number.isFinite(num)) return ERR.NUM;
  const numeric = sections.length >= 4 ? sections.slice(0, 3) : sections;
  let section = numeric[0];
  let x = num;
  let sign = '';
  if (num < 0 && numeric.length >= 2) {
    section = numeric[1];
    x = -num;
  } else if (num < 0) {
    // One section: Excel prefixes the minus sign, even when the digits round to zero ("-0.00").
    x = -num;
    sign = '-';
  } else if (num === 0 && numeric.length >= 3) section = numeric[2];
  if (section.tokens.length === 0) return '';
  if (section.isDate) return sign ? ERR.VALUE : renderDate(section.tokens, x);
  const body = renderNumber(section.tokens, x);
  return typeof body === 'string' ? sign + body : body;
}
