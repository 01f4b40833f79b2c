/** exact: numbers equal at 15 significant digits (0.1 + 0.2 is 0.3), text equal as written. */
import { numericView } from '../column-views';
import { numericComparator } from './numeric-comparator';
import { textComparator } from './text-comparator';
import type { CompileContext, RuleOf, ToleranceKind } from './types';

/** Compare as numbers when both columns hold numbers (a text column counts if every value parses). */
export function comparesAsNumbers(ctx: CompileContext, dates = false): boolean {
  const l = ctx.leftColumn;
  const r = ctx.rightColumn;
  if (l.type !== 'text' && r.type !== 'text') return true;
  if (l.type === 'text' && r.type === 'text') return false;
  return numericView(l.type === 'text' ? l : r, dates).notNumbers === 0;
}

export const exactKind: ToleranceKind<RuleOf<'exact'>> = {
  kind: 'exact',
  label: 'Exact',
  doc: 'The values must be equal: numbers at 15 significant digits, as Excel shows them; text as written, case included.',
  params: [],
  describe: (rule) => `${rule.field} must match exactly`,
  compile(rule, ctx) {
    const sentence = exactKind.describe(rule, ctx);
    if (comparesAsNumbers(ctx)) return numericComparator(rule, sentence, ctx, { within: () => false, allowance: () => 0 });
    return textComparator(rule, sentence, ctx);
  },
};
