/** abs: |left − right| ≤ value, inclusive, on 15-digit decimals (1.0 vs 1.1 is within 0.1). */
import { withinThreshold } from '../decimal-compare';
import { numericComparator } from './numeric-comparator';
import type { RuleOf, ToleranceKind } from './types';
import { num } from './words';

export const absKind: ToleranceKind<RuleOf<'abs'>> = {
  kind: 'abs',
  label: 'Absolute difference',
  doc: 'The values may differ by up to `value`, inclusive: |left − right| ≤ value.',
  params: [{ name: 'value', type: 'number', doc: 'The largest difference allowed, in the field\'s units.', default: 0.01 }],
  describe: (rule) => `${rule.field} may differ by up to ${num(rule.value)}`,
  compile(rule, ctx) {
    const v = rule.value;
    return numericComparator(rule, absKind.describe(rule, ctx), ctx, {
      within: (a, b) => withinThreshold(a, b, v),
      allowance: () => v,
    });
  },
};
