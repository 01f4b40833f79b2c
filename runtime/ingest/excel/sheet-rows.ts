/**
 * One SheetJS worksheet (dense mode) as named columns of cell values: the header found by
 * sheet-header.ts, columns with neither header nor values dropped, blank rows skipped, cells
 * inside merged ranges of the data filled from the range's top-left, date-formatted numbers as
 * serial dates, error cells blank with a finding. Browser-safe.
 */
import type * as XLSX from '@e965/xlsx';
import type { FindingSink } from '../finding-sink';
import { columnLetter, uniqueHeaderNames } from '../infer/header-names';
import type { CellValue } from '../infer/value-table';
import { findHeader } from './sheet-header';

export interface SheetRows {
  readonly names: readonly string[];
  readonly columns: readonly CellValue[][];
  /** 1-based sheet row of each row. */
  readonly rowNumbers: readonly number[];
  /** 1-based sheet rows of the header. */
  readonly headerRows: readonly [number, number];
  readonly filledMerges: number;
}

/** What sheetRows uses of SheetJS at run time: the caller's loaded module (xlsx-reader.ts loads it on first use). */
export type SheetLibrary = Pick<typeof XLSX, 'utils' | 'SSF'>;

export function sheetRows({ xlsx, sheet, sheetName, date1904, headerRow, headerRows, textColumns, sink }: {
  xlsx: SheetLibrary;
  sheet: XLSX.WorkSheet;
  sheetName: string;
  date1904: boolean;
  headerRow?: number;
  headerRows?: number;
  /** Columns to read as text: their cells give Excel's formatted text. */
  textColumns: (name: string) => boolean;
  sink: FindingSink;
}): SheetRows {
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const range = sheet['!ref'] ? xlsx.utils.decode_range(sheet['!ref']) : { s: { r: 0, c: 0 }, e: { r: -1, c: -1 } };
  const rows = range.e.r - range.s.r + 1;
  const cols = range.e.c - range.s.c + 1;
  if (rows <= 0 || cols <= 0) return { names: [], columns: [], rowNumbers: [], headerRows: [1, 1], filledMerges: 0 };
  const merges = (sheet['!merges'] ?? []).map((m) => ({ s: { r: m.s.r - range.s.r, c: m.s.c - range.s.c }, e: { r: m.e.r - range.s.r, c: m.e.c - range.s.c } }));
  const cellAt = (r: number, c: number) => data[r + range.s.r]?.[c + range.s.c];
  const text = (r: number, c: number) => {
    const cell = cellAt(r, c);
    return cell && cell.t !== 'z' && cell.t !== 'e' ? String(cell.w ?? cell.v ?? '').trim() : '';
  };
  const sheetRow = (r: number) => r + range.s.r + 1;

  const header = findHeader({ text, rows, cols, merges, headerRow: headerRow === undefined ? undefined : Math.max(0, headerRow - 1 - range.s.r), headerRows });
  const dataStart = header.firstHeaderRow + header.headerRows;
  const keep: number[] = [];
  for (let c = 0; c < cols; c++) {
    let used = header.names[c] !== '';
    for (let r = dataStart; r < rows && !used; r++) used = text(r, c) !== '';
    if (used) keep.push(c);
  }
  const names = uniqueHeaderNames({
    cells: keep.map((c) => header.names[c]), fallback: (i) => `Column ${columnLetter(keep[i] + range.s.c)}`, sink, row: sheetRow(header.firstHeaderRow),
  });
  const asText = names.map(textColumns);
  // Cells covered by a merged range in the data, pointing at the range's top-left cell.
  const coveredBy = new Map<number, { r: number; c: number }>();
  for (const g of merges) {
    if (g.s.r < dataStart || (g.e.r - g.s.r + 1) * (g.e.c - g.s.c + 1) > 100_000) continue;
    for (let r = g.s.r; r <= g.e.r; r++) for (let c = g.s.c; c <= g.e.c; c++) if (r !== g.s.r || c !== g.s.c) coveredBy.set(r * cols + c, g.s);
  }
  const shift = date1904 ? 1462 : 0;
  const columns: CellValue[][] = keep.map(() => []);
  const rowNumbers: number[] = [];
  let filledMerges = 0;
  for (let r = dataStart; r < rows; r++) {
    let blank = true;
    const values = keep.map((c, k) => {
      let cell = cellAt(r, c);
      if ((!cell || cell.t === 'z') && coveredBy.size) {
        const top = coveredBy.get(r * cols + c);
        if (top && (cell = cellAt(top.r, top.c))) filledMerges++;
      }
      if (cell?.t === 'e') {
        sink.add({
          code: 'error-cell', severity: 'warning', row: sheetRow(r), column: names[k],
          message: `Cell ${columnLetter(c + range.s.c)}${sheetRow(r)} of sheet "${sheetName}" holds the error ${cell.w ?? '#VALUE!'}; it is read as blank. Fix the formula in the workbook if the value matters.`,
        });
      }
      const v = cellValue(xlsx, cell, shift, asText[k]);
      if (v !== null && v !== '') blank = false;
      return v;
    });
    if (blank) continue;
    values.forEach((v, k) => columns[k].push(v));
    rowNumbers.push(sheetRow(r));
  }
  return { names, columns, rowNumbers, headerRows: [sheetRow(header.firstHeaderRow), sheetRow(dataStart - 1)], filledMerges };
}

function cellValue(xlsx: SheetLibrary, cell: XLSX.CellObject | undefined, shift: number, asText: boolean): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      if (asText) return cell.w ?? String(v);
      return typeof cell.z === 'string' && xlsx.SSF.is_date(cell.z) ? { serial: v + shift } : v;
    }
    case 's': return String(cell.v ?? '');
    case 'b': return asText ? (cell.v ? 'TRUE' : 'FALSE') : Boolean(cell.v);
    case 'd': return cell.v instanceof Date ? String(cell.w ?? cell.v.toISOString()) : String(cell.v);
    default: return null;
  }
}
