/**
 * The layout of a delimited file, found from its first 64 KiB: the delimiter, the line
 * the header is on (title lines above it are skipped), whether there is a header at all, and
 * what each column's sample values are. Browser-safe.
 *
 *   delimiter  the candidate (, tab ; |) that splits the sample records into the same number of
 *              fields most consistently, at least two; quoted delimiters do not count
 *   header     the first record with more than half the usual field count ("Statement for
 *              ACC-1", "Run date: …" and blank lines above it are a preamble); it is a header
 *              unless the columns' types say otherwise (its cells read as the column's numbers
 *              or dates more often than not)
 */
import { RecordScanner } from './record-scanner';
import { KindTally, isBlankText } from '../infer/kind-tally';
import type { CellDecoder } from '../infer/text-column-builder';

export const DELIMITERS = [',', '\t', ';', '|'] as const;
const SAMPLE_RECORDS = 1000;

export interface SampleRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

export interface DelimitedLayout {
  readonly delimiter: string;
  /** 1-based line of the header, or of the first data row when hasHeader is false. */
  readonly headerLine: number;
  readonly hasHeader: boolean;
  readonly header: readonly string[];
  /** Per column, what the sample's data cells allow. */
  readonly tallies: readonly KindTally[];
  /** Sample bytes per record, to size column arrays up front. */
  readonly bytesPerRecord: number;
  /** The line-break byte: LF (with or without CR before it), or CR for files that use CR alone. */
  readonly newline: number;
}

interface Sample {
  readonly bytes: Uint8Array;
  readonly final: boolean;
  readonly quote: number;
  readonly newline: number;
  readonly decode: CellDecoder;
}

function sampleRecords(sample: Sample, delimiter: number): { records: SampleRecord[]; bytesUsed: number } {
  const records: SampleRecord[] = [];
  let bytesUsed = 0;
  const scanner = new RecordScanner({
    delimiter, quote: sample.quote, newline: sample.newline, maxRecordBytes: Number.MAX_SAFE_INTEGER,
    events: {
      record(s, line) {
        const fields: string[] = [];
        for (let i = 0; i < s.fieldCount; i++) fields.push(sample.decode(s.fieldBytes(i), s.starts[i], s.ends[i]));
        records.push({ line, fields });
        bytesUsed += fields.reduce((n, f) => n + f.length + 1, 0);
        return records.length < SAMPLE_RECORDS;
      },
      problem() { /* the real read reports problems */ },
    },
  });
  scanner.push(sample.bytes);
  if (sample.final) scanner.end();
  return { records, bytesUsed };
}

const isBlankRecord = (r: SampleRecord) => r.fields.length === 1 && isBlankText(r.fields[0]);

/** Fields up to the last non-blank one: trailing empty fields (",,,") are an export artefact. */
function filledWidth(r: SampleRecord): number {
  let n = r.fields.length;
  while (n > 0 && isBlankText(r.fields[n - 1])) n--;
  return n;
}

function usualFieldCount(records: readonly SampleRecord[], width: (r: SampleRecord) => number = (r) => r.fields.length): { count: number; consistency: number } {
  const freq = new Map<number, number>();
  let total = 0;
  for (const r of records) {
    if (isBlankRecord(r)) continue;
    const n = width(r);
    freq.set(n, (freq.get(n) ?? 0) + 1);
    total++;
  }
  let count = 0;
  let best = 0;
  for (const [n, f] of freq) if (f > best || (f === best && n > count)) [count, best] = [n, f];
  return { count, consistency: total ? best / total : 0 };
}

function chooseDelimiter(sample: Sample): string {
  let chosen: string = DELIMITERS[0];
  let score = 0;
  for (const d of DELIMITERS) {
    const { count, consistency } = usualFieldCount(sampleRecords(sample, d.charCodeAt(0)).records.slice(0, 200));
    if (count < 2) continue;
    if (consistency > score) [chosen, score] = [d, consistency];
  }
  return chosen;
}

export function detectLayout({ bytes, final, decode, delimiter, quote, header, headerLine, nullValues }: {
  bytes: Uint8Array; final: boolean; decode: CellDecoder; delimiter?: string; quote: string; header?: boolean; headerLine?: number;
  nullValues?: ReadonlySet<string>;
}): DelimitedLayout {
  const hasLf = bytes.indexOf(10) >= 0;
  const newline = !hasLf && bytes.indexOf(13) >= 0 ? 13 : 10;
  const sample: Sample = { bytes, final, quote: quote.charCodeAt(0), newline, decode };
  const d = delimiter ?? chooseDelimiter(sample);
  const { records, bytesUsed } = sampleRecords(sample, d.charCodeAt(0));
  const { count } = usualFieldCount(records, filledWidth);
  const titleMax = Math.max(1, Math.floor(count / 2));
  let start: number;
  if (headerLine !== undefined) {
    start = records.findIndex((r) => r.line >= headerLine);
  } else {
    start = records.findIndex((r) => !isBlankRecord(r) && (count < 2 || filledWidth(r) > titleMax));
  }
  if (start < 0) start = records.length;
  const first = records[start];
  const rest = records.slice(start + 1).filter((r) => !isBlankRecord(r));
  const width = first ? first.fields.length : 0;
  const tallies = Array.from({ length: width }, () => new KindTally());
  const isValue = (v: string) => !isBlankText(v) && !nullValues?.has(v.trim());
  for (const r of rest) {
    for (let c = 0; c < width && c < r.fields.length; c++) {
      const v = r.fields[c];
      if (isValue(v)) tallies[c].addText(v);
    }
  }
  const hasHeader = header ?? (first ? looksLikeHeader(first.fields, tallies) : true);
  if (!hasHeader && first) {
    // The first record is data: count it in the sample too.
    first.fields.forEach((v, c) => { if (isValue(v)) tallies[c].addText(v); });
  }
  return {
    delimiter: d,
    headerLine: first?.line ?? headerLine ?? 1,
    hasHeader,
    header: first?.fields ?? [],
    tallies,
    bytesPerRecord: records.length ? Math.max(1, bytesUsed / records.length) : 64,
    newline,
  };
}

/** A header unless more typed columns accept the first record's cell than reject it. */
function looksLikeHeader(cells: readonly string[], tallies: readonly KindTally[]): boolean {
  let header = 0;
  let data = 0;
  cells.forEach((cell, c) => {
    const tally = tallies[c];
    if (!tally || tally.filled === 0 || tally.kind === 'text' || isBlankText(cell)) return;
    const probe = new KindTally();
    probe.addText(cell);
    const fits = tally.kind === 'number' ? probe.number : tally.kind === 'date' ? probe.date || probe.ymd8 : probe.boolean;
    if (fits) data++;
    else header++;
  });
  return !(data > header);
}
