/**
 * The Table (DESIGN.md §4): columnar and typed, the shape every reader produces and every engine
 * consumes. Browser-safe. Values match the formula runtime's, so columns cross into the sandbox
 * without conversion:
 *   number   Float64Array
 *   date     Float64Array of Excel serials (days since 1899-12-30), whole numbers
 *   datetime Float64Array of Excel serials with the time as the fraction (UTC)
 *   boolean  Float64Array of 0/1
 *   text     dictionary-encoded: each distinct string stored once, rows hold Int32 codes
 * A null mask marks blank cells (1 = blank); absent when the column has no blanks.
 * Every row keeps its origin, so any figure traces back to a file and line.
 */
import type { ColumnType } from '../formula/program';

export type { ColumnType };

export interface NumericColumn {
  readonly name: string;
  readonly type: 'number' | 'date' | 'datetime' | 'boolean';
  readonly values: Float64Array;
  readonly nulls?: Uint8Array;
}

export interface TextColumn {
  readonly name: string;
  readonly type: 'text';
  readonly dictionary: readonly string[];
  /** Index into `dictionary`; -1 for a blank cell. */
  readonly codes: Int32Array;
}

export type Column = NumericColumn | TextColumn;

export interface RowOrigin {
  /** SHA-256 of the source file's bytes (the dataset's content hash). */
  readonly datasetId: string;
  /** Per row: its 1-based row number in the source (line number for text files, sheet row for Excel, element index for XML/JSON). */
  readonly rowNumbers: Int32Array;
  /** When rows come from several files (a folder of confirmations): every file's id, and per row an index into them. */
  readonly datasets?: { readonly ids: readonly string[]; readonly index: Uint16Array };
}

export interface Table {
  readonly rowCount: number;
  readonly columns: readonly Column[];
  readonly origin: RowOrigin;
}

/** A cell as a formula value: number, string, boolean or null for blank. */
export function cellValue(column: Column, row: number): number | string | boolean | null {
  if (column.type === 'text') {
    const code = column.codes[row];
    return code < 0 ? null : column.dictionary[code];
  }
  if (column.nulls?.[row]) return null;
  const v = column.values[row];
  return column.type === 'boolean' ? v !== 0 : v;
}

/** Where a row came from: the file's content hash and the row's number in it. */
export function originOf(table: Table, row: number): { datasetId: string; rowNumber: number } {
  const { origin } = table;
  const datasetId = origin.datasets ? origin.datasets.ids[origin.datasets.index[row]] : origin.datasetId;
  return { datasetId, rowNumber: origin.rowNumbers[row] };
}

export function columnByName(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}
