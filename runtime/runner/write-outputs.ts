/**
 * Mapped tables → output files (CSV, XLSX, JSON). Everything is written under temporary names
 * and renamed into place only when every file is complete, so a failed or cancelled run never
 * leaves a half-written output behind. Each row carries its lineage: source file and row.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { displayValue } from '../formula/display-value';
import { cellValue, originOf, type Column, type Table } from '../table/table';
import { decimalText, writeTableCsv, writeTableJson } from '../table/table-text';

export const LINEAGE_COLUMNS = ['_source_file', '_source_row'] as const;

export interface OutputRequest {
  readonly fileName: string;
  readonly format: 'csv' | 'xlsx' | 'json';
  readonly table: Table;
  /** Columns in order; all when absent. */
  readonly columns?: readonly string[];
  /** Display names of the origin files, by dataset id. */
  readonly fileNames: ReadonlyMap<string, string>;
}

/** The output's columns, in order, followed by each row's lineage as two ordinary columns. */
function outputTable(req: OutputRequest): Table {
  const { table } = req;
  const columns: Column[] = (req.columns ?? table.columns.map((c) => c.name)).map((name) => {
    const c = table.columns.find((x) => x.name === name);
    if (!c) throw new Error(`Output ${req.fileName} names column \`${name}\`, which the mapping does not produce.`);
    return c;
  });
  const files: string[] = [];
  const codes = new Int32Array(table.rowCount);
  const rows = new Float64Array(table.rowCount);
  for (let r = 0; r < table.rowCount; r++) {
    const o = originOf(table, r);
    const name = req.fileNames.get(o.datasetId) ?? o.datasetId;
    let k = files.indexOf(name);
    if (k < 0) k = files.push(name) - 1;
    codes[r] = k;
    rows[r] = o.rowNumber;
  }
  columns.push({ name: LINEAGE_COLUMNS[0], type: 'text', dictionary: files, codes }, { name: LINEAGE_COLUMNS[1], type: 'number', values: rows });
  return { ...table, columns };
}

/** Computed results are written as decimals (15 significant digits), never as binary noise. */
export function encodeOutput(req: OutputRequest): Uint8Array {
  const table = outputTable(req);
  if (req.format !== 'xlsx') {
    const parts: string[] = [];
    const write = (text: string) => parts.push(text);
    if (req.format === 'csv') writeTableCsv({ table, write, numberText: decimalText });
    else writeTableJson({ table, write, numberText: decimalText });
    return new TextEncoder().encode(parts.join(''));
  }
  // A sheet keeps numbers as numbers; dates go as their ISO text, as in the CSV.
  const aoa = [table.columns.map((c) => c.name)];
  for (let r = 0; r < table.rowCount; r++) aoa.push(table.columns.map((c) => displayValue(cellValue(c, r), c.type).value as string));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), 'Output');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
}

/**
 * Writes every file or none: temporaries first, renames last. A rename that fails part-way
 * removes the files already renamed, so the folder never holds part of a run's output.
 */
export async function writeAllOrNothing({ dir, files }: { dir: string; files: readonly { name: string; bytes: Uint8Array }[] }): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const staged: { temp: string; final: string }[] = [];
  const placed: string[] = [];
  try {
    for (const f of files) {
      const final = path.join(dir, f.name);
      const temp = `${final}.partial-${process.pid}`;
      staged.push({ temp, final });
      await writeFile(temp, f.bytes);
    }
    for (const s of staged) {
      await rename(s.temp, s.final);
      placed.push(s.final);
    }
    return placed;
  } catch (e) {
    await Promise.all([...staged.map((s) => rm(s.temp, { force: true })), ...placed.map((f) => rm(f, { force: true }))]);
    throw e;
  }
}
