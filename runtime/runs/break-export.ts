import * as XLSX from '@e965/xlsx';
import type { App } from '../app/open-app';
import { refuse, succeed, type Outcome } from '../app/outcome';
import type { BreakView } from '../recon/break-view';
import type { CellValue } from '../recon/types';
import type { BreakQuery } from '../store/repositories/break-filter';
import type { BreakExportShape } from '../store/repositories/breaks';
import { csvField as quoteCsv, decimalText } from '../table/table-text';

/**
 * The review grid's filtered view as a file for Excel: one row per break (every match, not one
 * page), flat and wide like the exception report: id, run, kind, one column per key part,
 * status, assignee, severity, cluster, then per field that broke somewhere its value in each
 * source, the difference and the rule, then the resolution reason and the age in days.
 * CSV streams page by page; XLSX is built whole (the format is one zip), so both stop at
 * MAX_EXPORT_ROWS and say how to narrow the filter.
 */
export const MAX_EXPORT_ROWS = 200_000;
const PAGE = 2000;

export type ExportFormat = 'csv' | 'xlsx';
type Cell = string | number | null;

const cell = (v: CellValue | undefined): Cell => (v === undefined || v === null ? null : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v);
const ageDays = (createdAt: string, now: Date) => Math.floor((now.getTime() - Date.parse(createdAt)) / 86_400_000);

/** Header and rows from the same column list, so the CSV and the sheet never disagree. */
export function breakExportRows({ shape, views, now }: { shape: BreakExportShape; views: readonly BreakView[]; now: Date }): { header: string[]; rows: Cell[][] } {
  const header = [
    'id', 'run_id', 'kind', ...shape.keyNames, 'status', 'assignee', 'severity', 'cluster',
    ...shape.fields.flatMap((f) => [...shape.sources.map((s) => `${f}_${s}`), `${f}_diff`, `${f}_rule`]),
    'reason', 'age_days',
  ];
  const rows = views.map((b): Cell[] => {
    const broken = new Map(b.fields.filter((f) => !f.withinTolerance).map((f) => [f.field, f]));
    const fieldCells = shape.fields.flatMap((name): Cell[] => {
      const f = broken.get(name);
      return f ? [...shape.sources.map((s) => cell(f.values[s])), f.diff, f.rule] : [...shape.sources.map(() => null), null, null];
    });
    return [
      b.id, b.runId, b.kind, ...shape.keyNames.map((k) => b.key[k] ?? null), b.status, b.assignee?.email ?? null, b.severity, b.cluster,
      ...fieldCells, b.reason, ageDays(b.createdAt, now),
    ];
  });
  return { header, rows };
}

const csvCell = (v: Cell): string => (v === null ? '' : quoteCsv(typeof v === 'number' ? decimalText(v) : v));
const csvLines = (rows: readonly Cell[][]) => rows.map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');

export interface BreakExport {
  readonly fileName: string;
  readonly contentType: string;
  readonly rows: number;
  readonly body: ReadableStream<Uint8Array> | Uint8Array;
}

export async function exportBreaks({ app, filter, format, now = new Date(), maxRows = MAX_EXPORT_ROWS }: {
  app: App; filter: BreakQuery; format: ExportFormat; now?: Date; maxRows?: number;
}): Promise<Outcome<BreakExport>> {
  const total = await app.repos.breaks.count(filter);
  if (total > maxRows) {
    return refuse('invalid', 'export-too-large', `The filter matches ${total.toLocaleString('en')} breaks; an export holds at most ${maxRows.toLocaleString('en')}. Narrow it (by run, kind, status or field) and export again.`, 'filter');
  }
  const shape = await app.repos.breaks.exportShape(filter);
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const fileName = `opspilot-breaks-${stamp}.${format}`;
  // One sorted scan for the ids, then rows by id in chunks: offset paging would sort the whole set per page.
  const ids = await app.repos.breaks.ids({ filter, limit: maxRows });
  const chunk = async (at: number): Promise<BreakView[]> => {
    const wanted = ids.slice(at, at + PAGE);
    return app.repos.breaks.byIds({ ids: wanted });
  };
  if (format === 'xlsx') {
    const all: BreakView[] = [];
    for (let at = 0; at < ids.length; at += PAGE) all.push(...(await chunk(at)));
    const { header, rows } = breakExportRows({ shape, views: all, now });
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([header, ...rows]), 'Breaks');
    const body = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
    return succeed({ fileName, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', rows: all.length, body });
  }
  const encoder = new TextEncoder();
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${breakExportRows({ shape, views: [], now }).header.map(csvCell).join(',')}\r\n`));
    },
    async pull(controller) {
      const views = at < ids.length ? await chunk(at) : [];
      at += PAGE;
      if (views.length) controller.enqueue(encoder.encode(csvLines(breakExportRows({ shape, views, now }).rows)));
      if (at >= ids.length) controller.close();
    },
  });
  return succeed({ fileName, contentType: 'text/csv; charset=utf-8', rows: ids.length, body });
}
