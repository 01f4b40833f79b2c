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

type Cell = string | number | boolean | null;

function rowsOf(req: OutputRequest): { header: string[]; rows: Cell[][] } {
  const columns: Column[] = (req.columns ?? req.table.columns.map((c) => c.name)).map((name) => {
    const c = req.table.columns.find((x) => x.name === name);
    if (!c) throw new Error(`Output ${req.fileName} names column \`${name}\`, which the mapping does not produce.`);
    return c;
  });
  const rows: Cell[][] = [];
  for (let r = 0; r < req.table.rowCount; r++) {
    const o = originOf(req.table, r);
    rows.push([...columns.map((c) => displayValue(cellValue(c, r), c.type).value), req.fileNames.get(o.datasetId) ?? o.datasetId, o.rowNumber]);
  }
  return { header: [...columns.map((c) => c.name), ...LINEAGE_COLUMNS], rows };
}

const csvField = (v: Cell): string => {
  if (v === null) return '';
  const text = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : typeof v === 'number' ? formatNumber(v) : v;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Decimal text as an analyst would type it: 15 significant digits, no binary noise (0.1+0.2 → 0.3). */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const text = String(Number(n.toPrecision(15)));
  return text.includes('e') ? Number(n.toPrecision(15)).toFixed(20).replace(/\.?0+$/, '') : text;
}

export function encodeOutput(req: OutputRequest): Uint8Array {
  const { header, rows } = rowsOf(req);
  if (req.format === 'csv') return new TextEncoder().encode([header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n');
  if (req.format === 'json') {
    const objects = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    return new TextEncoder().encode(`${JSON.stringify(objects, null, 2)}\n`);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([header, ...rows]), 'Output');
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
