/**
 * What is wrong with a tolerance rule as the editor holds it, each problem with its fix. Params
 * are checked from their ParamSpecs (type, required, reference table, column), then by the kind's
 * own check (ticks with no tick size), then by the template schema for anything left.
 */
import { closest } from '../../runtime/formula/check/suggest';
import { describeRule, TOLERANCE_KINDS, toleranceKind, type DescribeContext, type ParamSpec } from '../../runtime/recon/index';
import { ToleranceRuleSchema } from '../../runtime/template/schema';
import { paramLabel, paramValue } from './rule-drafts';
import type { SourceColumns, ToleranceRule } from './rules-types';

export interface RuleProblem {
  /** The param at fault, for placing the message; absent for the rule as a whole. */
  readonly param?: string;
  readonly message: string;
}

export interface RuleContext {
  /** The match's sources with their known columns; a source with no columns is not known yet. */
  readonly sources: readonly SourceColumns[];
  readonly referenceTables: readonly string[];
}

const didYouMean = (name: string, candidates: readonly string[]) => {
  const hint = closest(name, candidates);
  return hint ? `did you mean \`${hint}\`?` : '';
};

function paramProblem(spec: ParamSpec, value: unknown, ctx: RuleContext, allColumns: readonly string[]): string | undefined {
  const label = paramLabel(spec);
  if (value === undefined || value === '') return spec.optional ? undefined : `Enter ${label.toLowerCase()}: ${spec.doc}`;
  switch (spec.type) {
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${label} must be a number: ${spec.doc}`;
      if (value < 0) return `${label} must be 0 or more: a tolerance allows a difference, it cannot be negative.`;
      if (spec.type === 'integer' && !Number.isInteger(value)) return `${label} must be a whole number, e.g. ${Math.round(value)}.`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${label} must be on or off.`;
    case 'enum':
      return spec.options?.includes(String(value)) ? undefined : `${label} must be one of ${spec.options?.join(', ')}.`;
    case 'reference-table':
      if (ctx.referenceTables.includes(String(value))) return undefined;
      return `Reference table \`${value}\` does not exist: ${didYouMean(String(value), ctx.referenceTables) || 'pick one of the template\'s reference tables, or add it under Reference tables.'}`;
    case 'column':
      if (allColumns.length === 0 || allColumns.includes(String(value))) return undefined;
      return `Column \`${value}\` is on no source: ${didYouMean(String(value), allColumns) || 'map it on the sources, or pick another column.'}`;
  }
}

function fieldProblem(field: string, ctx: RuleContext): string | undefined {
  if (!field.trim()) return 'Pick the field to compare.';
  const known = ctx.sources.filter((s) => s.columns.length > 0);
  const missing = known.filter((s) => !s.columns.some((c) => c.name === field && comparable(c))).map((s) => s.name);
  if (missing.length === 0) return undefined;
  const unmapped = known.filter((s) => s.columns.some((c) => c.name === field && !comparable(c))).map((s) => s.name);
  const absent = missing.filter((s) => !unmapped.includes(s));
  if (absent.length === 0) {
    return `\`${field}\` is a column of the file, not a target, on ${unmapped.join(' and ')}: a run compares mapped targets only. Add a target ${field} = [${field}] there, or pick a target.`;
  }
  const hint = didYouMean(field, commonFields(ctx.sources));
  const alsoUnmapped = unmapped.length ? `, and on ${unmapped.join(' and ')} a column of the file that no target maps` : '';
  return `\`${field}\` is not a column of ${absent.join(' and ')}${alsoUnmapped}: ${hint || 'map it on every source, or pick another field.'}`;
}

const comparable = (c: SourceColumns['columns'][number]) => c.mapped !== false;

/** Targets every known source has: what a rule can compare (a run compares mapped targets). */
export function commonFields(sources: readonly SourceColumns[]): string[] {
  const known = sources.filter((s) => s.columns.length > 0);
  if (known.length === 0) return [];
  return known[0].columns.filter(comparable).map((c) => c.name).filter((n) => known.every((s) => s.columns.some((c) => c.name === n && comparable(c))));
}

export function allColumns(sources: readonly SourceColumns[]): string[] {
  return [...new Set(sources.flatMap((s) => s.columns.map((c) => c.name)))];
}

/** `siblings`: the other rules of the same list, to catch a field compared twice. */
export function ruleProblems({ rule, context, siblings = [] }: { rule: ToleranceRule; context: RuleContext; siblings?: readonly ToleranceRule[] }): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const kind = toleranceKind(rule.kind);
  if (!kind) return [{ param: 'kind', message: `Unknown rule kind \`${String(rule.kind)}\`: pick one of ${TOLERANCE_KINDS.map((k) => k.label).join(', ')}.` }];
  const field = fieldProblem(rule.field ?? '', context);
  if (field) problems.push({ param: 'field', message: field });
  if (rule.field && siblings.some((s) => s.field === rule.field)) {
    problems.push({ param: 'field', message: `Another rule here also compares \`${rule.field}\`: keep one rule per field and remove the other.` });
  }
  const columns = allColumns(context.sources);
  for (const spec of kind.params) {
    const message = paramProblem(spec, paramValue(rule, spec.name), context, columns);
    if (message) problems.push({ param: spec.name, message });
  }
  if (problems.length === 0) for (const message of kind.check?.(rule) ?? []) problems.push({ message });
  if (problems.length === 0) {
    const parsed = ToleranceRuleSchema.safeParse(rule);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const param = issue.path.length ? String(issue.path[0]) : undefined;
        const message = issue.code === 'too_small' ? `${param ?? 'The value'} must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}.`
          : issue.code === 'unrecognized_keys' ? `${kind.label} rules have no ${issue.keys.join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'}.`
          : `${param ?? 'The rule'}: ${issue.message}`;
        problems.push({ param, message });
      }
    }
  }
  return problems;
}

/** The rule in plain English, or what is still missing when its required params are not set. */
export function ruleSentence({ rule, problems, describe = {} }: { rule: ToleranceRule; problems: readonly RuleProblem[]; describe?: DescribeContext }): string {
  const kind = toleranceKind(rule.kind);
  const blocking = problems.some((p) => p.param === 'kind' || (p.param && kind?.params.some((s) => s.name === p.param && !s.optional && (s.type === 'number' || s.type === 'integer'))));
  if (blocking) return `${rule.field || 'This field'}: ${kind?.label ?? 'rule'} not finished yet`;
  return describeRule({ ...rule, field: rule.field || 'The field' }, describe);
}
