/**
 * Where a sheet's header is and what its columns are called. Browser-safe.
 *
 *   header row   the headerRow option (1-based sheet row), else the first row that fills at
 *                least half as many cells as the widest of the first 30 rows (a merged range
 *                counts once): a report title or a run date above the table is skipped
 *   header rows  headerRows, else the header row plus the rows of group captions right above
 *                it (horizontally merged cells narrower than the table: a title merged across
 *                the whole width is not a caption) and the sub-header rows right below a row
 *                that has such merges; at most three levels
 *   names        each column joins its header cells top to bottom, a merged cell lending its
 *                text to every column it spans: "Trade" merged over "Date | Price" gives
 *                "Trade Date" and "Trade Price"; a cell merged down is named once
 */
import type { Range } from '@e965/xlsx';

/** Text of each cell, by [row][column] relative to the sheet range; '' for empty. */
export type TextGrid = (row: number, col: number) => string;

export interface SheetHeader {
  /** 0-based row offsets within the range. */
  readonly firstHeaderRow: number;
  readonly headerRows: number;
  readonly names: readonly string[];
}

export function findHeader({ text, rows, cols, merges, headerRow, headerRows }: {
  text: TextGrid;
  rows: number;
  cols: number;
  /** Merged ranges, relative to the sheet range. */
  merges: readonly Range[];
  headerRow?: number;
  headerRows?: number;
}): SheetHeader {
  const filled = (r: number) => {
    let n = 0;
    for (let c = 0; c < cols; c++) if (text(r, c) !== '') n++;
    return n;
  };
  let first = headerRow;
  if (first === undefined) {
    const scan = Math.min(rows, 30);
    let widest = 0;
    for (let r = 0; r < scan; r++) widest = Math.max(widest, filled(r));
    const need = widest >= 2 ? Math.max(2, Math.ceil(widest / 2)) : 1;
    first = 0;
    for (let r = 0; r < scan; r++) {
      if (filled(r) >= need) { first = r; break; }
    }
  }
  let levels = headerRows;
  if (levels === undefined) {
    levels = 1;
    if (headerRow === undefined) {
      while (levels < 3 && first > 0 && hasCaptionMerge(merges, first - 1, cols)) { first--; levels++; }
    }
    while (levels < 3 && first + levels < rows && hasCaptionMerge(merges, first + levels - 1, cols)) levels++;
  }
  const names: string[] = [];
  for (let c = 0; c < cols; c++) {
    const parts: string[] = [];
    for (let r = first; r < first + levels && r < rows; r++) {
      const part = mergedText(text, merges, r, c).replace(/\s+/g, ' ').trim();
      if (part !== '' && parts[parts.length - 1] !== part) parts.push(part);
    }
    names.push(parts.join(' '));
  }
  return { firstHeaderRow: first, headerRows: levels, names };
}

/** The cell's text, or that of the merged range's top-left cell when it lies in one. */
export function mergedText(text: TextGrid, merges: readonly Range[], r: number, c: number): string {
  const own = text(r, c);
  if (own !== '') return own;
  for (const m of merges) {
    if (r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c) return text(m.s.r, m.s.c);
  }
  return '';
}

/** A merge across columns in row r that is narrower than the table (so not a title). */
function hasCaptionMerge(merges: readonly Range[], r: number, cols: number): boolean {
  return merges.some((m) => m.s.r === r && m.e.c > m.s.c && m.e.c - m.s.c + 1 < cols);
}
