/**
 * The Excel reader, on SheetJS (@e965/xlsx): .xlsx/.xlsm after the zip guard, and legacy .xls.
 * One sheet becomes a Table (sheet-rows.ts): its header found, merged header cells combined
 * into column names, date-formatted numbers read as dates (1904 workbooks shifted). Without a
 * sheet option the first sheet is read, or, when it holds no table (a cover or notes sheet),
 * the first sheet that does. Row origins are sheet row numbers. Read whole, so capped at
 * WHOLE_FILE_MAX_BYTES. Browser-safe.
 *
 * Options: sheet (a name, or a 1-based position: 1 is the first sheet), headerRow (1-based sheet
 * row), headerRows (how many rows the header spans), plus types, dateOrder, nullValues.
 */
import type * as XLSX from '@e965/xlsx';
import { z } from 'zod';
import { FindingSink } from '../finding-sink';
import { profileTable } from '../infer/column-profile';
import { buildValueTable } from '../infer/value-table';
import { refusal, resolveLimits, tooManyRowsMessage, WHOLE_FILE_MAX_BYTES } from '../limits';
import { neverThrow, readWhole } from '../metered-chunks';
import type { ReadRequest, ReadResult, Reader } from '../reader';
import { fixedType, parseReaderOptions, typingOptionsShape } from '../reader-options';
import { sheetRows, type SheetRows } from './sheet-rows';
import { checkZip } from './zip-guard';

const optionsSchema = z.strictObject({
  sheet: z.union([z.string().min(1), z.number().int().min(1)]).optional()
    .meta({ title: 'Sheet', description: 'The sheet to read: its name, or its position (1 is the first). Blank: the first sheet that holds a table.' }),
  headerRow: z.number().int().min(1).optional()
    .meta({ title: 'Header row', description: 'The 1-based sheet row of the header. Blank: detected.' }),
  headerRows: z.number().int().min(1).max(5).optional()
    .meta({ title: 'Header rows', description: 'How many rows the header spans (merged headers such as Trade / Date). Blank: detected.' }),
  ...typingOptionsShape,
});

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export const xlsxReader: Reader = {
  format: 'xlsx',
  description: 'Excel workbooks (.xlsx, .xlsm, .xls): one sheet, merged headers, dates as dates',
  extensions: ['.xlsx', '.xlsm', '.xls'],
  optionsSchema,
  sniff: (head) => isZip(head) || isOle(head),
  read: (request) => neverThrow(request.source.name, 'an Excel workbook', () => readXlsx(request)),
};

