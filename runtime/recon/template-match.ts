/**
 * A template's `match` section as engine input, in one place for the server run (runner's
 * match-sources.ts) and the studio's live match rate (studio/rules/live-match.ts), so both
 * reconcile exactly the same way. Browser-safe and pure: key formulas and rule-set `when`
 * formulas run in a sandbox elsewhere (QuickJS on the server, a Web Worker in the studio); they
 * arrive here as columns named by `keyColumn` and as a rule-set index.
 */
import { columnByName, type Column, type Table } from '../table/table';
import type { Template } from '../template/schema';
import { reconcileMany } from './nway';
import { reconcile } from './reconcile';
import type { KeySpec, NwayResult, ReconResult, ReconSource } from './types';

type Match = NonNullable<Template['match']>;

/** The column that holds key part `name` once its per-source formula has run. */
export const keyColumn = (name: string): string => `key: ${name}`;

/**
 * What key and `when` formulas see: the source's columns as read, with its mapped targets
 * shadowing read columns of the same name.
 */
export function formulaColumns({ table, mapped }: { table: Table; mapped: Table }): Column[] {
  return [...table.columns.filter((c) => !columnByName(mapped, c.name)), ...mapped.columns];
}

/** The engine's view of one source: its mapped targets plus the computed key columns. */
export function withKeyColumns({ mapped, keys }: { mapped: Table; keys: readonly Column[] }): Table {
  return { ...mapped, columns: [...mapped.columns, ...keys] };
}

/** One source's key formulas, named by their key columns, in key order. */
export function keyFormulas(match: Match, source: string): { name: string; text: string }[] {
  return match.keys.map((k) => ({ name: keyColumn(k.name), text: k.formulas[source] }));
}

/** The rule sets' `when` formulas, in order (first match wins), run over the book of record. */
export function ruleSetFormulas(match: Match): { name: string; text: string }[] {
  return match.ruleSets.map((r, i) => ({ name: `when ${i}`, text: r.when }));
}

/** Per row: the first rule set whose `when` result is TRUE, or -1 for the default rules. */
export function ruleSetIndexFrom({ results, rowCount }: { results: readonly (readonly unknown[])[]; rowCount: number }): Int32Array {
  const index = new Int32Array(rowCount).fill(-1);
  for (let row = 0; row < rowCount; row++) index[row] = results.findIndex((r) => r[row] === true);
  return index;
}

/** The compared fields: default rules first, then the rule sets', each once. */
export function matchFields(match: Match): string[] {
  return [...new Set([...match.rules, ...match.ruleSets.flatMap((r) => r.rules)].map((r) => r.field))];
}

export function keySpecs(match: Match): KeySpec[] {
  return match.keys.map((k) => ({
    name: k.name, columns: Object.fromEntries(match.sources.map((s) => [s, keyColumn(k.name)])),
    trim: k.trim, ignoreCase: k.ignoreCase, stripLeadingZeros: k.stripLeadingZeros, aliases: k.aliases,
  }));
}

export type TemplateMatchResult =
  | { readonly mode: 'two-way'; readonly result: ReconResult }
  | { readonly mode: 'n-way'; readonly result: NwayResult };

export interface ReconcileTemplateInput {
  readonly template: Template;
  /** Mapped tables with their key columns, in `match.sources` order. */
  readonly sources: readonly ReconSource[];
  /** Per row of the book of record (the first source); see ruleSetIndexFrom. */
  readonly ruleSetIndex?: Int32Array;
  /** Candidates for unmatched rows (two-way only; default true). They change no count. */
  readonly suggest?: boolean;
}

/** Two sources reconcile pairwise (with aggregation); more go through the N-way engine. */
export function reconcileTemplate({ template, sources, ruleSetIndex, suggest }: ReconcileTemplateInput): TemplateMatchResult {
  const match = template.match;
  if (!match) throw new Error('reconcileTemplate needs a template with a match section');
  const common = {
    keys: keySpecs(match), rules: match.rules, ruleSets: match.ruleSets.map((r) => ({ name: r.name, rules: r.rules })), ruleSetIndex,
    referenceTables: template.referenceTables, duplicates: match.duplicates,
    severityRules: match.severityRules, clusterBy: match.clusterBy,
  };
  return sources.length === 2
    ? { mode: 'two-way', result: reconcile({ ...common, left: sources[0], right: sources[1], aggregate: match.aggregate, suggest }) }
    : { mode: 'n-way', result: reconcileMany({ ...common, sources }) };
}
