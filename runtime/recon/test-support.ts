/** Shared by the recon tests: one-row reconciliations that report a field's outcome. */
import { reconcile } from './reconcile';
import { tableOf, type TestColumn } from './test-tables';
import type { ReconcileInput, ReferenceTables, RuleData } from './types';

export type Outcome = 'identical' | 'within' | 'break';

export const key = (name = 'Id', columns: Record<string, string> = { left: name, right: name }, extra: object = {}) => ({ name, columns, ...extra });

/** Compare one left value with one right value of field `field` under `rule`. */
type Cell = string | number | null | { date: string };

export function outcome(rule: RuleData, left: Cell, right: Cell, more: { referenceTables?: ReferenceTables; leftExtra?: Record<string, TestColumn>; rightExtra?: Record<string, TestColumn> } = {}): Outcome {
  const col = (v: unknown): TestColumn => (v !== null && typeof v === 'object' ? { date: [(v as { date: string }).date] } : [v as string | number | null]);
  const result = reconcile({
    left: { name: 'left', table: tableOf('L', { Id: ['1'], [rule.field]: col(left), ...more.leftExtra }) },
    right: { name: 'right', table: tableOf('R', { Id: ['1'], [rule.field]: col(right), ...more.rightExtra }) },
    keys: [key()],
    rules: [rule],
    referenceTables: more.referenceTables,
  });
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new Error(errors.map((f) => f.message).join('\n'));
  const counts = result.summary.byField[rule.field];
  return counts.breaks ? 'break' : counts.withinTolerance ? 'within' : 'identical';
}

export function run(left: Record<string, TestColumn>, right: Record<string, TestColumn>, options: Partial<ReconcileInput> = {}) {
  return reconcile({
    left: { name: 'left', table: tableOf('L', left) },
    right: { name: 'right', table: tableOf('R', right) },
    keys: [key()],
    ...options,
  });
}
