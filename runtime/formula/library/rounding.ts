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
