/**
 * A Table as plain JSON for the browser, and back: columnar arrays, never row objects, so 100k
 * rows × 10 columns stay a few megabytes. Browser-safe; the server encodes, the studio decodes
 * and gets the same Table the engines use (types, blanks, dates and row origins intact).
 *
 *   number/date/datetime/boolean  `values`: numbers as JSON numbers (dates as Excel serials, as the
 *                                 Table holds them); NaN/±Infinity as the strings "NaN",
 *                                 "Infinity", "-Infinity" (JSON has no such numbers);
 *                                 blanks as 0 plus `nullRuns`
 *   text                          `dictionary` of the distinct strings + `codes` (-1 = blank)
 *   origin                        `rowRuns`: row numbers as [first, count] runs, one run for
 *                                 the consecutive lines of a typical file
 *
 * Runs are flat arrays of pairs: [start, length, start, length, …].
 */
import type { Column, ColumnType, RowOrigin, Table } from './table';

export type WireNumber = number | 'NaN' | 'Infinity' | '-Infinity';

export interface WireNumericColumn {
  readonly name: string;
  readonly type: Exclude<ColumnType, 'text'>;
  readonly values: readonly WireNumber[];
  /** Blank rows as [firstRow, count] runs (0-based within the wire table); absent when none. */
  readonly nullRuns?: readonly number[];
}

export interface WireTextColumn {
  readonly name: string;
  readonly type: 'text';
  readonly dictionary: readonly string[];
  readonly codes: readonly number[];
}

export type WireColumn = WireNumericColumn | WireTextColumn;

export interface WireOrigin {
  readonly datasetId: string;
  /** 1-based source row numbers as [firstRowNumber, count] runs. */
  readonly rowRuns: readonly number[];
  readonly datasets?: { readonly ids: readonly string[]; readonly index: readonly number[] };
}

export interface WireTable {
  readonly rowCount: number;
  readonly columns: readonly WireColumn[];
  readonly origin: WireOrigin;
}

/** Rows [offset, offset + limit) of a Table as JSON-safe columns. */
export function tableToWire({ table, offset = 0, limit = table.rowCount }: { table: Table; offset?: number; limit?: number }): WireTable {
  const start = Math.max(0, Math.min(offset, table.rowCount));
  const end = Math.min(table.rowCount, start + Math.max(0, limit));
  return {
    rowCount: end - start,
    columns: table.columns.map((c) => columnToWire(c, start, end)),
    origin: originToWire(table.origin, start, end),
  };
}

export function tableFromWire({ wire }: { wire: WireTable }): Table {
  const rowCount = wire.rowCount;
  return {
    rowCount,
    columns: wire.columns.map((c) => columnFromWire(c, rowCount)),
    origin: originFromWire(wire.origin, rowCount),
  };
}

function columnToWire(column: Column, start: number, end: number): WireColumn {
  if (column.type === 'text') {
    // Re-encode: a slice carries only the strings it uses, in first-seen order.
    const remap = new Int32Array(column.dictionary.length).fill(-1);
    const dictionary: string[] = [];
    const codes = new Array<number>(end - start);
    for (let r = start; r < end; r++) {
      const code = column.codes[r];
      if (code < 0) { codes[r - start] = -1; continue; }
      if (remap[code] < 0) { remap[code] = dictionary.length; dictionary.push(column.dictionary[code]); }
      codes[r - start] = remap[code];
    }
    return { name: column.name, type: 'text', dictionary, codes };
  }
  const values = new Array<WireNumber>(end - start);
  for (let r = start; r < end; r++) {
    const v = column.nulls?.[r] ? 0 : column.values[r];
    values[r - start] = Number.isFinite(v) ? v : (String(v) as WireNumber);
  }
  const nullRuns = column.nulls ? maskRuns(column.nulls, start, end) : [];
  return nullRuns.length ? { name: column.name, type: column.type, values, nullRuns } : { name: column.name, type: column.type, values };
}

function columnFromWire(column: WireColumn, rowCount: number): Column {
  if (column.type === 'text') {
    return { name: column.name, type: 'text', dictionary: [...column.dictionary], codes: Int32Array.from(column.codes.slice(0, rowCount)) };
  }
  const values = new Float64Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    const v = column.values[i];
    values[i] = typeof v === 'number' ? v : Number(v);
  }
  if (!column.nullRuns?.length) return { name: column.name, type: column.type, values };
  const nulls = new Uint8Array(rowCount);
  forEachRun(column.nullRuns, (first, count) => nulls.fill(1, first, Math.min(rowCount, first + count)));
  return { name: column.name, type: column.type, values, nulls };
}

function originToWire(origin: RowOrigin, start: number, end: number): WireOrigin {
  const rowRuns: number[] = [];
  for (let r = start; r < end; r++) {
    const n = origin.rowNumbers[r];
    const last = rowRuns.length - 2;
    if (last >= 0 && rowRuns[last] + rowRuns[last + 1] === n) rowRuns[last + 1]++;
    else rowRuns.push(n, 1);
  }
  const datasets = origin.datasets && { ids: [...origin.datasets.ids], index: Array.from(origin.datasets.index.subarray(start, end)) };
  return datasets ? { datasetId: origin.datasetId, rowRuns, datasets } : { datasetId: origin.datasetId, rowRuns };
}

function originFromWire(origin: WireOrigin, rowCount: number): RowOrigin {
  const rowNumbers = new Int32Array(rowCount);
  let at = 0;
  forEachRun(origin.rowRuns, (first, count) => {
    for (let i = 0; i < count && at < rowCount; i++) rowNumbers[at++] = first + i;
  });
  const datasets = origin.datasets && { ids: [...origin.datasets.ids], index: Uint16Array.from(origin.datasets.index.slice(0, rowCount)) };
  return datasets ? { datasetId: origin.datasetId, rowNumbers, datasets } : { datasetId: origin.datasetId, rowNumbers };
}

/** Runs of set mask bytes in [start, end), rebased to start. */
function maskRuns(mask: Uint8Array, start: number, end: number): number[] {
  const runs: number[] = [];
  let r = start;
  while (r < end) {
    if (!mask[r]) { r++; continue; }
    const first = r;
    while (r < end && mask[r]) r++;
    runs.push(first - start, r - first);
  }
  return runs;
}

function forEachRun(runs: readonly number[], visit: (first: number, count: number) => void): void {
  for (let i = 0; i + 1 < runs.length; i += 2) visit(runs[i], runs[i + 1]);
}
