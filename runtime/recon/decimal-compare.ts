/**
 * Tolerance comparisons with no false breaks from binary floating point. 1.1 − 1.0 is
 * 0.10000000000000009 in doubles, which a naive `<= 0.1` calls a break; an analyst calls it 0.1.
 *
 * The fast path decides in doubles whenever the difference is clearly inside or clearly outside
 * the threshold: clear means further from it than 1e-12 of the operands' magnitude, a thousand
 * times the worst rounding error of a subtraction. Only the rare pair within that band is decided
 * on 15-digit decimals (Excel's precision): the difference is taken on the decimal digits the
 * analyst sees, and the threshold (abs + rel × |x|, k × tick…) is rounded to 15 digits too.
 */
import { decimalSubtract, round15 } from '../formula/library/decimal-math';
import { numbersEqual } from '../formula/library/values';

const BAND = 1e-12;

/** Equal at 15 significant digits: 0.1 + 0.2 and 0.3 are the same number here. */
export function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  const d = Math.abs(a - b);
  if (!(d <= BAND * Math.max(Math.abs(a), Math.abs(b)))) return false;
  return numbersEqual(a, b);
}

/**
 * |a − b| × 10^pow10 ≤ threshold, decided on decimals near the boundary. `threshold` is computed
 * by the caller in doubles; it is rounded to 15 significant digits before the exact comparison.
 */
export function withinThreshold(a: number, b: number, threshold: number, pow10 = 0): boolean {
  const scale = pow10 === 0 ? 1 : 10 ** pow10;
  const d = Math.abs(a - b) * scale;
  const band = BAND * Math.max(Math.abs(a) * scale, Math.abs(b) * scale, threshold);
  if (d < threshold - band) return true;
  if (d > threshold + band) return false;
  return Math.abs(decimalSubtract(a, b, pow10)) <= round15(threshold);
}

/** a − b on 15-digit decimals: 100.25 − 100 is exactly 0.25. */
export function decimalDiff(a: number, b: number): number {
  const d = a - b;
  // Exact in doubles when both are integers of modest size (quantities, day serials).
  if (Number.isInteger(a) && Number.isInteger(b) && Math.abs(a) < 2 ** 52 && Math.abs(b) < 2 ** 52) return d;
  return decimalSubtract(a, b);
}

/**
 * A normalised distance in [0, 1): 0 for equal, growing with |diff| ÷ allowance (a millionth of the
 * value when the rule allows nothing). Logarithmic, so it still tells 1,000× from 2,000× apart.
 * Ranks candidate pairings.
 */
export function squash(diff: number, allowance: number, magnitude: number): number {
  const d = Math.abs(diff);
  if (d === 0) return 0;
  const unit = allowance > 0 ? allowance : Math.max(Math.abs(magnitude), 1e-9) * 1e-6;
  const x = Math.log1p(d / unit);
  return x / (1 + x);
}

/** Sums that read like an analyst's: Neumaier-compensated, then rounded to 15 digits (0.1 × 10 is 1). */
export function decimalSum(values: Float64Array, rows: ArrayLike<number>, from: number, to: number, nulls?: Uint8Array): { sum: number; blanks: number } {
  let sum = 0;
  let c = 0;
  let blanks = 0;
  for (let i = from; i < to; i++) {
    const r = rows[i];
    if (nulls?.[r]) { blanks++; continue; }
    const v = values[r];
    if (v !== v) { blanks++; continue; }
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return { sum: round15(sum + c), blanks };
}
