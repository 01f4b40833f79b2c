/** Conditional rule sets in the editor: unique names, a `when` formula, and the set in plain English. */
import { describeRule, type DescribeContext } from '../../runtime/recon/index';
import type { RuleSet } from './rules-types';

export function ruleSetNameProblem({ name, ruleSets, except }: { name: string; ruleSets: readonly RuleSet[]; except?: number }): string | undefined {
  if (!name.trim()) return 'Give the rule set a name, e.g. Rates.';
  const clash = ruleSets.findIndex((s, i) => i !== except && s.name.trim().toLowerCase() === name.trim().toLowerCase());
  return clash >= 0 ? `A rule set named \`${ruleSets[clash].name}\` already exists: choose another name.` : undefined;
}

export const whenProblem = (when: string): string | undefined =>
  when.trim() ? undefined : 'Write when the set applies, as a formula TRUE for those rows, e.g. [Asset Class] = "Rates".';

export function nextRuleSetName(ruleSets: readonly RuleSet[]): string {
  let n = ruleSets.length + 1;
  while (ruleSets.some((s) => s.name.trim().toLowerCase() === `rule set ${n}`)) n++;
  return `Rule set ${n}`;
}

/** "When [Asset Class] = "Rates" on internal rows: Price may differ by up to 0.5 basis points; other fields keep the default rules." */
export function describeRuleSet({ ruleSet, bookOfRecord, describe = {} }: { ruleSet: RuleSet; bookOfRecord: string; describe?: DescribeContext }): string {
  const when = ruleSet.when.trim() || '(no condition yet)';
  const rules = ruleSet.rules.map((r) => describeRule(r, describe));
  const body = rules.length ? `${rules.join('; ')}; other fields keep the default rules` : 'the default rules apply (no rules in this set yet)';
  return `When ${when} on ${bookOfRecord} rows: ${body}.`;
}
