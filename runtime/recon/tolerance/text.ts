/**
 * text: text compared with case and space rules and an optional equivalence table
 * ("Buy" = "B"). ignoreSpaces trims and collapses runs of whitespace ("ACME  Corp " = "ACME Corp").
 */
import { pairsOf, referenceTable } from '../reference-tables';
import { textComparator } from './text-comparator';
import type { RuleOf, ToleranceKind } from './types';
import { list } from './words';

export function textNormaliser(ignoreCase: boolean, ignoreSpaces: boolean): (s: string) => string {
  return (s) => {
    let t = ignoreSpaces ? s.trim().replace(/\s+/g, ' ') : s;
    if (ignoreCase) t = t.toUpperCase();
    return t;
  };
}

export const textKind: ToleranceKind<RuleOf<'text'>> = {
  kind: 'text',
  label: 'Text',
  doc: 'Text must match, by default ignoring case and extra spaces; an equivalence table maps values to one canonical form (Buy = B).',
  params: [
    { name: 'ignoreCase', type: 'boolean', doc: 'ACME and Acme match (default on).', optional: true, default: true },
    { name: 'ignoreSpaces', type: 'boolean', doc: 'Leading, trailing and repeated spaces do not count (default on).', optional: true, default: true },
    { name: 'equivalents', type: 'reference-table', doc: 'Two-column reference table: value → canonical value.', optional: true },
  ],
  describe(rule) {
    const ignoring = [(rule.ignoreCase ?? true) && 'case', (rule.ignoreSpaces ?? true) && 'extra spaces'].filter((x): x is string => !!x);
    const parts = [ignoring.length ? `ignoring ${list(ignoring)}` : 'exactly as written'];
    if (rule.equivalents) parts.push(`with the equivalents in the ${rule.equivalents} table`);
    return `${rule.field} must match, ${parts.join(', ')}`;
  },
  compile(rule, ctx) {
    const base = textNormaliser(rule.ignoreCase ?? true, rule.ignoreSpaces ?? true);
    let normalise = base;
    if (rule.equivalents) {
      const table = referenceTable(ctx.referenceTables, rule.equivalents, `The text rule on ${rule.field}`, ctx.report);
      const map = new Map((table ? pairsOf(table) : []).map(({ from, to }) => [base(from), base(to)]));
      normalise = (s) => {
        const t = base(s);
        return map.get(t) ?? t;
      };
    }
    return textComparator(rule, textKind.describe(rule, ctx), ctx, normalise);
  },
};
