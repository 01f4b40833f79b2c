import { describe, expect, it } from 'vitest';
import { toDecimal } from './decimal-math';
import { prng } from '../testing/random-formula';
import { roundAt, type RoundMode } from './rounding';

/** The specification: round the 15-digit decimal string, digit by digit. */
function reference(x: number, places: number, mode: RoundMode): number {
  const d = toDecimal(x);
  if (d.digits === '') return 0;
  const digits = d.digits.split('').map(Number);
  const point = digits.length + d.exp; // digits before the decimal point
  const keep = point + places;
  if (keep >= digits.length) return x < 0 ? -Number(`${d.digits}e${d.exp}`) : Number(`${d.digits}e${d.exp}`);
  const kept = keep > 0 ? digits.slice(0, keep) : [];
  const dropped = keep > 0 ? digits.slice(keep) : [...Array(-keep).fill(0), ...digits];
  const up = mode === 'away' ? dropped.some((v) => v > 0) : mode === 'half-away' ? dropped[0] >= 5 : false;
  const k = Number(kept.join('') || '0') + (up ? 1 : 0);
  const r = Number(`${k}e${-places}`);
  return x < 0 && r !== 0 ? -r : r;
}

describe('roundAt', () => {
  it('rounds the decimal the analyst sees', () => {
    expect(roundAt(2.675, 2, 'half-away')).toBe(2.68);
    expect(roundAt(1.005, 2, 'half-away')).toBe(1.01);
    expect(roundAt(-2.5, 0, 'half-away')).toBe(-3);
    expect(roundAt(0.1 + 0.2, 1, 'away')).toBe(0.3);
    expect(roundAt(0.1 + 0.7, 1, 'toward')).toBe(0.8);
    expect(roundAt(1234.5, -2, 'half-away')).toBe(1200);
    expect(roundAt(-0.4, 0, 'half-away')).toBe(0);
    expect(Object.is(roundAt(-0.4, 0, 'half-away'), -0)).toBe(false);
  });

  it('agrees with digit-by-digit decimal rounding on random and boundary values', () => {
    const random = prng(2024);
    const modes: RoundMode[] = ['half-away', 'away', 'toward'];
    const mismatches: string[] = [];
    for (let i = 0; i < 30000; i++) {
      const places = Math.floor(random() * 12) - 3;
      // Half the values sit exactly on a decimal .5 boundary, where binary noise decides wrongly.
      const cents = Math.floor(random() * 1e7) / 10 ** Math.floor(random() * 6);
      const boundary = (Math.floor(random() * 1e6) + 0.5) / 10 ** Math.max(0, places);
      const x = (random() < 0.5 ? cents : boundary) * (random() < 0.5 ? -1 : 1) * (random() < 0.1 ? 1e6 : 1);
      for (const mode of modes) {
        const got = roundAt(x, places, mode);
        const want = reference(x, places, mode);
        if (!Object.is(got, want)) mismatches.push(`${x} ${places} ${mode}: ${got} vs ${want}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
