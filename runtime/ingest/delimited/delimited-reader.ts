/**
 * The delimited-text reader (CSV, TSV, pipe, semicolon), streamed: bytes are decoded chunk by
 * chunk, records scanned as bytes as they arrive, cells parsed into typed columns in place. The
 * file is never held whole; memory is the Table plus a chunk. Browser-safe.
 *
 * Options (all optional; the file decides otherwise):
 *   delimiter  ',' ';' '\t' '|' (or 'comma', 'semicolon', 'tab', 'pipe')
 *   quote      default '"'
 *   header     whether the first row is a header (default: detected)
 *   headerRow  1-based line of the header, when lines above it are not data (default: detected)
 *   encoding   'utf-8' | 'windows-1252' | 'latin1' | 'utf-16le' | 'utf-16be' (default: detected)
 *   types, dateOrder, nullValues   see reader-options.ts
 */
import { z } from 'zod';
import type { Column } from '../../table/table';
import { FindingSink } from '../finding-sink';
import { finishColumn, planColumn, settleDateOrder, type ColumnBuilder, type ColumnPlan } from '../infer/column-plan';
import { profileTable } from '../infer/column-profile';
import { uniqueHeaderNames } from '../infer/header-names';
import { refusal, resolveLimits, tooLargeMessage, tooManyRowsMessage } from '../limits';
import { abortedResult, meteredChunks, neverThrow, type MeterState } from '../metered-chunks';
import type { ReadRequest, ReadResult, Reader } from '../reader';
import { fixedType, parseReaderOptions, typingOptionsShape, unknownTypedColumns } from '../reader-options';
import { looksBinary, type TextEncodingName } from '../text-decoding';
import { compatibleChunks, cellDecoder, planEncoding } from './delimited-encoding';
import { detectLayout } from './delimited-layout';
import { runPass, type PassInput } from './delimited-pass';

const HEAD_BYTES = 64 * 1024;
const MAX_RECORD_BYTES = 16 * 1024 * 1024;
const DELIMITER_NAMES: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t', pipe: '|' };

const optionsSchema = z.strictObject({
  // Examples sit on the inner string: JSON Schema output keeps only the title and description of a preprocess.
  delimiter: z.preprocess((v) => (typeof v === 'string' ? DELIMITER_NAMES[v] ?? v : v), z.string().length(1).meta({ examples: [',', ';', '\t', '|'] })).optional()
    .meta({ title: 'Delimiter', description: 'The character between fields: , ; | or a tab (\\t). Blank: detected from the file.' }),
  quote: z.string().length(1).optional()
    .meta({ title: 'Quote', description: 'The character around fields that contain the delimiter or line breaks.', default: '"' }),
  header: z.boolean().optional()
    .meta({ title: 'Header row', description: 'Whether the file has a header row naming the columns. Blank: detected.' }),
  headerRow: z.number().int().min(1).optional()
    .meta({ title: 'Header line', description: 'The 1-based line of the header, when title or run-date lines sit above it. Blank: detected.' }),
  encoding: z.enum(['utf-8', 'windows-1252', 'latin1', 'utf-16le', 'utf-16be']).optional()
    .meta({ title: 'Encoding', description: 'The text encoding. Blank: detected (a byte-order mark, else UTF-8 if valid, else Windows-1252).' }),
  ...typingOptionsShape,
});

export const delimitedReader: Reader = {
  format: 'csv',
  description: 'Delimited text: CSV, TSV, pipe- or semicolon-separated; streamed',
  extensions: ['.csv', '.tsv', '.tab', '.psv', '.txt'],
  optionsSchema,
  sniff: (head) => head.length > 0 && !looksBinary(head),
  read: (request) => neverThrow(request.source.name, 'CSV', () => readDelimited(request)),
};

