/**
 * Reading the template's reference tables the way recon needs them: alias and equivalence
 * pairs, holiday lists, tick sizes by product. Each problem is a finding with its remedy, never
 * an exception: a bad table makes its rule fall back, the run goes on.
 */
import type { Finding } from '../finding';
import { closest } from '../formula/check/suggest';
import { parseDateText } from '../formula/library/dates';
import { parseNumericText } from '../formula/library/values';
import type { ReferenceTable, ReferenceTables } from './types';

export type FindingSink = (f: Finding) => void;

export function referenceTable(tables: ReferenceTables | undefined, name: string, usedBy: string, report: FindingSink): ReferenceTable | undefined {
  const t = tables?.[name];
  if (t) return t;
  const hint = closest(name, Object.keys(tables ?? {}));
  report({
    code: 'recon.unknown-reference-table',
    severity: 'error',
    message: `${usedBy} names reference table \`${name}\`, which the template does not have${hint ? `: did you mean \`${hint}\`?` : ': add it under referenceTables.'}`,
    location: { source: 'template', path: `$.referenceTables.${name}` },
  });
  return undefined;
}

export function columnIndexOf(table: ReferenceTable, name: string | undefined): number {
  if (name === undefined) return -1;
  const exact = table.columns.indexOf(name);
  if (exact >= 0) return exact;
  const lower = name.trim().toLowerCase();
  return table.columns.findIndex((c) => c.trim().toLowerCase() === lower);
}

const cellText = (v: string | number | boolean | null | undefined): string | undefined =>
  v === null || v === undefined ? undefined : String(v);

/** Pairs from a two-column table: first column → second (alias → canonical, value → equivalent). */
export function pairsOf(table: ReferenceTable): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (const row of table.rows) {
    const from = cellText(row[0]);
    const to = cellText(row[1]);
    if (from !== undefined && to !== undefined) out.push({ from, to });
  }
  return out;
}

/** Holiday serials (whole days) from the column named Date/Holiday, else the first column. */
export function holidaySerials(table: ReferenceTable, name: string, report: FindingSink): number[] {
  let col = columnIndexOf(table, 'Date');
  if (col < 0) col = columnIndexOf(table, 'Holiday');
  if (col < 0) col = 0;
  const out = new Set<number>();
  table.rows.forEach((row, i) => {
    const v = row[col];
    if (v === null || v === undefined || v === '') return;
    const serial = typeof v === 'number' ? v : typeof v === 'string' ? parseDateText(v) ?? parseNumericText(v) : undefined;
    if (serial === undefined) {
      report({
        code: 'recon.bad-holiday',
        severity: 'warning',
        message: `Row ${i + 1} of holiday table \`${name}\` holds ${JSON.stringify(v)}, which is not a date: write it as YYYY-MM-DD.`,
        location: { source: 'template', path: `$.referenceTables.${name}.rows[${i}]` },
      });
      return;
    }
    out.add(Math.floor(serial));
  });
  return [...out].sort((a, b) => a - b);
}

/** Product keys compare trimmed and case-insensitively ("es " is ES). */
export const productKey = (v: string | number | boolean): string => String(v).trim().toUpperCase();

/**
 * Tick size by product. The product column is the one named `keyColumn` (else the first); the
 * tick size is the first other column holding numbers.
 */
export function tickSizes(table: ReferenceTable, name: string, keyColumn: string | undefined, report: FindingSink): Map<string, number> {
  let keyCol = columnIndexOf(table, keyColumn);
  if (keyCol < 0) keyCol = 0;
  const valueCol = table.columns.findIndex((_, c) => c !== keyCol && table.rows.some((r) => typeof r[c] === 'number' || (typeof r[c] === 'string' && parseNumericText(r[c] as string) !== undefined)));
  const out = new Map<string, number>();
  if (valueCol < 0) {
    report({
      code: 'recon.bad-tick-table',
      severity: 'error',
      message: `Tick table \`${name}\` has no column of tick sizes: add a numeric column beside \`${table.columns[keyCol] ?? 'Product'}\`.`,
      location: { source: 'template', path: `$.referenceTables.${name}` },
    });
    return out;
  }
  for (const row of table.rows) {
    const k = row[keyCol];
    const v = row[valueCol];
    const size = typeof v === 'number' ? v : typeof v === 'string' ? parseNumericText(v) : undefined;
    if (k === null || k === undefined || size === undefined || !(size > 0)) continue;
    out.set(productKey(k), size);
  }
  return out;
}
