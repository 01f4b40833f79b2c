/**
 * The exception report: a reconciliation's breaks as breaks.csv and breaks.xlsx, one row per
 * break. Analysts filter and pivot it in Excel, so it is flat and wide: the kind, one column per
 * key part, then left/right/diff/rule for every field that broke somewhere, then severity,
 * cluster and the source rows (lineage) to go back to the files. An N-way report names its
 * sources instead of left and right: which lack the row, which disagree with the reference, one
 * value column per source for every broken field, and one rows column per source.
 * Lives under node/ because it reuses the runner's number formatting, which sits in a Node-only
 * module; the encoding itself touches no Node API.
 */
import * as XLSX from '@e965/xlsx';
import { csvField as quoteCsv, decimalText } from '../../table/table-text';
import type { Break, BreakField, CellValue, LineageRef, NwayBreak, NwayBreakField, ReconSummary } from '../types';

export interface ExceptionRowsInput {
  readonly breaks: readonly Break[] | readonly NwayBreak[];
  /** Key part names in order (the report's key columns). */
  readonly keyNames: readonly string[];
  /** Compared fields in order; only those that broke in some break get columns. */
  readonly fields: readonly string[];
  /** N-way breaks: the sources in authoritative order (the report's value and rows columns). */
  readonly sources?: readonly string[];
}

export interface ExceptionReportInput extends ExceptionRowsInput {
  readonly breaks: readonly Break[];
  readonly summary: ReconSummary;
}

type Cell = string | number | null;

const FIELD_PARTS = ['left', 'right', 'diff', 'rule'] as const;

/** Lineage as "row;row" so a break with several rows (duplicates, aggregates) stays one line. */
const rowsOf = (refs: readonly LineageRef[] | undefined): string => (refs ?? []).map((r) => r.row).join(';');

const cell = (v: CellValue | undefined): Cell => (v === null || v === undefined ? null : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v);

/** The fields outside tolerance in some break, in the order given (then any others). */
function brokenFields(breaks: readonly { fields: readonly BreakField[] }[], fields: readonly string[]): string[] {
  const broken = new Set<string>();
  for (const b of breaks) for (const f of b.fields) if (!f.withinTolerance) broken.add(f.field);
  const reported = fields.filter((f) => broken.has(f));
  for (const f of broken) if (!reported.includes(f)) reported.push(f);
  return reported;
}

/** Header and rows, shared by the CSV and the sheet so the two never disagree. */
export function exceptionRows(input: ExceptionRowsInput): { header: string[]; rows: Cell[][] } {
  if (input.sources) return nwayRows({ ...input, breaks: input.breaks as readonly NwayBreak[], sources: input.sources });
  const { keyNames } = input;
  const breaks = input.breaks as readonly Break[];
  const reported = brokenFields(breaks, input.fields);
  const header = ['kind', ...keyNames, ...reported.flatMap((f) => FIELD_PARTS.map((p) => `${f}_${p}`)), 'severity', 'cluster', 'left_rows', 'right_rows'];
  const rows: Cell[][] = breaks.map((b) => {
    const byField = new Map(b.fields.filter((f) => !f.withinTolerance).map((f) => [f.field, f]));
    const fieldCells = reported.flatMap((name): Cell[] => {
      const f = byField.get(name);
      return f ? [cell(f.left), cell(f.right), f.diff, f.rule] : [null, null, null, null];
    });
    return [b.kind, ...keyNames.map((k) => b.key[k] ?? null), ...fieldCells, b.severity, b.cluster, rowsOf(b.lineage.left), rowsOf(b.lineage.right)];
  });
  return { header, rows };
}

/**
 * N-way: per broken field each source's value (blank where the source lacks the row), the
 * difference between the reference and the first source outside tolerance, and the rule.
 */
function nwayRows({ breaks, keyNames, fields, sources }: ExceptionRowsInput & { breaks: readonly NwayBreak[]; sources: readonly string[] }): { header: string[]; rows: Cell[][] } {
  const reported = brokenFields(breaks, fields);
  const header = [
    'kind', ...keyNames, 'missing', 'disagree',
    ...reported.flatMap((f) => [...sources.map((s) => `${f}_${s}`), `${f}_diff`, `${f}_rule`]),
    'severity', 'cluster', ...sources.map((s) => `${s}_rows`),
  ];
  const rows: Cell[][] = breaks.map((b) => {
    const byField = new Map<string, NwayBreakField>(b.fields.filter((f) => !f.withinTolerance).map((f) => [f.field, f]));
    const fieldCells = reported.flatMap((name): Cell[] => {
      const f = byField.get(name);
      return f ? [...sources.map((s) => cell(f.values[s])), f.diff, f.rule] : new Array<Cell>(sources.length + 2).fill(null);
    });
    return [
      b.kind, ...keyNames.map((k) => b.key[k] ?? null), b.missing.join('+'), b.disagree.join('+'),
      ...fieldCells, b.severity, b.cluster, ...sources.map((s) => rowsOf(b.lineage[s])),
    ];
  });
  return { header, rows };
}

const csvField = (v: Cell): string => (v === null ? '' : quoteCsv(typeof v === 'number' ? decimalText(v) : v));

export function exceptionCsv(input: ExceptionRowsInput): Uint8Array {
  const { header, rows } = exceptionRows(input);
  // Joined per line, not one giant array of fields, to keep 1M-break reports within memory.
  const lines = [header.map(csvField).join(',')];
  for (const r of rows) lines.push(r.map(csvField).join(','));
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

/** The datacompy-style counts as label/value pairs, for the Summary sheet. */
export function summaryRows(summary: ReconSummary): (string | number)[][] {
  const d = summary.datacompy;
  return [
    ['Measure', 'Value'],
    ['Left source', summary.left.name], ['Left rows', summary.left.rows],
    ['Right source', summary.right.name], ['Right rows', summary.right.rows],
    ['Rows in common', d.commonRows], ['Only in left', d.onlyLeft], ['Only in right', d.onlyRight],
    ['Unequal rows', d.unequalRows], ['Equal rows', d.equalRows], ['Breaks', summary.breaks],
    ['Match rate', summary.matchRate],
    [],
    ['Column', 'Mismatches', 'Max diff', 'Null diff'],
    ...d.byColumn.map((c) => [c.column, c.mismatches, c.maxDiff, c.nullDiff]),
  ];
}

export function exceptionXlsx(input: ExceptionReportInput): Uint8Array {
  const { header, rows } = exceptionRows(input);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([header, ...rows]), 'Breaks');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(summaryRows(input.summary)), 'Summary');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
}
