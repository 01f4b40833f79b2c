/**
 * Column names from header cells: trimmed (line breaks inside a header become spaces), a blank
 * header named after its position, a repeated one numbered, each rename reported so formulas
 * can name every column unambiguously. Browser-safe.
 */
import type { FindingSink } from '../finding-sink';

export function uniqueHeaderNames({ cells, fallback, sink, row }: {
  cells: readonly string[];
  /** The name for a blank header at this 0-based position, e.g. "Column 3" or "Column C". */
  fallback: (index: number) => string;
  sink: FindingSink;
  row?: number;
}): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(cells.map((c) => clean(c).toLowerCase()));
  return cells.map((raw, i) => {
    let name = clean(raw);
    if (name === '') {
      name = fallback(i);
      while (taken.has(name.toLowerCase())) name = `${name}_`;
    }
    const key = name.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 1) return name;
    let renamed = `${name} (${count})`;
    while (taken.has(renamed.toLowerCase())) renamed = `${renamed}_`;
    taken.add(renamed.toLowerCase());
    sink.add({
      code: 'duplicate-header', severity: 'warning', row, column: name,
      message: `Column ${i + 1} repeats the header "${name}"; it is named "${renamed}". Rename it in the file to keep formulas readable.`,
    });
    return renamed;
  });
}

function clean(raw: string): string {
  return raw.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
