/**
 * Numbers as broker files write them, parsed straight from a range of bytes (ASCII-compatible
 * text: UTF-8 or windows-1252) so the delimited reader never makes a string just to read a
 * number; parseNumberText serves strings through the same code. Browser-safe.
 *
 * Accepted (surrounding spaces ignored):
 *   1234   -1234   +1234   1234.50   .5   1,234,567.89   1.5E+07
 *   (1,234.50)   1234.50-   1,234.50-        broker negatives: parentheses or a trailing minus
 * Refused, so the column stays text:
 *   00123, 0042.5   a leading zero before another digit marks a code (account, CUSIP, zip)
 *   more than 15 integer digits: a float64 cannot hold them exactly, so they are identifiers
 *   1,23   12,3456  misplaced separators (perhaps a decimal comma): not guessed
 *   $12, 12%, 1 234  symbols and spaced groups are left as text
 *
 * The value is exact: up to 15 significant digits it is m / 10^k (or m × 10^k) of two exact
 * doubles, which IEEE division rounds correctly (Clinger's fast path); longer inputs fall back
 * to Number() on the digits.
 */

import { asciiBytes } from './ascii-bytes';

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

const SPACE = 32, TAB = 9, PLUS = 43, MINUS = 45, COMMA = 44, DOT = 46, OPEN = 40, CLOSE = 41, D0 = 48, D9 = 57, E = 101, EU = 69;

/** The number in bytes[start, end), or NaN when the text is not a number by the rules above. */
export function parseNumberBytes(b: Uint8Array, start: number, end: number): number {
  while (start < end && isSpace(b[start])) start++;
  while (end > start && isSpace(b[end - 1])) end--;
  if (start === end) return NaN;
  let i = start;
  let negative = false;
  let c = b[i];
  let parens = false;
  if (c === OPEN) {
    if (b[end - 1] !== CLOSE) return NaN;
    parens = true;
    negative = true;
    i++;
    end--;
  } else if (c === MINUS || c === PLUS) {
    negative = c === MINUS;
    i++;
  } else if (b[end - 1] === MINUS) {
    negative = true;
    end--;
  }
  if (!parens && i < end && b[end - 1] === MINUS) return NaN; // "-12-"

  // Integer part, with optional thousands groups.
  let mantissa = 0;
  let digits = 0; // significant digits taken into the mantissa
  let intDigits = 0;
  let groupRun = -1; // digits since the last comma; -1 = no comma seen
  const intStart = i;
  for (; i < end; i++) {
    c = b[i];
    if (c >= D0 && c <= D9) {
      if (intDigits === 0 && c === D0 && i + 1 < end && isDigit(b[i + 1])) return NaN; // leading zero: a code
      intDigits++;
      if (mantissa !== 0 || c !== D0) { mantissa = mantissa * 10 + (c - D0); digits++; }
      if (groupRun >= 0) groupRun++;
    } else if (c === COMMA) {
      // Groups of three after a first group of one to three digits that is not all zeros.
      if (intDigits === 0 || (groupRun >= 0 ? groupRun !== 3 : intDigits > 3 || mantissa === 0)) return NaN;
      groupRun = 0;
    } else break;
  }
  if (groupRun >= 0 && groupRun !== 3) return NaN;
  if (intDigits > 15) return NaN;

  // Fraction.
  let scale = 0;
  let fracDigits = 0;
  if (i < end && b[i] === DOT) {
    i++;
    for (; i < end; i++) {
      c = b[i];
      if (c < D0 || c > D9) break;
      fracDigits++;
      if (mantissa !== 0 || c !== D0) { mantissa = mantissa * 10 + (c - D0); digits++; }
      scale--;
    }
  }
  if (intDigits === 0 && fracDigits === 0) return NaN;

  // Exponent.
  if (i < end && ((c = b[i]) === E || c === EU)) {
    i++;
    let expNegative = false;
    if (i < end && ((c = b[i]) === PLUS || c === MINUS)) { expNegative = c === MINUS; i++; }
    let exp = 0;
    const expStart = i;
    for (; i < end; i++) {
      c = b[i];
      if (c < D0 || c > D9) break;
      if (exp < 100000) exp = exp * 10 + (c - D0);
    }
    if (i === expStart) return NaN;
    scale += expNegative ? -exp : exp;
  }
  if (i !== end) return NaN;

  let value: number;
  if (digits <= 15 && scale >= -22 && scale <= 22) {
    value = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
  } else {
    let digitsText = '';
    for (let k = intStart; k < end; k++) if (b[k] !== COMMA) digitsText += String.fromCharCode(b[k]);
    value = Number(digitsText);
  }
  if (!Number.isFinite(value)) return NaN;
  return negative ? -value : value;
}

/** parseNumberBytes over a string. */
export function parseNumberText(text: string): number {
  const b = asciiBytes(text);
  return parseNumberBytes(b, 0, text.length);
}

const isSpace = (c: number) => c === SPACE || c === TAB;
const isDigit = (c: number) => c >= D0 && c <= D9;
