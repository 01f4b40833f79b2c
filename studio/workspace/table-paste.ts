/**
 * A reference table pasted from Excel (tab-separated) or typed as CSV: the first line names the
 * columns, numbers become numbers, empty cells blanks. Problems come back with the line to fix.
 */
import type { ReferenceTableDraft } from '$studio/editor/reference-table-commands';

type Cell = string | number | boolean | null;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function splitLine(line: string, delimiter: string): string[] {
  if (delimiter === '\t') return line.split('\t').map((c) => c.trim());
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') { quoted = true; cell = ''; }
    else if (ch === delimiter) { cells.push(cell.trim()); cell = ''; }
    else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

// "007" is a code, not seven: leading zeros keep a cell as text.
const LEADING_ZERO = /^[+-]?0\d/;
const cellOf = (text: string): Cell => (text === '' ? null : NUMBER.test(text) && !LEADING_ZERO.test(text) ? Number(text) : text);

export function parseTablePaste(text: string): { ok: true; table: ReferenceTableDraft } | { ok: false; error: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return { ok: false, error: 'Paste the table: a header line naming the columns, then one line per row (copy the cells from Excel, or type CSV).' };
  const delimiter = lines[0].includes('\t') ? '\t' : lines[0].includes(';') && !lines[0].includes(',') ? ';' : ',';
  const columns = splitLine(lines[0], delimiter);
  const blank = columns.findIndex((c) => c === '');
  if (blank >= 0) return { ok: false, error: `Line 1, column ${blank + 1} has no name: every column needs a header.` };
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.toLowerCase())) return { ok: false, error: `Line 1 names the column "${c}" twice; give each column its own name.` };
    seen.add(c.toLowerCase());
  }
  const rows: Cell[][] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = splitLine(lines[i], delimiter);
    if (cells.length > columns.length) return { ok: false, error: `Line ${i + 1} has ${cells.length} cells but the header names ${columns.length} columns.` };
    rows.push(columns.map((_, j) => cellOf(cells[j] ?? '')));
  }
  if (rows.length === 0) return { ok: false, error: 'The table has a header but no rows: add one line per row under it.' };
  return { ok: true, table: { columns, rows } };
}

/** The table back as text, so editing starts from what is there. */
export function tableAsText(table: ReferenceTableDraft): string {
  const text = (c: Cell) => (c === null ? '' : String(c));
  return [table.columns.join('\t'), ...table.rows.map((r) => r.map(text).join('\t'))].join('\n');
}
