/**
 * Text functions. Characters are UTF-16 code units, as in Excel's LEN. Results longer than
 * Excel's 32,767-character cell limit are #VALUE! as in Excel (it also keeps REPT bounded).
 */
import { argInt, argText, capText, flatten, isErr, optInt, strict, toBool } from '../arg-coerce';
import { parseDateText } from '../dates';
import { formatValue } from '../number-format';
import type { FunctionSpec } from '../registry';
import { ERR, FormulaError, parseNumericText, toText, type Value } from '../values';
import { TEXT_CODE_FUNCTIONS } from './text-codes';
import { TEXT_SEARCH_FUNCTIONS } from './text-search';

type Impl = NonNullable<FunctionSpec['impl']>;

const TEXT = { name: 'text', type: 'text' } as const;
const COUNT = { name: 'num_chars', type: 'number', optional: true, doc: 'Default 1.' } as const;

function unary(f: (s: string) => Value): Impl {
  return strict((args) => {
    const s = argText(args[0]);
    return isErr(s) ? s : f(s);
  });
}

/** LEFT/RIGHT: text and a non-negative count (default 1). */
function slice(f: (s: string, n: number) => string): Impl {
  return strict((args) => {
    const s = argText(args[0]);
    const n = optInt(args[1], 1);
    if (isErr(s)) return s;
    if (isErr(n)) return n;
    return n < 0 ? ERR.VALUE : f(s, n);
  });
}

/** PROPER: upper-case a letter that follows a non-letter (digits count as non-letters: "2Nd"). */
function proper(s: string): string {
  let out = '';
  let prevLetter = false;
  for (const ch of s) {
    const letter = ch.toLowerCase() !== ch.toUpperCase();
    out += letter ? (prevLetter ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    prevLetter = letter;
  }
  return out;
}

/** VALUE: numeric text ("1,234.5", "12%", "(3)"), ISO/unambiguous dates and times. */
function value(v: Value | undefined): Value {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return 0;
  if (typeof v !== 'string' || v.trim() === '') return ERR.VALUE;
  return parseNumericText(v) ?? parseDateText(v) ?? ERR.VALUE;
}

function joinTexts(items: readonly Value[], delims: readonly string[], ignoreEmpty: boolean): Value {
  const parts: string[] = [];
  for (const item of flatten(items)) {
    const t = toText(item);
    if (t instanceof FormulaError) return t;
    if (ignoreEmpty && t === '') continue;
    parts.push(t);
  }
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) out += delims.length ? delims[(i - 1) % delims.length] + parts[i] : parts[i];
  return capText(out);
}

