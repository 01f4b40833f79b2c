/**
 * rel: a relative difference.
 *   symmetric (default)  |l − r| ≤ abs + value × max(|l|, |r|)   (the order of sources does not matter)
 *   right                |l − r| ≤ abs + value × |r|              (datacompy's and numpy.isclose's rule)
 */
import { withinThreshold } from '../decimal-compare';
import { numericComparator } from './numeric-comparator';
import type { RuleOf, ToleranceKind } from './types';
import { num, percent } from './words';

function allowanceFor(rule: RuleOf<'rel'>): (a: number, b: number) => number {
  const v = rule.value;
  const abs = rule.abs ?? 0;
  return (rule.mode ?? 'symmetric') === 'right'
    ? (_a, b) => abs + v * Math.abs(b)
    : (a, b) => abs + v * Math.max(Math.abs(a), Math.abs(b));
}

export const relKind: ToleranceKind<RuleOf<'rel'>> = {
  kind: 'rel',
  label: 'Relative difference',
  doc: 'The values may differ by a fraction of their size (0.001 = 0.1%), plus an optional absolute allowance. Mode `symmetric` takes the larger value; mode `right` takes the right-hand value, as datacompy does.',
  params: [
    { name: 'value', type: 'number', doc: 'The fraction allowed: 0.001 is 0.1%.', default: 0.001 },
    { name: 'abs', type: 'number', doc: 'An absolute allowance added to the relative one.', optional: true, default: 0 },
    { name: 'mode', type: 'enum', options: ['symmetric', 'right'], doc: 'Which value the fraction applies to.', optional: true, default: 'symmetric' },
  ],
  describe(rule, ctx) {
    const of = (rule.mode ?? 'symmetric') === 'right' ? `of the ${ctx.right ?? 'right-hand'} value` : 'of the larger value';
    const plus = (rule.abs ?? 0) > 0 ? ` plus ${num(rule.abs ?? 0)}` : '';
    return `${rule.field} may differ by up to ${percent(rule.value)} ${of}${plus}`;
  },
  check(rule) {
    // Analysts write 0.1 meaning 0.1%; the value is a fraction, so flag allowances of 100% or more.
    return rule.value >= 1 ? [`${percent(rule.value)} lets almost any pair match: the value is a fraction, so write 0.001 for 0.1%.`] : [];
  },
  compile(rule, ctx) {
    const allowance = allowanceFor(rule);
    return numericComparator(rule, relKind.describe(rule, ctx), ctx, {
      within: (a, b) => withinThreshold(a, b, allowance(a, b)),
      allowance,
      measure: (a, b) => ({ value: Number(((Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b))) * 100).toPrecision(6)), unit: '%' }),
    });
  },
};