async function readDelimited(request: ReadRequest): Promise<ReadResult> {
  const { source, onProgress, signal } = request;
  const name = source.name;
  const parsed = parseReaderOptions({ schema: optionsSchema, options: request.options, source: name, format: 'csv' });
  if (!parsed.ok) return parsed.result;
  const options = parsed.value;
  const limits = resolveLimits(request.limits);
  if (source.sizeBytes > limits.maxBytes) return refusal(name, 'file-too-large', tooLargeMessage(name, source.sizeBytes, limits.maxBytes));
  const encoding: TextEncodingName | undefined = options.encoding === 'latin1' ? 'windows-1252' : options.encoding;
  const quote = options.quote ?? '"';

  // Head: encoding, binary check and a sample for the layout.
  const state: MeterState = { bytesRead: 0, tooLarge: false, aborted: false };
  const raw = meteredChunks({ source, maxBytes: limits.maxBytes, onProgress, signal, state })[Symbol.asyncIterator]();
  const headParts: Uint8Array[] = [];
  let headLength = 0;
  let rawDone = false;
  while (headLength < HEAD_BYTES) {
    const next = await raw.next();
    if (next.done) { rawDone = true; break; }
    headParts.push(next.value);
    headLength += next.value.byteLength;
  }
  const stopped = stopReason(state, name, limits.maxBytes, source.sizeBytes);
  if (stopped) return stopped;
  const head = concat(headParts, headLength);
  if (head.byteLength === 0) return refusal(name, 'empty-file', `${name} is empty: upload a file with a header row and at least one data row.`);
  if (!encoding && looksBinary(head)) {
    return refusal(name, 'binary-file', `${name} looks like a binary file, not CSV. Export the sheet as CSV (comma, semicolon, tab or pipe separated) and upload that, or upload the workbook itself (.xlsx).`);
  }
  const plan = planEncoding({ head, forced: encoding });
  let notUtf8Line: number | undefined;
  const position = { line: 1 };
  const decode = cellDecoder({ plan, onNotUtf8: () => { notUtf8Line ??= position.line; } });
  async function* rest(): AsyncGenerator<Uint8Array> {
    yield* headParts;
    if (rawDone) return;
    for (let next = await raw.next(); !next.done; next = await raw.next()) yield next.value;
  }
  const bytes = compatibleChunks({ chunks: rest(), plan, head })[Symbol.asyncIterator]();
  const sampleParts: Uint8Array[] = [];
  let sampleLength = 0;
  let done = false;
  while (sampleLength < HEAD_BYTES) {
    const next = await bytes.next();
    if (next.done) { done = true; break; }
    sampleParts.push(next.value);
    sampleLength += next.value.byteLength;
  }
  const sample = concat(sampleParts, sampleLength);
  if (done && onlyWhitespace(sample)) return refusal(name, 'empty-file', `${name} holds only whitespace: upload a file with a header row and at least one data row.`);

  const nullValues = options.nullValues?.length ? new Set(options.nullValues.map((v) => v.trim())) : undefined;
  const layout = detectLayout({ bytes: sample, final: done, decode, delimiter: options.delimiter, quote, header: options.header, headerLine: options.headerRow, nullValues });
  const sink = new FindingSink(name);
  const columns = layout.hasHeader
    ? uniqueHeaderNames({ cells: layout.header, fallback: (i) => `Column ${i + 1}`, sink, row: layout.headerLine })
    : layout.header.map((_, i) => `Column ${i + 1}`);
  const plans: ColumnPlan[] = columns.map((column, c) =>
    planColumn({ tally: layout.tallies[c], fixed: fixedType(options, column), dateOrder: options.dateOrder }));
  const estimate = Math.ceil((source.sizeBytes / layout.bytesPerRecord) * 1.05) + 16;
  const base: Omit<PassInput, 'chunks' | 'plans'> = {
    delimiter: layout.delimiter, quote, newline: layout.newline, decode, headerLine: layout.headerLine, hasHeader: layout.hasHeader, columns,
    capacity: Math.min(estimate, limits.maxRows + 1, 1 << 26), maxRows: limits.maxRows, maxRecordBytes: MAX_RECORD_BYTES,
    nullValues,
    dateOrder: options.dateOrder, sink, position,
  };

  async function* firstChunks(): AsyncGenerator<Uint8Array> {
    yield sample;
    if (done) return;
    for (let next = await bytes.next(); !next.done; next = await bytes.next()) yield next.value;
  }
  const first = await runPass({ ...base, chunks: firstChunks(), plans });
  const failed = stopReason(state, name, limits.maxBytes, source.sizeBytes)
    ?? (first.tooManyRows ? refusal(name, 'too-many-rows', tooManyRowsMessage(name, limits.maxRows)) : undefined)
    ?? (first.tooLong ? refusal(name, 'record-too-long', `${name} has a line longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB near line ${first.rowNumbers.at(-1) ?? 1}; it does not look like delimited text.`) : undefined);
  if (failed) return failed;

  const builders: (ColumnBuilder | null)[] = first.builders;
  if (first.demotions.size) {
    // Columns that turned out not to be what the sample promised: read them again, as text.
    const only = new Set(first.demotions.keys());
    const again: MeterState = { bytesRead: 0, tooLarge: false, aborted: false };
    const chunks = compatibleChunks({ chunks: meteredChunks({ source, maxBytes: limits.maxBytes, signal, state: again }), plan, head });
    const second = await runPass({ ...base, chunks, plans: plans.map((p) => ({ ...p })), only });
    const failedAgain = stopReason(again, name, limits.maxBytes, source.sizeBytes);
    if (failedAgain) return failedAgain;
    for (const [c, d] of first.demotions) {
      builders[c] = second.builders[c];
      plans[c] = { kind: 'text' };
      sink.add({
        code: 'column-read-as-text', severity: 'info', row: d.line, column: columns[c],
        message: `Column \`${columns[c]}\` looked like ${d.was === 'number' ? 'numbers' : d.was === 'date' ? 'dates' : 'true/false values'} in the first rows, but line ${d.line} has "${d.value.slice(0, 40)}", so the column is read as text. To keep it ${d.was === 'boolean' ? 'boolean' : `a ${d.was}`} column, set the reader option types: {"${columns[c]}": "${d.was}"} (cells that do not fit become blanks).`,
      });
    }
  }

  const named = columns.map((column, c) => ({ name: column, builder: builders[c]! }));
  settleDateOrder({ columns: named, dateOrder: options.dateOrder, sink });
  const built: Column[] = named.map(({ name: column, builder }, c) => finishColumn(builder, column, plans[c]));
  const table = { rowCount: first.rowCount, columns: built, origin: { datasetId: source.sha256, rowNumbers: first.rowNumbers } };

  if (first.preambleLines > 0) {
    sink.add({ code: 'lines-before-header', severity: 'info', row: layout.headerLine, message: `The ${first.preambleLines} line${first.preambleLines === 1 ? '' : 's'} above line ${layout.headerLine} (titles, run dates) ${first.preambleLines === 1 ? 'was' : 'were'} skipped; the header is line ${layout.headerLine}. Set the reader option headerRow if the header is elsewhere.` });
  }
  if (plan.encoding === 'windows-1252' && !encoding) {
    sink.add({ code: 'encoding-windows-1252', severity: 'info', message: `${name} is not UTF-8; it was read as windows-1252 (Latin-1). Set the reader option encoding if accented letters look wrong.` });
  }
  if (notUtf8Line !== undefined) {
    sink.add({ code: 'mixed-encoding', severity: 'warning', row: notUtf8Line, message: `${name} is UTF-8 at the start, but line ${notUtf8Line} holds text that is not; such values were read as windows-1252 (Latin-1). Re-save the file as UTF-8 if accented letters look wrong.` });
  }
  for (const missing of unknownTypedColumns(options, columns)) {
    sink.add({ code: 'unknown-typed-column', severity: 'warning', column: missing, message: `The reader option types names column \`${missing}\`, which ${name} does not have. Its columns are: ${columns.slice(0, 20).join(', ')}${columns.length > 20 ? ', …' : ''}.` });
  }
  return {
    table,
    profile: request.profile === false ? [] : profileTable({ table }),
    findings: sink.list(),
    details: {
      delimiter: layout.delimiter === '\t' ? 'tab' : layout.delimiter,
      encoding: plan.encoding,
      header: layout.hasHeader ? `line ${layout.headerLine}` : 'none',
    },
  };
}

function stopReason(state: MeterState, name: string, maxBytes: number, declared: number): ReadResult | undefined {
  if (state.aborted) return abortedResult(name);
  if (state.tooLarge) return refusal(name, 'file-too-large', tooLargeMessage(name, Math.max(declared, state.bytesRead), maxBytes));
  return undefined;
}

function onlyWhitespace(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 32 && b !== 9 && b !== 10 && b !== 13) return false;
  }
  return true;
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.byteLength; }
  return out;
}
