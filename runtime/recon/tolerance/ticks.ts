/** ticks: |left − right| ≤ k × tick size; 100.25 vs 100.00 is within 1 tick of 0.25. */
import { decimalDivide } from '../../formula/library/decimal-math';
import { decimalDiff, withinThreshold } from '../decimal-compare';
import { numericComparator } from './numeric-comparator';
import { resolveTickSizes } from './tick-sizes';
import type { DescribeContext, RuleOf, ToleranceKind } from './types';
import { num, plural } from './words';

function tickSource(rule: RuleOf<'ticks'>, _ctx: DescribeContext): string {
  if (rule.tickSize !== undefined) return `tick size ${num(rule.tickSize)}`;
  if (rule.tickColumn !== undefined) return `tick size from the ${rule.tickColumn} column`;
  if (rule.tickTable !== undefined) return `tick size by ${rule.tickKey ?? 'Product'} from the ${rule.tickTable} table`;
  return 'no tick size set';
}

export const ticksKind: ToleranceKind<RuleOf<'ticks'>> = {
  kind: 'ticks',
  label: 'Ticks',
  doc: 'Prices may differ by up to `value` ticks. The tick size comes from a reference table by product (tickTable, tickKey), from a column (tickColumn), or is fixed (tickSize).',
  params: [
    { name: 'value', type: 'number', doc: 'How many ticks are allowed.', default: 1 },
    { name: 'tickTable', type: 'reference-table', doc: 'Reference table of tick sizes by product.', optional: true },
    { name: 'tickKey', type: 'column', doc: 'The column naming the product (default Product).', optional: true, default: 'Product' },
    { name: 'tickColumn', type: 'column', doc: 'A column holding each row\'s tick size.', optional: true },
    { name: 'tickSize', type: 'number', doc: 'One tick size for every row.', optional: true },
  ],
  describe: (rule, ctx) => `${rule.field} may differ by up to ${plural(rule.value, 'tick')} (${tickSource(rule, ctx)})`,
  check(rule) {
    const sources = [rule.tickSize !== undefined, rule.tickColumn !== undefined, rule.tickTable !== undefined].filter(Boolean).length;
    if (sources === 0) return [`${rule.field || 'The field'} has no tick size: pick a tick table (looked up by product), a column holding the tick size, or enter one fixed tick size.`];
    if (sources > 1) return [`Several tick sizes are set; the fixed size wins, then the column, then the table: clear the ones you do not mean.`];
    if (rule.tickKey !== undefined && rule.tickTable === undefined) return ['A product column only matters with a tick table: pick the tick table, or clear the product column.'];
    return [];
  },
  compile(rule, ctx) {
    const ticks = resolveTickSizes(rule, ctx);
    const k = rule.value;
    return numericComparator(rule, ticksKind.describe(rule, ctx), ctx, {
      within(a, b, l, r) {
        const size = ticks.at(l, r);
        return size > 0 && withinThreshold(a, b, k * size);
      },
      allowance: (_a, _b, l, r) => {
        const size = ticks.at(l, r);
        return size > 0 ? k * size : 0;
      },
      measure(a, b, l, r) {
        const size = ticks.at(l, r);
        return size > 0 ? { value: Math.abs(decimalDivide(decimalDiff(a, b), size)), unit: 'ticks' } : undefined;
      },
    });
  },
};
