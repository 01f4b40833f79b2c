/**
 * A column profile for the studio's Sources panel: type, blanks, distinct values, a few examples
 * and the range of numbers and dates. Browser-safe, so the same profile can be computed on the
 * server over a whole file or in the browser over a sample.
 *
 * Distinct counts are exact up to `distinctCap`; past it counting stops and the profile says
 * "at least" (a lower bound shown as "≥ 10,000"), since an analyst needs to know "many", not how
 * many, and an exact set of a million prices would cost more than the read. Text columns are
 * always exact: their dictionary counts them for the price of one pass over the codes.
 */
import { exactDistinct } from './distinct-count';
import type { Column, ColumnType, NumericColumn, Table, TextColumn } from './table';
import { valueText } from './table-text';

export const DISTINCT_CAP = 10_000;
export const MAX_EXAMPLES = 5;

export interface ColumnProfileSummary {
  readonly name: string;
  readonly type: ColumnType;
  readonly rows: number;
  readonly nulls: number;
  /** Distinct non-blank values; a lower bound when `distinctAtLeast` is set. */
  readonly distinct: number;
  readonly distinctAtLeast: boolean;
  /** Up to MAX_EXAMPLES distinct values in row order, as cell text (dates in ISO 8601). */
  readonly examples: readonly string[];
  /** Numbers and dates only: the smallest and largest value (dates as Excel serials) and their text. */
  readonly min?: number;
  readonly max?: number;
  readonly minText?: string;
  readonly maxText?: string;
}

export interface ProfileOptions {
  readonly distinctCap?: number;
  readonly maxExamples?: number;
}

export function columnProfiles({ table, distinctCap = DISTINCT_CAP, maxExamples = MAX_EXAMPLES }: { table: Table } & ProfileOptions): ColumnProfileSummary[] {
  return table.columns.map((column) => columnProfile({ column, rowCount: table.rowCount, distinctCap, maxExamples }));
}

export function columnProfile({ column, rowCount, distinctCap = DISTINCT_CAP, maxExamples = MAX_EXAMPLES }: { column: Column; rowCount: number } & ProfileOptions): ColumnProfileSummary {
  return column.type === 'text'
    ? textProfile(column, rowCount, maxExamples)
    : numericProfile(column, rowCount, distinctCap, maxExamples);
}

/** "1,234" or "≥ 10,000": how the studio shows a distinct count. */
export function distinctLabel(profile: Pick<ColumnProfileSummary, 'distinct' | 'distinctAtLeast'>): string {
  const n = profile.distinct.toLocaleString('en-US');
  return profile.distinctAtLeast ? `≥ ${n}` : n;
}

function textProfile(column: TextColumn, rowCount: number, maxExamples: number): ColumnProfileSummary {
  const seen = new Uint8Array(column.dictionary.length);
  const examples: string[] = [];
  let nulls = 0;
  let distinct = 0;
  for (let i = 0; i < rowCount; i++) {
    const code = column.codes[i];
    if (code < 0) { nulls++; continue; }
    if (seen[code]) continue;
    seen[code] = 1;
    distinct++;
    if (examples.length < maxExamples) examples.push(column.dictionary[code]);
  }
  return { name: column.name, type: 'text', rows: rowCount, nulls, distinct, distinctAtLeast: false, examples };
}

function numericProfile(column: NumericColumn, rowCount: number, distinctCap: number, maxExamples: number): ColumnProfileSummary {
  const { nulls, min, max, examples } = numericSummary(column, rowCount, maxExamples);
  const exact = exactDistinct(column.values, column.nulls, rowCount, distinctCap);
  const text = (v: number) => valueText(column.type, v);
  const ranged = column.type !== 'boolean' && min <= max;
  return {
    name: column.name, type: column.type, rows: rowCount, nulls,
    distinct: exact < 0 ? distinctCap : exact,
    distinctAtLeast: exact < 0,
    examples: examples.map(text),
    ...(ranged ? { min: min || 0, max: max || 0, minText: text(min || 0), maxText: text(max || 0) } : {}),
  };
}

/**
 * One pass over a numeric column: blanks, the least and greatest value (Infinity and −Infinity
 * when every row is blank) and the first distinct values among the first `exampleRows` rows.
 * Both profiles (this one and the readers', ingest/infer/column-profile.ts) start from it.
 */
export function numericSummary(column: NumericColumn, rowCount: number, maxExamples: number, exampleRows = rowCount): { nulls: number; min: number; max: number; examples: number[] } {
  const { values, nulls: mask } = column;
  let nulls = 0;
  let min = Infinity;
  let max = -Infinity;
  const examples: number[] = [];
  for (let i = 0; i < rowCount; i++) {
    if (mask?.[i]) { nulls++; continue; }
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
    // -0 and 0 are one value to an analyst; includes treats them alike, as wanted.
    if (examples.length < maxExamples && i < exampleRows && !Number.isNaN(v) && !examples.includes(v)) examples.push(v);
  }
  return { nulls, min, max, examples };
}
