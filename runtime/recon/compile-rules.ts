/**
 * Rules → comparators for one pair of sources. Every rule is compiled once through its kind in
 * the registry. Rule set i (chosen per left row by the runner's `when` formulas) replaces the
 * default rule of each field it names; the other fields keep their default rule.
 * A rule on a field a source lacks is reported and left out; the run goes on.
 */
import { closest } from '../formula/check/suggest';
import { columnByName } from '../table/table';
import type { FindingSink } from './reference-tables';
import { toleranceKind } from './tolerance/registry';
import type { FieldComparator } from './tolerance/types';
import type { ReconSource, ReferenceTables, RuleData, RuleSet } from './types';

export interface ComparatorSet {
  readonly comparators: readonly FieldComparator[];
  /** Per comparator: its field's index in `RuleBook.fields`. */
  readonly slots: Int32Array;
}

export interface RuleBook {
  /** Every compared field, default rules first, in rule order. */
  readonly fields: readonly string[];
  readonly sets: readonly ComparatorSet[];
  /** The comparators for a pair whose left row is `l`. */
  setFor(l: number): ComparatorSet;
}

export interface RuleBookInput {
  readonly left: ReconSource;
  readonly right: ReconSource;
  readonly rules?: readonly RuleData[];
  readonly ruleSets?: readonly RuleSet[];
  readonly ruleSetIndex?: Int32Array;
  readonly referenceTables?: ReferenceTables;
  readonly report: FindingSink;
}

export function compileRuleBook(input: RuleBookInput): RuleBook {
  const { left, right, report } = input;
  const fields: string[] = [];
  const slotOf = (field: string) => {
    let i = fields.indexOf(field);
    if (i < 0) i = fields.push(field) - 1;
    return i;
  };
  const compiled = new Map<RuleData, FieldComparator | undefined>();
  const compile = (rule: RuleData, path: string): FieldComparator | undefined => {
    if (compiled.has(rule)) return compiled.get(rule);
    const c = compileOne(rule, path, input);
    compiled.set(rule, c);
    return c;
  };
  const build = (rules: readonly { rule: RuleData; path: string }[]): ComparatorSet => {
    const comparators: FieldComparator[] = [];
    const slots: number[] = [];
    for (const { rule, path } of rules) {
      const c = compile(rule, path);
      if (!c) continue;
      comparators.push(c);
      slots.push(slotOf(rule.field));
    }
    return { comparators, slots: Int32Array.from(slots) };
  };
  const defaults = (input.rules ?? []).map((rule, i) => ({ rule, path: `$.match.rules[${i}]` }));
  const sets = [build(defaults)];
  (input.ruleSets ?? []).forEach((set, j) => {
    const own = set.rules.map((rule, i) => ({ rule, path: `$.match.ruleSets[${j}].rules[${i}]` }));
    const named = new Set(set.rules.map((r) => r.field));
    sets.push(build([...defaults.filter((d) => !named.has(d.rule.field)), ...own]));
  });

  let index = input.ruleSetIndex;
  if (index && index.length !== left.table.rowCount) {
    report({ code: 'recon.rule-set-index', severity: 'error', message: `The rule-set choice has ${index.length} entries for ${left.table.rowCount} rows of ${left.name}: every row needs one; the default rules apply meanwhile.`, location: { source: left.name, path: '$.match.ruleSets' } });
    index = undefined;
  }
  const last = sets.length - 1;
  const setFor = index
    ? (l: number) => {
      const i = index![l];
      return sets[i >= 0 && i < last ? i + 1 : 0];
    }
    : () => sets[0];
  return { fields, sets, setFor };
}

function compileOne(rule: RuleData, path: string, input: RuleBookInput): FieldComparator | undefined {
  const { left, right, report } = input;
  const kind = toleranceKind(rule.kind);
  if (!kind) {
    report({ code: 'recon.unknown-rule-kind', severity: 'error', message: `Rule on ${rule.field} has kind \`${String(rule.kind)}\`, which recon does not know: use exact, abs, rel, ticks, bps, days or text.`, location: { source: 'template', path } });
    return undefined;
  }
  const leftColumn = columnByName(left.table, rule.field);
  const rightColumn = columnByName(right.table, rule.field);
  for (const [s, c] of [[left, leftColumn], [right, rightColumn]] as const) {
    if (c) continue;
    const hint = closest(rule.field, s.table.columns.map((x) => x.name));
    report({
      code: 'recon.unknown-field',
      severity: 'error',
      message: `Rule field \`${rule.field}\` is not a column of ${s.name}${hint ? `: did you mean \`${hint}\`?` : ': map it on every source.'} The rule is left out until then.`,
      location: { source: s.name, column: rule.field, path },
    });
  }
  if (!leftColumn || !rightColumn) return undefined;
  return kind.compile(rule, {
    left: left.name,
    right: right.name,
    leftTable: left.table,
    rightTable: right.table,
    leftColumn,
    rightColumn,
    referenceTables: input.referenceTables,
    report,
    path,
  });
}
