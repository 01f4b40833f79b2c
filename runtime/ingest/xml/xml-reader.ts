/**
 * The generic XML reader: the elements at a row path become rows; their attributes and child
 * elements become columns with dotted names (flatten-record.ts), namespace prefixes dropped.
 * Parsed whole by fast-xml-parser after the guard (xml-guard.ts) and its validator, so capped
 * at WHOLE_FILE_MAX_BYTES. Row origins: the element's 1-based index among the rows.
 * Browser-safe.
 *
 * Options: rowPath ("Document/Rpt/Tx"; default: the repeating record element), plus types,
 * dateOrder, nullValues (reader-options.ts).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { FindingSink } from '../finding-sink';
import { profileTable } from '../infer/column-profile';
import { buildValueTable, type CellValue } from '../infer/value-table';
import { columnsOf, flattenRecord } from '../json/flatten-record';
import { refusal, resolveLimits, tooManyRowsMessage, WHOLE_FILE_MAX_BYTES } from '../limits';
import { neverThrow, readWhole } from '../metered-chunks';
import type { ReadRequest, ReadResult, Reader } from '../reader';
import { parseReaderOptions, typingOptionsShape } from '../reader-options';
import { decodeText, looksBinary } from '../text-decoding';
import { decodeXmlText, guardXml } from './xml-guard';
import { findRows } from './xml-rows';

const MAX_COLUMNS = 2000;
const optionsSchema = z.strictObject({
  rowPath: z.string().min(1).optional()
    .meta({ title: 'Row path', description: 'The path of the repeating record element, e.g. Document/Rpt/Tx. Blank: the repeating element found in the file.' }),
  ...typingOptionsShape,
});

export const xmlReader: Reader = {
  format: 'xml',
  description: 'XML: the elements at a row path become rows, their attributes and children columns',
  extensions: ['.xml'],
  optionsSchema,
  sniff: (head) => /^\s*</.test(decodeText(head.subarray(0, 1024)).text.replace(/^\uFEFF/, '')),
  read: (request) => neverThrow(request.source.name, 'XML', () => readXml(request)),
};

/** fast-xml-parser with every entity feature off: values are decoded by decodeXmlText only. */
export function createSafeXmlParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    cdataPropName: '#cdata',
    textNodeName: '#text',
    trimValues: true,
    tagValueProcessor: (_name, value) => decodeXmlText(value),
    attributeValueProcessor: (_name, value) => decodeXmlText(value),
  });
}

/** XML text from bytes: a BOM or UTF-16 first, then the encoding the declaration names. */
export function decodeXml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared && !declared.startsWith('utf') && bytes[0] !== 0xef && bytes[0] !== 0xfe && bytes[0] !== 0xff) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An encoding TextDecoder does not know: fall through to detection.
    }
  }
  return decodeText(bytes).text.replace(/^\uFEFF/, '');
}

async function readXml(request: ReadRequest): Promise<ReadResult> {
  const { source } = request;
  const name = source.name;
  const parsed = parseReaderOptions({ schema: optionsSchema, options: request.options, source: name, format: 'xml' });
  if (!parsed.ok) return parsed.result;
  const options = parsed.value;
  const limits = resolveLimits(request.limits);
  const whole = await readWhole({ source, maxBytes: Math.min(limits.maxBytes, WHOLE_FILE_MAX_BYTES), onProgress: request.onProgress, signal: request.signal });
  if (!whole.ok) return whole.result;
  if (whole.bytes.byteLength === 0) return refusal(name, 'empty-file', `${name} is empty: upload an XML file.`);
  if (looksBinary(whole.bytes)) return refusal(name, 'binary-file', `${name} looks like a binary file, not XML. Check that you picked the right file.`);
  const text = decodeXml(whole.bytes);

  const guard = guardXml({ text, source: name });
  if (!guard.ok) return { profile: [], findings: [{ code: guard.code, severity: 'error', message: guard.message, location: { source: name, row: guard.line } }] };
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    return { profile: [], findings: [{ code: 'bad-xml', severity: 'error', message: `${name} is not well-formed XML at line ${line}, column ${col}: ${msg} Fix the file, or export it again.`, location: { source: name, row: line } }] };
  }
  const root = createSafeXmlParser().parse(text) as Record<string, unknown>;
  const located = findRows(root, options.rowPath);
  if ('error' in located) return refusal(name, 'no-rows-at-path', `${name}: ${located.error}`);
  if (located.rows.length > limits.maxRows) return refusal(name, 'too-many-rows', tooManyRowsMessage(name, limits.maxRows));

  const sink = new FindingSink(name);
  if (!options.rowPath) {
    sink.add({ code: 'rows-found-at', severity: 'info', message: `Rows are the <${located.path.split('/').at(-1)}> elements at ${located.path} (${located.rows.length.toLocaleString('en-US')}); set the reader option rowPath to choose other elements.` });
  }
  const records = located.rows.map((row) => {
    const record = new Map<string, CellValue>();
    flattenRecord(row, { arrayBase: 1, scalarArrays: 'indexed', attributePrefix: '@', textKeys: ['#text', '#cdata'], maxDepth: 32 }, record);
    return record;
  });
  const { names, columns, dropped } = columnsOf({ records, maxColumns: MAX_COLUMNS });
  if (dropped > 0) {
    sink.add({ code: 'too-many-columns', severity: 'warning', message: `The rows flatten to more than ${MAX_COLUMNS} columns; ${dropped} further names were dropped. Set the reader option rowPath to smaller elements.` });
  }
  const table = buildValueTable({
    datasetId: source.sha256, names, columns, rowNumbers: Int32Array.from(located.rows, (_, i) => i + 1), options, sink,
  });
  return { table, profile: profileTable({ table }), findings: sink.list(), details: { rowPath: located.path } };
}
