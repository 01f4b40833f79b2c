/**
 * Break severity, from data (DESIGN.md §11.5):
 *   1. the template's severity rules: the first rule whose conditions all hold;
 *   2. else the most severe `severity` set on the tolerance rules of the fields that broke;
 *   3. else DEFAULT_SEVERITY_RULES, first match;
 *   4. else warning.
 * A rule's magnitude conditions look at the fields outside tolerance: one of them must meet all of
 * the rule's field and magnitude conditions together.
 */
import type { BreakKind, BreakSeverity, CellValue, RuleData, SeverityRule } from './types';

export const DEFAULT_SEVERITY_RULES: readonly SeverityRule[] = [
  { kind: ['only-left', 'only-right'], severity: 'error' },
  { kind: 'aggregate', severity: 'error' },
  /** A field off by 1% or more of its value, or ten times its allowance, is an error… */
  { kind: 'field', minRelDiff: 0.01, severity: 'error' },
  { kind: 'field', minToleranceMultiple: 10, severity: 'error' },
  /** …smaller field breaks are warnings, as are duplicates and ambiguous pairings. */
  { kind: 'field', severity: 'warning' },
  { kind: ['duplicate', 'ambiguous'], severity: 'warning' },
];

/** What severity needs to know of a field outside tolerance. */
export interface BrokenField {
  readonly field: string;
  readonly left: CellValue;
  readonly right: CellValue;
  readonly diff: number | null;
  readonly allowance: number;
  readonly tolerance: RuleData;
}

const RANK: Record<BreakSeverity, number> = { info: 0, warning: 1, error: 2 };
const asList = <T>(v: T | readonly T[] | undefined): readonly T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v as T]);

function fieldMeets(rule: SeverityRule, f: BrokenField): boolean {
  const fields = asList(rule.field);
  if (fields && !fields.includes(f.field)) return false;
  const needsMagnitude = rule.minAbsDiff !== undefined || rule.minRelDiff !== undefined || rule.minToleranceMultiple !== undefined;
  if (!needsMagnitude) return true;
  // A blank against a value, or text against other text, is as big as a difference gets.
  if (f.diff === null) return true;
  const d = Math.abs(f.diff);
  if (rule.minAbsDiff !== undefined && d < rule.minAbsDiff) return false;
  if (rule.minRelDiff !== undefined) {
    const scale = Math.max(Math.abs(typeof f.left === 'number' ? f.left : 0), Math.abs(typeof f.right === 'number' ? f.right : 0));
    if (scale > 0 && d / scale < rule.minRelDiff) return false;
  }
  if (rule.minToleranceMultiple !== undefined && f.allowance > 0 && d / f.allowance < rule.minToleranceMultiple) return false;
  return true;
}

function matches(rule: SeverityRule, kind: BreakKind, broken: readonly BrokenField[]): boolean {
  const kinds = asList(rule.kind);
  if (kinds && !kinds.includes(kind)) return false;
  const fieldConditions = rule.field !== undefined || rule.minAbsDiff !== undefined || rule.minRelDiff !== undefined || rule.minToleranceMultiple !== undefined;
  return !fieldConditions || broken.some((f) => fieldMeets(rule, f));
}

export function breakSeverity(kind: BreakKind, broken: readonly BrokenField[], templateRules?: readonly SeverityRule[]): BreakSeverity {
  const hit = templateRules?.find((r) => matches(r, kind, broken));
  if (hit) return hit.severity;
  let best: BreakSeverity | undefined;
  for (const f of broken) {
    const s = f.tolerance.severity;
    if (s && (best === undefined || RANK[s] > RANK[best])) best = s;
  }
  if (best) return best;
  return DEFAULT_SEVERITY_RULES.find((r) => matches(r, kind, broken))?.severity ?? 'warning';
}
