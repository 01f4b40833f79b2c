/**
 * Which sample rows the preview runs over, and those rows as a Table of their own: all of them
 * (the table itself), the first n (views, no copy), or a given list (the rows failing a
 * validation; gathered). Origins come along, so every previewed row still names its file line.
 */
import type { Column, RowOrigin, Table } from '../../runtime/table/table';

export type RowSelection =
  | { readonly mode: 'all' }
  | { readonly mode: 'first'; readonly n: number }
  /** The rows the named validation failed on in the last preview of all rows; kept while editing. */
  | { readonly mode: 'failing'; readonly validation: string };

export interface RowSubset {
  /** Index into the sample table of each previewed row, in order. */
  readonly rows: Int32Array;
  readonly table: Table;
}

export function selectionKey(selection: RowSelection): string {
  return selection.mode === 'all' ? 'all' : selection.mode === 'first' ? `first:${selection.n}` : `failing:${selection.validation}`;
}

export function firstRows(table: Table, n: number): RowSubset {
  const count = Math.max(0, Math.min(table.rowCount, Math.floor(n)));
  const rows = Int32Array.from({ length: count }, (_, i) => i);
  if (count === table.rowCount) return { rows, table };
  const columns = table.columns.map((c): Column =>
    c.type === 'text' ? { ...c, codes: c.codes.subarray(0, count) } : { ...c, values: c.values.subarray(0, count), nulls: c.nulls?.subarray(0, count) });
  return { rows, table: { rowCount: count, columns, origin: sliceOrigin(table.origin, rows) } };
}

export function pickRows(table: Table, rows: Int32Array): RowSubset {
  const columns = table.columns.map((c): Column => {
    if (c.type === 'text') return { ...c, codes: gather(c.codes, rows, new Int32Array(rows.length)) };
    return { ...c, values: gather(c.values, rows, new Float64Array(rows.length)), nulls: c.nulls && gather(c.nulls, rows, new Uint8Array(rows.length)) };
  });
  return { rows, table: { rowCount: rows.length, columns, origin: sliceOrigin(table.origin, rows) } };
}

function gather<T extends Int32Array | Float64Array | Uint8Array>(from: T, rows: Int32Array, into: T): T {
  for (let i = 0; i < rows.length; i++) into[i] = from[rows[i]];
  return into;
}

function sliceOrigin(origin: RowOrigin, rows: Int32Array): RowOrigin {
  return {
    datasetId: origin.datasetId,
    rowNumbers: gather(origin.rowNumbers, rows, new Int32Array(rows.length)),
    ...(origin.datasets ? { datasets: { ids: origin.datasets.ids, index: Uint16Array.from(rows, (r) => origin.datasets!.index[r]) } } : {}),
  };
}
