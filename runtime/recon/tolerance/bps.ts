/** bps: for rates, |left − right| × 10,000 ≤ value basis points (0.0525 vs 0.05255 is 0.5 bp). */
import { decimalSubtract } from '../../formula/library/decimal-math';
import { withinThreshold } from '../decimal-compare';
import { numericComparator } from './numeric-comparator';
import type { RuleOf, ToleranceKind } from './types';
import { plural } from './words';

export const bpsKind: ToleranceKind<RuleOf<'bps'>> = {
  kind: 'bps',
  label: 'Basis points',
  doc: 'For rates written as decimals (0.0525 = 5.25%): they may differ by up to `value` basis points, |left − right| × 10,000 ≤ value.',
  params: [{ name: 'value', type: 'number', doc: 'Basis points allowed: 0.5 is half a basis point.', default: 0.5 }],
  describe: (rule) => `${rule.field} may differ by up to ${plural(rule.value, 'basis point')}`,
  compile(rule, ctx) {
    const v = rule.value;
    return numericComparator(rule, bpsKind.describe(rule, ctx), ctx, {
      within: (a, b) => withinThreshold(a, b, v, 4),
      allowance: () => v / 10_000,
      measure: (a, b) => ({ value: Math.abs(decimalSubtract(a, b, 4)), unit: 'bps' }),
    });
  },
};
