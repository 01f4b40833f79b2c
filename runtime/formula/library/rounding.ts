/**
 * ROUND, ROUNDUP, ROUNDDOWN, INT, CEILING, FLOOR, MROUND and MOD all round the 15-digit
 * decimal the analyst sees (decimal-math.ts), so ROUND(2.675, 2) is 2.68 and INT of a value
 * displayed as 8 is 8, as in Excel. Pure and QuickJS-safe.
 */
import { toDecimal } from './decimal-math';

/** How the dropped digits move the kept ones, on the magnitude (the sign is applied after). */
export type RoundMode = 'half-away' | 'away' | 'toward';

/**
 * Rounds x at `places` decimals (negative: tens, hundreds...). Non-finite when the result
 * overflows (ROUNDUP(1, -400)); callers turn that into #NUM!.
 */
export function roundAt(x: number, places: number, mode: RoundMode): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  if (places > -16 && places < 16) {
    const fast = roundInBinary(x, places, mode);
    if (fast !== undefined) return fast;
  }
  return roundInDecimal(x, places, mode);
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The common case without strings, which matters because ROUND sits in most mapping formulas
 * and QuickJS is an interpreter. |x| scaled by an exact power of ten lies within 5.2e-15
 * (relative) of the scaled 15-digit decimal; when the dropped fraction is further than twice
 * that from the rounding boundary, rounding the double rounds the decimal the same way.
 * Otherwise (2.675 → 267.49999999999997) it answers undefined and the decimal path decides.
 */
function roundInBinary(x: number, places: number, mode: RoundMode): number | undefined {
  const scale = POW10[places < 0 ? -places : places];
  const a = places >= 0 ? Math.abs(x) * scale : Math.abs(x) / scale;
  const whole = Math.floor(a);
  const f = a - whole;
  const margin = a * 1e-14;
  let k: number;
  if (f === 0 && a < 1e15) k = whole;
  else if (mode === 'half-away') {
    if (Math.abs(f - 0.5) <= margin) return undefined;
    k = f > 0.5 ? whole + 1 : whole;
  } else {
    if (f <= margin || 1 - f <= margin) return undefined;
    k = mode === 'away' ? whole + 1 : whole;
  }
  // k and the scale are exact, so one IEEE operation gives the double nearest the decimal.
  const r = places >= 0 ? k / scale : k * scale;
  return x < 0 && r !== 0 ? -r : r;
}

function roundInDecimal(x: number, places: number, mode: RoundMode): number {
  const d = toDecimal(x);
  const drop = -places - d.exp;
  const sign = x < 0 ? '-' : '';
  if (drop <= 0) return Number(`${sign}${d.digits}e${d.exp}`);
  const padded = d.digits.padStart(drop + 1, '0');
  const kept = Number(padded.slice(0, padded.length - drop));
  // Normalised digits end in a non-zero digit, so 'away' always has something to round up.
  const bump = mode === 'away' || (mode === 'half-away' && padded.charCodeAt(padded.length - drop) >= 53);
  const r = bump ? kept + 1 : kept;
  return r === 0 ? 0 : Number(`${sign}${r}e${-places}`);
}

/** Floor of the displayed value: INT(-1.5) = -2. */
export function floorShown(x: number): number {
  return roundAt(x, 0, x < 0 ? 'away' : 'toward');
}

export function ceilShown(x: number): number {
  return roundAt(x, 0, x < 0 ? 'toward' : 'away');
}

/** A digits argument as Excel reads it: truncated, and clamped far outside doubles' range. */
export function placesArg(d: number): number {
  const t = Math.trunc(d);
  return t > 400 ? 400 : t < -400 ? -400 : t;
}
