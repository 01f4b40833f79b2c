/**
 * Decimal views of binary doubles at Excel's 15 significant digits. Excel shows and rounds the
 * decimal an analyst sees: 2.675 is stored as 2.67499999..., yet TEXT(2.675,"0.00") is "2.68",
 * and 0.3/0.1 is 3. Working on the 15-digit decimal string reproduces that without BigInt.
 */

/** |x| = int(digits) * 10^exp. `digits` has no leading or trailing zeros ("" for zero). */
export interface Decimal {
  readonly digits: string;
  readonly exp: number;
}

export const ZERO: Decimal = { digits: '', exp: 0 };

/** |x| rounded to 15 significant digits. */
export function toDecimal(x: number): Decimal {
  if (x === 0 || !Number.isFinite(x)) return ZERO;
  const [mant, e] = Math.abs(x).toExponential(14).split('e');
  return normalize(mant.replace('.', ''), Number(e) - 14);
}

function normalize(digits: string, exp: number): Decimal {
  let d = digits.replace(/^0+/, '');
  let e = exp;
  while (d.endsWith('0')) {
    d = d.slice(0, -1);
    e++;
  }
  return d === '' ? ZERO : { digits: d, exp: e };
}

/** Multiplies by 10^k exactly (percent and scaling commas in number formats). */
export function shift(d: Decimal, k: number): Decimal {
  return d.digits === '' ? d : { digits: d.digits, exp: d.exp + k };
}

/** Power of ten of the leading digit: 1234 -> 3, 0.05 -> -2. Undefined for zero. */
export function leadExponent(d: Decimal): number | undefined {
  return d.digits === '' ? undefined : d.digits.length - 1 + d.exp;
}

/** Increments a digit string by one unit in the last place. */
function increment(digits: string): string {
  const a = digits.split('');
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i] !== '9') {
      a[i] = String(Number(a[i]) + 1);
      return a.join('');
    }
    a[i] = '0';
  }
  return `1${a.join('')}`;
}

/** Rounds half away from zero to `places` decimals (negative places round to tens, hundreds...). */
export function roundDecimal(d: Decimal, places: number): Decimal {
  if (d.digits === '' || d.exp >= -places) return d;
  const drop = -places - d.exp;
  const padded = d.digits.padStart(drop + 1, '0');
  const keep = padded.slice(0, padded.length - drop);
  const up = padded[padded.length - drop] >= '5';
  return normalize(up ? increment(keep) : keep, -places);
}

/** Integer and fraction digit strings: 1234.5 -> { int: "1234", frac: "5" }; int "" when < 1. */
export function splitDecimal(d: Decimal): { int: string; frac: string } {
  if (d.digits === '') return { int: '', frac: '' };
  if (d.exp >= 0) return { int: d.digits + '0'.repeat(d.exp), frac: '' };
  const point = d.digits.length + d.exp;
  if (point <= 0) return { int: '', frac: '0'.repeat(-point) + d.digits };
  return { int: d.digits.slice(0, point), frac: d.digits.slice(point) };
}

/** Rounds to 15 significant digits, Excel's precision for results. */
export const round15 = (x: number): number => (Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(15)) : x);

/** Integer mantissa and exponent, for exact integer arithmetic on small decimals. */
function parts(x: number): { m: number; e: number } {
  const d = toDecimal(x);
  return { m: (x < 0 ? -1 : 1) * Number(d.digits || '0'), e: d.exp };
}

const pow10 = (k: number): number => Number(`1e${k}`);

function scaled(intValue: number, k: number): number {
  return k >= 0 ? intValue * pow10(k) : intValue / pow10(-k);
}

/** a - b computed on the 15-digit decimals: 0.0125 - 0.012 is exactly 0.0005 (times 10^k). */
export function decimalSubtract(a: number, b: number, timesPow10 = 0): number {
  const pa = parts(a);
  const pb = parts(b);
  const e = Math.min(pa.e, pb.e);
  const ia = pa.m * pow10(pa.e - e);
  const ib = pb.m * pow10(pb.e - e);
  if (!Number.isSafeInteger(ia) || !Number.isSafeInteger(ib)) return round15((a - b) * pow10(timesPow10));
  return round15(scaled(ia - ib, e + timesPow10));
}

/** a / b on the 15-digit decimals: 0.3 / 0.1 is exactly 3. Caller rules out b = 0. */
export function decimalDivide(a: number, b: number): number {
  const pa = parts(a);
  const pb = parts(b);
  if (pb.m === 0) return NaN;
  return round15(scaled(pa.m / pb.m, pa.e - pb.e));
}