export const TEXT_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'LEFT',
    category: 'text',
    params: [TEXT, COUNT],
    returns: 'text',
    doc: 'The first num_chars characters of text.',
    example: { formula: 'LEFT("EURUSD", 3)', result: 'EUR' },
    impl: slice((s, n) => s.slice(0, n)),
  },
  {
    name: 'RIGHT',
    category: 'text',
    params: [TEXT, COUNT],
    returns: 'text',
    doc: 'The last num_chars characters of text.',
    example: { formula: 'RIGHT("EURUSD", 3)', result: 'USD' },
    impl: slice((s, n) => (n === 0 ? '' : s.slice(-n))),
  },
  {
    name: 'MID',
    category: 'text',
    params: [TEXT, { name: 'start_num', type: 'number' }, { name: 'num_chars', type: 'number' }],
    returns: 'text',
    doc: 'num_chars characters of text from start_num (1-based); #VALUE! when start_num < 1 or num_chars < 0.',
    example: { formula: 'MID("US0378331005", 3, 9)', result: '037833100' },
    impl: strict((args) => {
      const s = argText(args[0]);
      const start = argInt(args[1]);
      const n = argInt(args[2]);
      for (const v of [s, start, n]) if (isErr(v)) return v;
      if ((start as number) < 1 || (n as number) < 0) return ERR.VALUE;
      return (s as string).substr((start as number) - 1, n as number);
    }),
  },
  {
    name: 'LEN',
    category: 'text',
    params: [TEXT],
    returns: 'number',
    doc: 'Number of characters in text.',
    example: { formula: 'LEN("5493001KJTIIGC8Y1R12")', result: '20' },
    impl: unary((s) => s.length),
  },
  {
    name: 'UPPER',
    category: 'text',
    params: [TEXT],
    returns: 'text',
    doc: 'Text in upper case.',
    example: { formula: 'UPPER("eur")', result: 'EUR' },
    impl: unary((s) => s.toUpperCase()),
  },
  {
    name: 'LOWER',
    category: 'text',
    params: [TEXT],
    returns: 'text',
    doc: 'Text in lower case.',
    example: { formula: 'LOWER("EUR")', result: 'eur' },
    impl: unary((s) => s.toLowerCase()),
  },
  {
    name: 'PROPER',
    category: 'text',
    params: [TEXT],
    returns: 'text',
    doc: 'Capitalizes each letter that follows a non-letter, lower-cases the rest (Excel: "2nd" becomes "2Nd").',
    example: { formula: 'PROPER("deutsche BANK ag")', result: 'Deutsche Bank Ag' },
    impl: unary(proper),
  },
  {
    name: 'TRIM',
    category: 'text',
    params: [TEXT],
    returns: 'text',
    doc: 'Removes leading and trailing spaces and collapses inner runs to one space. Only the space character, as in Excel (not tabs or non-breaking spaces).',
    example: { formula: 'TRIM("  Deutsche   Bank ")', result: 'Deutsche Bank' },
    impl: unary((s) => s.replace(/ {2,}/g, ' ').replace(/^ | $/g, '')),
  },
  {
    name: 'CLEAN',
    category: 'text',
    params: [TEXT],
    returns: 'text',
    doc: 'Removes the non-printing characters 0-31, as Excel does (127 and Unicode controls stay).',
    example: { formula: 'CLEAN(CONCAT("A", CHAR(10), "B"))', result: 'AB' },
    // eslint-disable-next-line no-control-regex
    impl: unary((s) => s.replace(/[\x00-\x1f]/g, '')),
  },
  {
    name: 'CONCAT',
    category: 'text',
    params: [{ name: 'text', type: 'text', repeating: true, acceptsArray: true }],
    returns: 'text',
    doc: 'Joins texts and every element of array arguments; the first error wins.',
    example: { formula: 'CONCAT("EUR", "/", "USD")', result: 'EUR/USD' },
    impl: strict((args) => joinTexts(args, [], false)),
  },
  {
    name: 'CONCATENATE',
    category: 'text',
    params: [{ name: 'text', type: 'text', repeating: true }],
    returns: 'text',
    doc: 'Joins texts (Excel\'s older CONCAT without array arguments).',
    example: { formula: 'CONCATENATE("EUR", "USD")', result: 'EURUSD' },
    impl: strict((args) => (args.some(Array.isArray) ? ERR.VALUE : joinTexts(args, [], false))),
  },
  {
    name: 'TEXTJOIN',
    category: 'text',
    params: [
      { name: 'delimiter', type: 'text', acceptsArray: true, doc: 'An array of delimiters is used in turn.' },
      { name: 'ignore_empty', type: 'boolean', doc: 'TRUE skips empty values.' },
      { name: 'text', type: 'text', repeating: true, acceptsArray: true },
    ],
    returns: 'text',
    doc: 'Joins texts and array elements with a delimiter, optionally skipping empty ones.',
    example: { formula: 'TEXTJOIN("-", TRUE, "a", "", {"b","c"})', result: 'a-b-c' },
    impl: strict((args) => {
      const delims: string[] = [];
      for (const d of flatten([args[0] ?? null])) {
        const t = toText(d);
        if (isErr(t)) return t;
        delims.push(t);
      }
      const ignore = toBool(args[1]);
      return isErr(ignore) ? ignore : joinTexts(args.slice(2), delims, ignore);
    }),
  },
  {
    name: 'TEXT',
    category: 'text',
    params: [
      { name: 'value', type: 'any' },
      { name: 'format_text', type: 'text', doc: 'Excel format code, e.g. "#,##0.00", "0.0%", "yyyy-mm-dd".' },
    ],
    returns: 'text',
    doc: 'Formats a number or date with an Excel format code, rounding the decimal you see; English month/day names; conditions like [>100] and fractions "# ?/?" are #VALUE!.',
    example: { formula: 'TEXT(1234567.891, "#,##0.00")', result: '1,234,567.89' },
    impl: strict((args) => {
      const fmt = argText(args[1]);
      const v = args[0] ?? null;
      if (isErr(fmt)) return fmt;
      if (Array.isArray(v)) return ERR.VALUE;
      const out = formatValue(v as Exclude<Value, readonly unknown[]>, fmt);
      return isErr(out) ? out : capText(out);
    }),
  },
  {
    name: 'VALUE',
    category: 'text',
    params: [TEXT],
    returns: 'number',
    doc: 'Number from text: "1,234.5", "12%", "(3)", ISO dates "2025-03-15", "15-Mar-2025", times "10:30"; locale-specific forms such as "03/04/2025" are #VALUE!.',
    example: { formula: 'VALUE("1,234.50")', result: '1234.5' },
    impl: strict((args) => value(args[0])),
  },
  {
    name: 'EXACT',
    category: 'text',
    params: [{ name: 'text1', type: 'text' }, { name: 'text2', type: 'text' }],
    returns: 'boolean',
    doc: 'TRUE when the two texts are identical, case-sensitive.',
    example: { formula: 'EXACT("EUR", "eur")', result: 'FALSE' },
    impl: strict((args) => {
      const a = argText(args[0]);
      const b = argText(args[1]);
      return isErr(a) ? a : isErr(b) ? b : a === b;
    }),
  },
  {
    name: 'REPT',
    category: 'text',
    params: [TEXT, { name: 'number_times', type: 'number' }],
    returns: 'text',
    doc: 'Text repeated number_times times; #VALUE! when negative or over 32,767 characters.',
    example: { formula: 'REPT("0", 3)', result: '000' },
    impl: strict((args) => {
      const s = argText(args[0]);
      const n = argInt(args[1]);
      if (isErr(s)) return s;
      if (isErr(n)) return n;
      if (n < 0 || s.length * n > 32767) return ERR.VALUE;
      return s.repeat(n);
    }),
  },
  ...TEXT_SEARCH_FUNCTIONS,
  ...TEXT_CODE_FUNCTIONS,
];
