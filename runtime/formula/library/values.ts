/**
 * Runtime values of the formula language and Excel's coercions between them.
 * This module runs in the host AND inside the QuickJS sandbox (it is bundled into the VM
 * library), so it must stay pure: no imports outside library/, no Intl, no Date.now, no globals.
 */

export const ERROR_CODES = ['#VALUE!', '#DIV/0!', '#N/A', '#NUM!', '#NAME?', '#REF!', '#NULL!'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An Excel error value. Instances are interned: compare with `===` or by `code`. */
export class FormulaError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode) {
    this.code = code;
    Object.freeze(this);
  }
  toString(): string {
    return this.code;
  }
}

export const ERR = Object.freeze({
  VALUE: new FormulaError('#VALUE!'),
  DIV0: new FormulaError('#DIV/0!'),
  NA: new FormulaError('#N/A'),
  NUM: new FormulaError('#NUM!'),
  NAME: new FormulaError('#NAME?'),
  REF: new FormulaError('#REF!'),
  NULL: new FormulaError('#NULL!'),
});

const BY_CODE: Record<string, FormulaError> = Object.fromEntries(
  Object.values(ERR).map((e) => [e.code, e]),
);

export function errorOf(code: string): FormulaError | undefined {
  return BY_CODE[code];
}

/** A scalar cell value. Dates are Excel serial numbers; their static type says they are dates. */
export type Scalar = number | string | boolean | null | FormulaError;
/** Array constants `{1,2}` and reference-table columns `Table[Column]`; only ever function arguments. */
export type ArrayValue = readonly Scalar[];
export type Value = Scalar | ArrayValue;

export const isError = (v: unknown): v is FormulaError => v instanceof FormulaError;
export const isBlank = (v: unknown): v is null => v === null || v === undefined;
export const isArrayValue = (v: unknown): v is ArrayValue => Array.isArray(v);

/** Numeric text Excel accepts in arithmetic: "12", " 1,234.5 ", "-3e2", "50%", "(12)". */
const NUMERIC_TEXT = /^\s*([+-])?\(?\s*(\d{1,3}(,\d{3})+|\d*)(\.\d*)?([eE][+-]?\d+)?\s*\)?\s*(%)?\s*$/;

export function parseNumericText(text: string): number | undefined {
  const m = NUMERIC_TEXT.exec(text);
  if (!m) return undefined;
  const intPart = m[2].replace(/,/g, '');
  const frac = m[4] ?? '';
  if (intPart === '' && (frac === '' || frac === '.')) return undefined;
  const parens = text.includes('(');
  if (parens && !(text.includes(')') && m[1] === undefined)) return undefined;
  if (!parens && text.includes(')')) return undefined;
  let n = Number(`${intPart || '0'}${frac === '.' ? '' : frac}${m[5] ?? ''}`);
  if (m[1] === '-' || parens) n = -n;
  if (m[6]) n /= 100;
  return Number.isFinite(n) ? n : undefined;
}

/** Excel's number coercion: blank 0, TRUE 1, numeric text parsed, other text #VALUE!. */
export function toNumber(v: Value): number | FormulaError {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const n = parseNumericText(v);
    return n === undefined ? ERR.VALUE : n;
  }
  if (v instanceof FormulaError) return v;
  return ERR.VALUE;
}

/** Excel's logical coercion: numbers non-zero, "TRUE"/"FALSE" text, blank FALSE. */
export function toBoolean(v: Value): boolean | FormulaError {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') {
    const u = v.trim().toUpperCase();
    if (u === 'TRUE') return true;
    if (u === 'FALSE') return false;
    return ERR.VALUE;
  }
  if (v instanceof FormulaError) return v;
  return ERR.VALUE;
}

/** A number as Excel's General format writes it into text: up to 15 significant digits. */
export function numberToText(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-9) {
    const [mant, exp] = n.toExponential(14).split('e');
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const s = Number(n.toPrecision(15)).toString();
  if (!s.includes('e')) return s;
  // toString switched to exponent form for small numbers (< 1e-6): expand it.
  return Number(n.toPrecision(15)).toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/** Excel's text coercion: blank "", TRUE "TRUE", numbers General-formatted. */
export function toText(v: Value): string | FormulaError {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return numberToText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof FormulaError) return v;
  return ERR.VALUE;
}

/** Numbers compared at Excel's 15 significant digits, so 0.1+0.2 = 0.3 is TRUE. */
export function numbersEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Number(a.toPrecision(15)) === Number(b.toPrecision(15));
}

/** The first error among the arguments, for Excel's left-to-right error propagation. */
export function firstError(...vs: readonly Value[]): FormulaError | undefined {
  for (const v of vs) if (v instanceof FormulaError) return v;
  return undefined;
}
