/**
 * Rules in plain English for the studio's rule editor and the break review: each tolerance kind
 * says its own sentence ("Trade Price may differ by up to 1 tick (tick size by Product from the
 * Ticks table)").
 */
import { toleranceKind } from './tolerance/registry';
import type { DescribeContext } from './tolerance/types';
import type { RuleData } from './types';

export function describeRule(rule: RuleData, ctx: DescribeContext = {}): string {
  const kind = toleranceKind(rule.kind);
  return kind ? kind.describe(rule, ctx) : `${rule.field} has an unknown rule kind \`${String(rule.kind)}\``;
}
