import type { Finding } from './finding';
import { decodeText, looksBinary } from './text-decoding';

/**
 * A small RFC 4180 reader for the foundation's Data page: quoted fields with embedded
 * delimiters, quotes and newlines; delimiter detection; ragged rows as findings.
 * The ingest module's streaming, typed readers replace it for real runs.
 */
export interface CsvResult {
  readonly ok: boolean;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly delimiter: string;
  readonly encoding: string;
  readonly findings: readonly Finding[];
}

const DELIMITERS = [',', ';', '\t', '|'];

export function readCsv({ bytes, source }: { bytes: Uint8Array; source: string }): CsvResult {
  const refuse = (code: string, message: string): CsvResult => ({
    ok: false, header: [], rows: [], delimiter: ',', encoding: 'unknown',
    findings: [{ code, severity: 'error', message, location: { source } }],
  });
  if (bytes.byteLength === 0) return refuse('empty-file', `${source} is empty: upload a file with a header row and at least one data row.`);
  if (looksBinary(bytes)) return refuse('binary-file', `${source} looks like a binary file, not CSV. Export the sheet as CSV (comma, semicolon, tab or pipe separated) and upload that.`);
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') return refuse('empty-file', `${source} holds only whitespace: upload a file with a header row and at least one data row.`);

  const delimiter = detectDelimiter(text);
  const records = parseRecords(text, delimiter);
  const findings: Finding[] = [];
  const header = uniqueHeader(records[0].cells, source, findings);
  const rows: string[][] = [];
  for (let r = 1; r < records.length; r++) {
    const { cells, line } = records[r];
    if (cells.length === 1 && cells[0] === '') continue; // blank line
    if (cells.length !== header.length) {
      findings.push({
        code: 'ragged-row', severity: 'warning',
        message: `Line ${line} has ${cells.length} fields but the header has ${header.length}; ${cells.length < header.length ? 'missing fields are left blank' : 'extra fields are dropped'}. Check for an unquoted "${delimiter === '\t' ? '\\t' : delimiter}" in that line.`,
        location: { source, row: line },
      });
    }
    rows.push(header.map((_, i) => cells[i] ?? ''));
  }
  return { ok: true, header, rows, delimiter, encoding, findings };
}

/** The delimiter that splits the first lines into the most equal, greater-than-one field counts. */
function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 20).filter((l) => l.trim() !== '');
  let best = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => splitOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first < 1) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * first;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

function splitOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

interface RawRecord { readonly cells: string[]; readonly line: number }

function parseRecords(text: string, d: string): RawRecord[] {
  const records: RawRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else { if (ch === '\n') line++; field += ch; }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === d) { cells.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(field);
      records.push({ cells, line: recordLine });
      cells = []; field = ''; line++; recordLine = line;
    } else field += ch;
  }
  if (field !== '' || cells.length > 0) { cells.push(field); records.push({ cells, line: recordLine }); }
  return records;
}

function uniqueHeader(cells: readonly string[], source: string, findings: Finding[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((raw, i) => {
    let name = raw.trim() || `Column ${i + 1}`;
    const count = seen.get(name.toLowerCase()) ?? 0;
    seen.set(name.toLowerCase(), count + 1);
    if (count > 0) {
      const renamed = `${name} (${count + 1})`;
      findings.push({
        code: 'duplicate-header', severity: 'warning',
        message: `Column ${i + 1} repeats the header "${name}"; it is named "${renamed}". Rename it in the file to keep formulas readable.`,
        location: { source, row: 1, column: name },
      });
      name = renamed;
    }
    return name;
  });
}
