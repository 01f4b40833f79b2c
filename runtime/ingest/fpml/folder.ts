/**
 * A folder of FpML files → one Table. The Table has one datasetId, so a folder table:
 * - starts with a "Source File" text column (the file name each row came from), followed by the
 *   reader's fixed columns;
 * - keeps origin.rowNumbers = each trade's 1-based index within its own file;
 * - carries origin.datasetId = the folder's id: SHA-256 over the member files' SHA-256s, in order;
 * - returns `datasetIds` alongside: per row, the SHA-256 of the file the row came from, which is
 *   the id lineage needs to find the exact bytes.
 * Files are read in the order given (sort the sources first for a stable order). A file refused as
 * a whole contributes no rows, only its findings; findings always name their file.
 */
import { createHash } from 'node:crypto';
import type { Column, Table } from '../../table/table';
import type { Finding } from '../finding';
import type { ByteSource, ColumnProfile, ReadLimits, ReadResult } from '../reader';
import { readFpmlSource } from './reader';
import { profileTable } from './table-build';

export const SOURCE_FILE_COLUMN = 'Source File';

export interface TablePart {
  readonly table: Table;
  /** The file name shown in the Source File column. */
  readonly sourceName: string;
}

export interface ConcatenatedTable {
  readonly table: Table;
  /** Per row: the datasetId (file SHA-256) of the part the row came from. */
  readonly datasetIds: readonly string[];
}

export function folderDatasetId(memberIds: readonly string[]): string {
  return createHash('sha256').update(memberIds.join('\n')).digest('hex');
}

/**
 * Concatenates tables with the same columns (names and types, in order) and prepends a Source File
 * column. Throws on mismatched columns: that is a programming error, not bad input.
 */
export function concatTables(parts: readonly TablePart[], datasetId = folderDatasetId(parts.map((p) => p.table.origin.datasetId))): ConcatenatedTable {
  const shape = parts[0]?.table.columns ?? [];
  for (const { table, sourceName } of parts) {
    const same = table.columns.length === shape.length && table.columns.every((c, i) => c.name === shape[i].name && c.type === shape[i].type);
    if (!same) throw new Error(`concatTables: ${sourceName} has different columns from ${parts[0].sourceName}`);
  }
  const rowCount = parts.reduce((n, p) => n + p.table.rowCount, 0);
  const sourceColumn: Column = {
    name: SOURCE_FILE_COLUMN,
    type: 'text',
    dictionary: parts.map((p) => p.sourceName),
    codes: Int32Array.from(parts.flatMap((p, i) => Array<number>(p.table.rowCount).fill(i))),
  };
  const columns: Column[] = shape.map((first, c) => {
    if (first.type === 'text') {
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      const codes = new Int32Array(rowCount);
      let r = 0;
      for (const { table } of parts) {
        const col = table.columns[c];
        if (col.type !== 'text') throw new Error('concatTables: column type mismatch');
        const remap = col.dictionary.map((s) => {
          let code = index.get(s);
          if (code === undefined) { code = dictionary.length; dictionary.push(s); index.set(s, code); }
          return code;
        });
        for (let i = 0; i < table.rowCount; i++) codes[r++] = col.codes[i] < 0 ? -1 : remap[col.codes[i]];
      }
      return { name: first.name, type: 'text', dictionary, codes };
    }
    const values = new Float64Array(rowCount);
    const nulls = new Uint8Array(rowCount);
    let anyNull = false;
    let r = 0;
    for (const { table } of parts) {
      const col = table.columns[c];
      if (col.type === 'text') throw new Error('concatTables: column type mismatch');
      values.set(col.values, r);
      if (col.nulls) { nulls.set(col.nulls, r); anyNull = true; }
      r += table.rowCount;
    }
    return anyNull ? { name: first.name, type: first.type, values, nulls } : { name: first.name, type: first.type, values };
  });
  const rowNumbers = new Int32Array(rowCount);
  const datasetIds: string[] = [];
  let r = 0;
  for (const { table } of parts) {
    rowNumbers.set(table.origin.rowNumbers, r);
    r += table.rowCount;
    for (let i = 0; i < table.rowCount; i++) datasetIds.push(table.origin.datasetId);
  }
  return { table: { rowCount, columns: [sourceColumn, ...columns], origin: { datasetId, rowNumbers } }, datasetIds };
}

export interface FpmlFilesRequest {
  readonly sources: readonly ByteSource[];
  readonly limits?: Partial<ReadLimits>;
  readonly signal?: AbortSignal;
}

export interface FpmlFileResult {
  readonly name: string;
  readonly sha256: string;
  readonly rowCount: number;
  readonly result: ReadResult;
}

export interface FpmlFilesResult {
  /** All trades of all readable files; absent only when no file could be read. */
  readonly table?: Table;
  /** Per row of `table`: the SHA-256 of its file. */
  readonly datasetIds: readonly string[];
  readonly profile: readonly ColumnProfile[];
  /** Every file's findings, in file order. */
  readonly findings: readonly Finding[];
  readonly files: readonly FpmlFileResult[];
}

/** Reads every source as FpML and concatenates the rows (see the module comment). */
export async function readFpmlFiles({ sources, limits, signal }: FpmlFilesRequest): Promise<FpmlFilesResult> {
  const files: FpmlFileResult[] = [];
  for (const source of sources) {
    const result = await readFpmlSource(source, { limits, signal });
    files.push({ name: source.name, sha256: source.sha256, rowCount: result.table?.rowCount ?? 0, result });
  }
  const findings = files.flatMap((f) => f.result.findings);
  const parts = files.flatMap((f) => (f.result.table ? [{ table: f.result.table, sourceName: f.name }] : []));
  if (parts.length === 0) return { datasetIds: [], profile: [], findings, files };
  const { table, datasetIds } = concatTables(parts, folderDatasetId(sources.map((s) => s.sha256)));
  return { table, datasetIds, profile: profileTable(table), findings, files };
}