async function readXlsx(request: ReadRequest): Promise<ReadResult> {
  const { source } = request;
  const name = source.name;
  const parsed = parseReaderOptions({ schema: optionsSchema, options: request.options, source: name, format: 'xlsx' });
  if (!parsed.ok) return parsed.result;
  const options = parsed.value;
  const limits = resolveLimits(request.limits);
  const whole = await readWhole({ source, maxBytes: Math.min(limits.maxBytes, WHOLE_FILE_MAX_BYTES), onProgress: request.onProgress, signal: request.signal });
  if (!whole.ok) return whole.result;
  const bytes = whole.bytes;
  if (!isZip(bytes) && !isOle(bytes)) {
    return refusal(name, 'not-a-workbook', `${name} is not an Excel workbook (.xlsx or .xls). If it is a CSV export, read it as csv.`);
  }
  if (isZip(bytes)) {
    const zip = await checkZip({ bytes, source: name, limits });
    if (!zip.ok) return refusal(name, zip.code, zip.message);
  }

  // SheetJS loads on the first workbook: a process reading only CSV never evaluates it (a
  // tenth of a second, on every read worker's start).
  const xlsx = await import('@e965/xlsx');
  const wanted = typeof options.sheet === 'number' ? options.sheet - 1 : options.sheet;
  const open = (sheets: number | string | undefined) => xlsx.read(bytes, {
    type: 'array', dense: true, cellNF: true, cellDates: false, cellHTML: false, cellText: true, ...(sheets === undefined ? {} : { sheets }),
  });
  let book: XLSX.WorkBook;
  try {
    book = open(wanted ?? 0);
  } catch (e) {
    const message = (e as Error).message;
    if (/password|encrypt/i.test(message)) return refusal(name, 'encrypted-workbook', `${name} is password-protected; save a copy without the password and read that.`);
    throw e;
  }
  let sheetName = typeof wanted === 'number' ? book.SheetNames[wanted] : wanted ?? book.SheetNames[0];
  if (typeof wanted === 'string' && !book.Sheets[wanted]) {
    const match = book.SheetNames.find((s) => s.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (match) { sheetName = match; book = open(match); }
  }
  if (sheetName === undefined || !book.Sheets[sheetName]) {
    const list = book.SheetNames.map((s, i) => `${i + 1} "${s}"`).join(', ');
    return refusal(name, 'no-such-sheet', options.sheet === undefined
      ? `${name} has no sheets to read.`
      : `${name} has no sheet ${typeof options.sheet === 'number' ? `number ${options.sheet}` : `"${options.sheet}"`}; its sheets are ${list}. Set the reader option sheet to one of them.`);
  }

  const sink = new FindingSink(name);
  const date1904 = book.Workbook?.WBProps?.date1904 === true;
  const read = (sheet: XLSX.WorkSheet, sheetLabel: string, into: FindingSink) => sheetRows({
    xlsx,
    sheet, sheetName: sheetLabel, date1904, headerRow: options.headerRow, headerRows: options.headerRows,
    textColumns: (column) => fixedType(options, column) === 'text', sink: into,
  });
  const isTable = (r: SheetRows) => r.names.length >= 2 && r.rowNumbers.length > 0;
  let rows = read(book.Sheets[sheetName], sheetName, sink);
  if (options.sheet === undefined && !isTable(rows) && book.SheetNames.length > 1) {
    // The first sheet is notes or a cover: take the first sheet that holds a table.
    const all = open(undefined);
    for (const candidate of all.SheetNames.slice(1)) {
      const trial = new FindingSink(name);
      const found = read(all.Sheets[candidate], candidate, trial);
      if (!isTable(found)) continue;
      sink.add({ code: 'sheet-chosen', severity: 'info', message: `Sheet "${candidate}" was read: the first sheet, "${sheetName}", holds no table. Set the reader option sheet to read another.` });
      for (const f of trial.list()) sink.add({ code: f.code, severity: f.severity, message: f.message, row: f.location.row, column: f.location.column });
      sheetName = candidate;
      rows = found;
      break;
    }
  }
  if (rows.rowNumbers.length > limits.maxRows) return refusal(name, 'too-many-rows', tooManyRowsMessage(name, limits.maxRows));
  if (rows.filledMerges > 0) {
    sink.add({ code: 'merged-cells-filled', severity: 'info', message: `${rows.filledMerges} cell${rows.filledMerges === 1 ? '' : 's'} inside merged ranges took the merged value (an account merged over several rows applies to each).` });
  }
  const [top, bottom] = rows.headerRows;
  if (top > 1 && options.headerRow === undefined) {
    sink.add({ code: 'lines-before-header', severity: 'info', row: top, message: `The header of sheet "${sheetName}" is ${top === bottom ? `row ${top}` : `rows ${top}-${bottom}`}; the rows above it were skipped. Set the reader option headerRow if the header is elsewhere.` });
  }
  const table = buildValueTable({
    datasetId: source.sha256, names: rows.names, columns: rows.columns, rowNumbers: Int32Array.from(rows.rowNumbers), options, sink,
  });
  return {
    table,
    profile: request.profile === false ? [] : profileTable({ table }),
    findings: sink.list(),
    details: { sheet: sheetName, sheets: book.SheetNames.length, header: top === bottom ? `row ${top}` : `rows ${top}-${bottom}` },
  };
}
