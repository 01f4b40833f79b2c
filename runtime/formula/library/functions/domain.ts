/**
 * Domain functions for derivatives operations and EU regulatory reporting: identifier
 * validators, explicit-pattern dates, futures month codes and decimal-correct tick/bps maths.
 * Validators are strict: no trimming or upper-casing, since a reported value must be exact
 * (wrap the argument in TRIM/UPPER to be lenient). Non-text arguments are FALSE, not errors.
 */
import { argNumber, argText, isErr, strict } from '../arg-coerce';
import { parseWithPattern } from '../date-pattern';
import { serialFromYmd, ymdFromSerial } from '../dates';
import { decimalDivide, decimalSubtract } from '../decimal-math';
import { isActiveCurrency, isValidCfi, isValidIsin, isValidLei, isValidMicFormat } from '../iso-codes';
import type { FunctionSpec } from '../registry';
import { ERR, type Value } from '../values';

type Impl = NonNullable<FunctionSpec['impl']>;

function validator(check: (s: string) => boolean): Impl {
  return strict((args) => (typeof args[0] === 'string' ? check(args[0]) : false));
}

const CODE = { name: 'code', type: 'text' } as const;
const MONTH_LETTERS = 'FGHJKMNQUVXZ';

/** CME month code + year, optionally after a product prefix: "H25", "ESH25", "H2025", "ESH5". */
export function monthCode(code: string, todaySerial: number): number | undefined {
  const m = /([A-Za-z])(\d{1,4})$/.exec(code.trim());
  if (!m || m[2].length === 3) return undefined;
  const month = MONTH_LETTERS.indexOf(m[1].toUpperCase()) + 1;
  if (month === 0) return undefined;
  const n = Number(m[2]);
  let year = m[2].length === 4 ? n : 2000 + n;
  if (m[2].length === 1) {
    // One digit names the first year from the business date's year on that ends in it: listed
    // contracts are not traded after expiry, and exchanges list at most ten years out.
    const current = ymdFromSerial(todaySerial).year;
    year = current + ((n - (current % 10) + 10) % 10);
  }
  return year < 1900 || year > 9999 ? undefined : serialFromYmd(year, month, 1);
}

export const DOMAIN_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'LEI_VALID',
    category: 'domain',
    params: [{ name: 'lei', type: 'text' }],
    returns: 'boolean',
    doc: 'TRUE for a well-formed ISO 17442 LEI: 20 upper-case characters, MOD 97-10 check digits. Does not check GLEIF registration.',
    example: { formula: 'LEI_VALID("5493001KJTIIGC8Y1R12")', result: 'TRUE' },
    impl: validator(isValidLei),
  },
  {
    name: 'ISIN_VALID',
    category: 'domain',
    params: [{ name: 'isin', type: 'text' }],
    returns: 'boolean',
    doc: 'TRUE for a well-formed ISO 6166 ISIN: 2 letters, 9 alphanumerics, Luhn check digit.',
    example: { formula: 'ISIN_VALID("US0378331005")', result: 'TRUE' },
    impl: validator(isValidIsin),
  },
  {
    name: 'CFI_VALID',
    category: 'domain',
    params: [{ name: 'cfi', type: 'text' }],
    returns: 'boolean',
    doc: 'TRUE for 6 upper-case letters whose category and group exist in ISO 10962:2021 (attributes are not checked).',
    example: { formula: 'CFI_VALID("FFICSX")', result: 'TRUE' },
    impl: validator(isValidCfi),
  },
  {
    name: 'MIC_VALID',
    category: 'domain',
    params: [{ name: 'mic', type: 'text' }],
    returns: 'boolean',
    doc: 'TRUE for the ISO 10383 MIC format (4 upper-case letters or digits); does not check the MIC is registered.',
    example: { formula: 'MIC_VALID("XEUR")', result: 'TRUE' },
    impl: validator(isValidMicFormat),
  },
  {
    name: 'CCY_VALID',
    category: 'domain',
    params: [{ name: 'currency', type: 'text' }],
    returns: 'boolean',
    doc: 'TRUE for an active ISO 4217 alphabetic code (List One incl. fund and X codes, as of 2025); upper case only.',
    example: { formula: 'CCY_VALID("EUR")', result: 'TRUE' },
    impl: validator(isActiveCurrency),
  },
  {
    name: 'PARSE_DATE',
    category: 'domain',
    params: [
      { name: 'text', type: 'text' },
      { name: 'pattern', type: 'text', doc: 'e.g. "YYYYMMDD", "DD/MM/YYYY", "MM/DD/YY", "DD-MMM-YYYY", "YYYY-MM-DDTHH:mm:ss".' },
    ],
    returns: 'date',
    doc: 'Date (with a time fraction if the pattern has time fields) read with an explicit pattern; #VALUE! when the text does not fit.',
    example: { formula: 'PARSE_DATE("15/03/2025", "DD/MM/YYYY")', result: '2025-03-15' },
    impl: strict((args) => {
      const text = argText(args[0]);
      const pattern = argText(args[1]);
      if (isErr(text)) return text;
      if (isErr(pattern)) return pattern;
      return parseWithPattern(text, pattern) ?? ERR.VALUE;
    }),
  },
  {
    name: 'MONTHCODE',
    category: 'domain',
    params: [{ ...CODE, doc: 'Month letter F G H J K M N Q U V X Z and a 1, 2 or 4-digit year; a product prefix is ignored.' }],
    returns: 'date',
    volatile: true,
    doc: 'First day of the contract month: "H25" and "ESH25" are 2025-03-01. Two digits mean 20xx; one digit the first such year from the business date on.',
    example: { formula: 'MONTHCODE("ESH25")', result: '2025-03-01' },
    impl: strict((args, ctx) => {
      const code = argText(args[0]);
      if (isErr(code)) return code;
      return monthCode(code, ctx?.today ?? 0) ?? ERR.VALUE;
    }),
  },
  {
    name: 'TICKS',
    category: 'domain',
    params: [
      { name: 'diff', type: 'number', doc: 'A price difference.' },
      { name: 'tick_size', type: 'number' },
    ],
    returns: 'number',
    doc: 'diff / tick_size on the decimals you see, so TICKS(0.3, 0.1) is exactly 3; #DIV/0! for a zero tick.',
    example: { formula: 'TICKS(0.3, 0.1)', result: '3' },
    impl: strict((args) => {
      const d = argNumber(args[0]);
      const t = argNumber(args[1]);
      if (isErr(d)) return d;
      if (isErr(t)) return t;
      if (t === 0) return ERR.DIV0;
      const r = decimalDivide(d, t);
      return Number.isFinite(r) ? r : ERR.NUM;
    }),
  },
  {
    name: 'BPS',
    category: 'domain',
    params: [{ name: 'a', type: 'number' }, { name: 'b', type: 'number' }],
    returns: 'number',
    doc: '(a - b) in basis points, (a - b) x 10000 on the decimals you see: BPS(0.0125, 0.012) is exactly 5.',
    example: { formula: 'BPS(0.0125, 0.012)', result: '5' },
    impl: strict((args): Value => {
      const a = argNumber(args[0]);
      const b = argNumber(args[1]);
      if (isErr(a)) return a;
      if (isErr(b)) return b;
      const r = decimalSubtract(a, b, 4);
      return Number.isFinite(r) ? r : ERR.NUM;
    }),
  },
];
