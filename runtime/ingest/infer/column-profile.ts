/**
 * The column profile (reader.ts ColumnProfile) computed from a finished Table, the same way for
 * every reader: type, blank count, distinct count, min/max (numbers as numbers, dates as ISO
 * text, text in code-unit order) and the first few distinct values as examples.
 *
 * Distinct counts are exact for text (the dictionary) and for numeric columns up to 65,536
 * values; above that a HyperLogLog estimate (±1%) is given and marked distinctEstimated, since
 * an exact set of a million prices costs more than reading them did. Browser-safe.
 */
import type { Column, NumericColumn, Table, TextColumn } from '../../table/table';
import { countDistinct } from '../../table/distinct-count';
import { numericSummary } from '../../table/profile';
import { valueText } from '../../table/table-text';
import type { ColumnProfile } from '../reader';

const EXAMPLES = 5;
/** Examples come from the first rows: a column with two values need not be searched to the end. */
const EXAMPLE_ROWS = 10_000;

export function profileTable({ table }: { table: Table }): ColumnProfile[] {
  return table.columns.map((column) => profileColumn(column, table.rowCount));
}

export function profileColumn(column: Column, rowCount: number): ColumnProfile {
  return column.type === 'text' ? profileText(column, rowCount) : profileNumeric(column, rowCount);
}

function profileText(column: TextColumn, rowCount: number): ColumnProfile {
  let nulls = 0;
  const codes = column.codes;
  for (let i = 0; i < rowCount; i++) if (codes[i] < 0) nulls++;
  const dict = column.dictionary;
  let min: string | undefined;
  let max: string | undefined;
  for (const value of dict) {
    if (min === undefined || value < min) min = value;
    if (max === undefined || value > max) max = value;
  }
  return {
    name: column.name, type: 'text', nulls, distinct: dict.length,
    ...(min !== undefined ? { min, max } : {}),
    examples: dict.slice(0, EXAMPLES),
  };
}

function profileNumeric(column: NumericColumn, rowCount: number): ColumnProfile {
  const { nulls, min, max, examples } = numericSummary(column, rowCount, EXAMPLES, EXAMPLE_ROWS);
  const filled = rowCount - nulls;
  const text = (v: number) => valueText(column.type, v);
  const range = filled === 0 || column.type === 'boolean'
    ? {}
    : column.type === 'number' ? { min, max } : { min: text(min), max: text(max) };
  const distinct = countDistinct(column.values, column.nulls, rowCount);
  return {
    name: column.name, type: column.type, nulls, distinct: distinct.count,
    ...(distinct.estimated ? { distinctEstimated: true } : {}),
    ...range, examples: examples.map(text),
  };
}

export { countDistinct };
