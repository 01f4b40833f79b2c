/**
 * The FpML reader: an FpML 5.x file (confirmation, recordkeeping or any other view; a
 * dataDocument or a message such as requestConfirmation or nonpublicExecutionReport) → one row
 * per trade with its economics, in the fixed column set of columns.ts (see COLUMNS.md).
 *
 * Row origin: rowNumber = the trade's 1-based position among the file's trade elements; findings
 * about a trade use the same number as their row (their message also gives the line). Findings
 * about the file as a whole (malformed XML, DOCTYPE refused) use the line number.
 *
 * Never throws on bad input: an empty, binary, non-XML, malformed, DTD-bearing or non-FpML file is
 * refused with an error finding and no table; an FpML file without trades gives an empty table and
 * a warning; an unknown product gives a row with identity columns and a warning.
 */
import { z } from 'zod';
import type { Finding } from '../finding';
import { resolveLimits, tooLargeMessage, WHOLE_FILE_MAX_BYTES } from '../limits';
import type { ByteSource, Reader, ReadRequest, ReadResult } from '../reader';
import { parseReaderOptions } from '../reader-options';
import type { TradeRow } from './columns';
import { buildDocument, FPML_NAMESPACE, FPML_ROOTS, looksLikeFpml, rootInfo } from './document';
import { buildTable, profileTable } from './table-build';
import { extractTrade } from './trades';
import { parseXml } from './xml';

/** The FpML reader takes no options (like every reader, it refuses ones it does not know). */
export const fpmlOptionsSchema = z.object({}).strict();

const refuse = (source: string, code: string, message: string, row?: number): ReadResult => ({
  profile: [],
  findings: [{ code, severity: 'error', message, location: { source, ...(row !== undefined ? { row } : {}) } }],
});

export interface FpmlBytesRequest {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly datasetId: string;
  readonly maxRows?: number;
  readonly signal?: AbortSignal;
}

/** Reads FpML from bytes already in memory (the reader and readFpmlFiles both use it). */
export function readFpmlBytes({ bytes, name, datasetId, maxRows = resolveLimits(undefined).maxRows, signal }: FpmlBytesRequest): ReadResult {
  const xml = parseXml(bytes, name);
  if (!xml.ok) return refuse(name, xml.code, xml.message, xml.line);
  const info = rootInfo(xml.text);
  if (!looksLikeFpml(info)) {
    return refuse(name, 'fpml-not-fpml', `${name} is XML but not FpML: its root is <${info?.localName ?? xml.rootName}>${info?.namespace ? ` in namespace ${info.namespace}` : ''}, not an FpML document (namespace http://www.fpml.org/FpML-5/…). Choose the XML reader for other XML files.`);
  }
  const doc = buildDocument(name, xml.text, xml.rootName, xml.root);
  const findings: Finding[] = [];
  if (doc.trades.length === 0) {
    findings.push({ code: 'fpml-no-trades', severity: 'warning', message: `${name} is an FpML <${doc.messageType}> with no trade element: there is nothing to read. FpML status and acknowledgement messages carry no trade; upload the confirmation itself.`, location: { source: name } });
  }
  const trades = doc.trades.slice(0, maxRows);
  if (trades.length < doc.trades.length) {
    findings.push({ code: 'fpml-row-limit', severity: 'warning', message: `${name} holds ${doc.trades.length} trades; only the first ${maxRows} are read (the row limit). Split the file or raise the limit.`, location: { source: name, row: maxRows + 1 } });
  }
  const rows: TradeRow[] = [];
  for (let i = 0; i < trades.length; i++) {
    if (signal?.aborted) return refuse(name, 'fpml-aborted', `Reading ${name} was cancelled after ${i} trades.`);
    rows.push(extractTrade(doc, trades[i], i + 1, findings));
  }
  const table = buildTable(rows, datasetId, Int32Array.from(rows, (_, i) => i + 1));
  const details: Record<string, string | number> = { messageType: doc.messageType, trades: doc.trades.length };
  if (doc.view) details.view = doc.view;
  if (doc.version) details.fpmlVersion = doc.version;
  return { table, profile: profileTable(table), findings, details };
}

/**
 * Reads a ByteSource whole (FpML needs the document tree), size-capped before reading: by
 * ReadLimits.maxBytes when given, else by the whole-file cap every in-memory reader shares.
 */
export async function readFpmlSource(source: ByteSource, request: Omit<ReadRequest, 'source'> = {}): Promise<ReadResult> {
  const maxBytes = request.limits?.maxBytes ?? WHOLE_FILE_MAX_BYTES;
  const { maxRows } = resolveLimits(request.limits);
  const options = parseReaderOptions({ schema: fpmlOptionsSchema, options: request.options, source: source.name, format: 'FpML' });
  if (!options.ok) return options.result;
  if (source.sizeBytes > maxBytes) return refuse(source.name, 'fpml-too-large', tooLargeMessage(source.name, source.sizeBytes, maxBytes));
  if (request.signal?.aborted) return refuse(source.name, 'fpml-aborted', `Reading ${source.name} was cancelled.`);
  let bytes: Uint8Array;
  try {
    bytes = await source.readAll();
  } catch (e) {
    return refuse(source.name, 'fpml-read-failed', `${source.name} could not be read: ${(e as Error).message}.`);
  }
  if (bytes.byteLength > maxBytes) return refuse(source.name, 'fpml-too-large', tooLargeMessage(source.name, bytes.byteLength, maxBytes));
  request.onProgress?.(bytes.byteLength);
  return readFpmlBytes({ bytes, name: source.name, datasetId: source.sha256, maxRows, signal: request.signal });
}

const HEAD_DECODER = new TextDecoder('utf-8', { fatal: false });
const FPML_NAMESPACE_ANYWHERE = /xmlns(?::[\w.-]+)?\s*=\s*["']https?:\/\/www\.fpml\.org\//i;
const FPML_ROOT_TAG = new RegExp(`<(?:[\\w.-]+:)?(${[...FPML_ROOTS].join('|')})[\\s>/]`);

export const fpmlReader: Reader = {
  format: 'fpml',
  description: 'FpML 5.x trade documents and messages (confirmation, recordkeeping, reporting views): one row per trade with its economics.',
  extensions: ['.xml', '.fpml'],
  optionsSchema: fpmlOptionsSchema,
  sniff(head: Uint8Array): boolean {
    const text = HEAD_DECODER.decode(head.subarray(0, 64 * 1024)).replace(/^\uFEFF/, '');
    if (!/^\s*</.test(text)) return false;
    const info = rootInfo(text);
    if (info) return looksLikeFpml(info) || (info.namespace !== undefined && FPML_NAMESPACE.test(info.namespace));
    return FPML_NAMESPACE_ANYWHERE.test(text) || FPML_ROOT_TAG.test(text);
  },
  read(request: ReadRequest): Promise<ReadResult> {
    return readFpmlSource(request.source, request);
  },
};
