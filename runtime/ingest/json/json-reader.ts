/**
 * The JSON reader: an array of objects, or the array at a path inside the document, or JSON
 * Lines (one object per line, .jsonl/.ndjson or detected). Nested fields become dotted column
 * names (flatten-record.ts); types follow the shared inference, JSON numbers and booleans
 * counting as themselves. The document is parsed whole with JSON.parse, so it is capped at
 * WHOLE_FILE_MAX_BYTES. Row origins: the element's 1-based index, or the line for JSON Lines.
 * Browser-safe.
 *
 * Options: path ("data.trades"), lines (true/false: JSON Lines; default detected), plus
 * types, dateOrder, nullValues (reader-options.ts).
 */
import { z } from 'zod';
import { FindingSink } from '../finding-sink';
import { profileTable } from '../infer/column-profile';
import { buildValueTable, type CellValue } from '../infer/value-table';
import { refusal, resolveLimits, tooManyRowsMessage, WHOLE_FILE_MAX_BYTES } from '../limits';
import { neverThrow, readWhole } from '../metered-chunks';
import type { ReadRequest, ReadResult, Reader } from '../reader';
import { parseReaderOptions, typingOptionsShape } from '../reader-options';
import { decodeText, looksBinary } from '../text-decoding';
import { columnsOf, flattenRecord } from './flatten-record';
import { lineOfJsonError, locateRows, looksLikeJsonLines, parseJsonLines } from './json-rows';

const MAX_COLUMNS = 2000;
const optionsSchema = z.strictObject({
  path: z.string().min(1).optional()
    .meta({ title: 'Row path', description: 'The dotted path to the array of records, e.g. data.trades. Blank: the document itself, or its only array.' }),
  lines: z.boolean().optional()
    .meta({ title: 'JSON Lines', description: 'One JSON object per line (.jsonl, .ndjson). Blank: detected.' }),
  ...typingOptionsShape,
});

export const jsonReader: Reader = {
  format: 'json',
  description: 'JSON: an array of objects (or one at a path), or JSON Lines; nested fields become dotted columns',
  extensions: ['.json', '.jsonl', '.ndjson'],
  optionsSchema,
  sniff: (head) => {
    const text = new TextDecoder().decode(head.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
    return text.startsWith('{') || text.startsWith('[');
  },
  read: (request) => neverThrow(request.source.name, 'JSON', () => readJson(request)),
};

async function readJson(request: ReadRequest): Promise<ReadResult> {
  const { source } = request;
  const name = source.name;
  const parsed = parseReaderOptions({ schema: optionsSchema, options: request.options, source: name, format: 'json' });
  if (!parsed.ok) return parsed.result;
  const options = parsed.value;
  const limits = resolveLimits(request.limits);
  const whole = await readWhole({ source, maxBytes: Math.min(limits.maxBytes, WHOLE_FILE_MAX_BYTES), onProgress: request.onProgress, signal: request.signal });
  if (!whole.ok) return whole.result;
  if (whole.bytes.byteLength === 0) return refusal(name, 'empty-file', `${name} is empty: upload a JSON file holding an array of objects.`);
  if (looksBinary(whole.bytes)) return refusal(name, 'binary-file', `${name} looks like a binary file, not JSON. Check that you picked the right file.`);
  const text = decodeText(whole.bytes).text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return refusal(name, 'empty-file', `${name} holds only whitespace: upload a JSON file holding an array of objects.`);

  const sink = new FindingSink(name);
  const asLines = options.lines ?? (/\.(jsonl|ndjson)$/i.test(name) || looksLikeJsonLines(text));
  let rows: { value: unknown; row: number }[];
  let where: string;
  if (asLines) {
    const lines = parseJsonLines(text, (line, message) => sink.add({
      code: 'bad-json-line', severity: 'warning', row: line,
      message: `Line ${line} is not valid JSON (${message}); it was skipped.`,
    }));
    rows = lines.map(({ line, value }) => ({ value, row: line }));
    where = 'JSON Lines';
    if (options.path) {
      sink.add({ code: 'path-ignored', severity: 'info', message: `The path option is ignored for JSON Lines: every line is a row.` });
    }
  } else {
    let root: unknown;
    try {
      root = JSON.parse(text);
    } catch (e) {
      const message = (e as Error).message;
      const line = lineOfJsonError(text, message);
      return refusal(name, 'bad-json', `${name} is not valid JSON${line ? ` (line ${line})` : ''}: ${message}. Fix the file, or export it again.`);
    }
    const located = locateRows(root, options.path);
    if (!located.ok) return refusal(name, 'no-rows-at-path', `${name}: ${located.message}`);
    rows = located.rows.map((value, i) => ({ value, row: i + 1 }));
    where = located.path;
    if (!options.path && located.path !== '$') {
      sink.add({ code: 'rows-found-at', severity: 'info', message: `Rows were taken from "${located.path}" (${located.rows.length.toLocaleString('en-US')} items); set the reader option path to choose another array.` });
    }
  }
  if (rows.length > limits.maxRows) return refusal(name, 'too-many-rows', tooManyRowsMessage(name, limits.maxRows));

  const records = rows.map(({ value }) => {
    const record = new Map<string, CellValue>();
    flattenRecord(value, { arrayBase: 0, scalarArrays: 'json', maxDepth: 32 }, record);
    return record;
  });
  const { names, columns, dropped } = columnsOf({ records, maxColumns: MAX_COLUMNS });
  if (dropped > 0) {
    sink.add({ code: 'too-many-columns', severity: 'warning', message: `The rows flatten to more than ${MAX_COLUMNS} columns; ${dropped} further field names were dropped. Set the reader option path to a flatter array.` });
  }
  const table = buildValueTable({
    datasetId: source.sha256, names, columns, rowNumbers: Int32Array.from(rows, (r) => r.row), options, sink,
  });
  return { table, profile: profileTable({ table }), findings: sink.list(), details: { rows: where } };
}
