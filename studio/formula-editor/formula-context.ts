/**
 * What a formula can see while it is edited: the columns (with their source in recon and
 * N-way templates), the attached reference tables, and what it must give (a validation gives
 * TRUE or FALSE). The checker takes columns as ColumnSpecs named `source!name`.
 */
import { formatColumnRef, type ColumnSpec, type ColumnType, type TableSpecs } from '../../runtime/formula/index';

export interface EditorColumn {
  readonly name: string;
  /** The source it comes from, when the formula names sources (`[broker!Price]`). */
  readonly source?: string;
  readonly type: ColumnType;
}

export type ExpectedResult = 'any' | 'boolean';

export interface FormulaContext {
  readonly columns: readonly EditorColumn[];
  readonly sources?: readonly string[];
  readonly referenceTables?: TableSpecs;
  readonly expected?: ExpectedResult;
}

export function columnSpecs(columns: readonly EditorColumn[]): ColumnSpec[] {
  return columns.map((c) => ({ name: c.source === undefined ? c.name : `${c.source}!${c.name}`, type: c.type }));
}

/** The text that refers to a column: `[Trade Price]` or `[broker!Trade Price]`. */
export function columnReference(column: Pick<EditorColumn, 'name' | 'source'>): string {
  return formatColumnRef(column);
}

/** Sources named by the columns plus any given explicitly, once each, in first-seen order. */
export function sourcesOf(context: FormulaContext): string[] {
  const all = [...(context.sources ?? []), ...context.columns.flatMap((c) => (c.source === undefined ? [] : [c.source]))];
  return [...new Set(all)];
}
