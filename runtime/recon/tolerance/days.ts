/**
 * days: dates may differ by up to N business days (weekends, and holidays from an optional
 * reference table, do not count). Friday and the next Monday are one business day apart.
 * Times of day are ignored: a datetime compares by its date.
 */
import { referenceTable, holidaySerials } from '../reference-tables';
import { BusinessCalendar } from './business-days';
import { numericComparator } from './numeric-comparator';
import type { RuleOf, ToleranceKind } from './types';
import { plural } from './words';

export const daysKind: ToleranceKind<RuleOf<'days'>> = {
  kind: 'days',
  label: 'Business days',
  doc: 'Dates may differ by up to `value` business days. Weekends never count; holidays count when a holiday table is named.',
  params: [
    { name: 'value', type: 'integer', doc: 'Business days allowed; 0 means the same day.', default: 1 },
    { name: 'holidays', type: 'reference-table', doc: 'Reference table of holiday dates (its Date column, else its first).', optional: true },
  ],
  describe(rule) {
    if (rule.value === 0) return `${rule.field} must fall on the same day`;
    const skip = rule.holidays ? `weekends and holidays in the ${rule.holidays} table skipped` : 'weekends skipped';
    return `${rule.field} may differ by up to ${plural(rule.value, 'business day')} (${skip})`;
  },
  compile(rule, ctx) {
    const table = rule.holidays ? referenceTable(ctx.referenceTables, rule.holidays, `The days rule on ${rule.field}`, ctx.report) : undefined;
    const calendar = new BusinessCalendar(table ? holidaySerials(table, rule.holidays!, ctx.report) : []);
    const n = rule.value;
    return numericComparator(rule, daysKind.describe(rule, ctx), ctx, {
      dates: true,
      within: (a, b) => Math.abs(calendar.distance(a, b)) <= n,
      allowance: () => n,
      diff: (a, b) => Math.floor(a) - Math.floor(b),
      measure: (a, b) => ({ value: calendar.distance(a, b), unit: 'business days' }),
    });
  },
};
