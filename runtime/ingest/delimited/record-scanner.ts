/**
 * Splits delimited bytes into records as they stream in, chunk by chunk: RFC 4180 quoting (a
 * quote opens only at the start of a field, "" inside quotes is one quote, delimiters and line
 * breaks inside quotes are data), CRLF or LF line ends (CR alone when the file uses it).
 * Works on bytes of an ASCII-compatible encoding (UTF-8, windows-1252): delimiters, quotes and
 * line breaks are single ASCII bytes that never occur inside a multi-byte UTF-8 character.
 * Browser-safe.
 *
 * Hand-written rather than taken from a CSV library because the reader needs what none of them
 * gives together: fields as byte ranges of the chunk (no string per cell, so numbers are parsed
 * in place and a repeated text value is a dictionary hit), the line each record starts on (for
 * lineage and findings), and recovery from an unclosed quote instead of reading the rest of the
 * file as one field. One loop walks each chunk once, comparing each byte with three values; a
 * quoted field is skipped with a native indexOf for its closing quote.
 *
 * A record not complete at the end of a chunk is carried into the next. An open quote that runs
 * past maxRecordBytes, or to the end of the file, is taken as a stray quote: that line is read
 * again with its quotes as plain characters, and the problem reported.
 */
import { growInt32 } from '../infer/growable';

export interface ScannerEvents {
  /** One record; read its fields from the scanner. Return false to stop scanning. */
  record(scanner: RecordScanner, line: number): boolean | void;
  problem(code: 'unclosed-quote' | 'record-too-long', line: number): void;
}

const LF = 10, CR = 13;
const EMPTY = new Uint8Array(0);

export class RecordScanner {
  /** The bytes the current record's ranges point into. */
  bytes: Uint8Array = EMPTY;
  fieldCount = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** Fields that are not a plain range of `bytes` ("" inside quotes): their own bytes, 0..length. */
  readonly own: (Uint8Array | undefined)[] = [];
  hasOwn = false;
  /** Line number of the next record. */
  line = 1;
  stopped = false;
  private carry: Uint8Array = EMPTY;
  /** Quotes before this position of the next buffer are plain characters (stray-quote recovery). */
  private literalUntil = -1;
  private readonly events: ScannerEvents;
  private readonly d: number;
  private readonly q: number;
  private readonly nl: number;

  constructor(private readonly options: { delimiter: number; quote: number; newline?: number; events: ScannerEvents; maxRecordBytes: number }) {
    this.events = options.events;
    this.d = options.delimiter;
    this.q = options.quote;
    this.nl = options.newline ?? LF;
  }

  /** The caller must not change a chunk after pushing it: a partial record keeps a view of it. */
  push(chunk: Uint8Array): void {
    if (this.stopped) return;
    const buf = this.carry.length ? join(this.carry, chunk) : chunk;
    let pos = this.scan(buf, false);
    while (!this.stopped && buf.length - pos > this.options.maxRecordBytes) {
      // A record longer than the limit: a stray quote swallowing lines, or no line breaks at all.
      const lineEnd = buf.indexOf(this.nl, pos);
      if (lineEnd < 0 || lineEnd - pos > this.options.maxRecordBytes) {
        this.options.events.problem('record-too-long', this.line);
        this.stopped = true;
        return;
      }
      this.options.events.problem('unclosed-quote', this.line);
      const rest = buf.subarray(pos);
      this.literalUntil = lineEnd - pos + 1;
      pos += this.scan(rest, false);
    }
    this.carry = buf.subarray(pos);
  }

  /** End of input: the last record may lack a line break. */
  end(): void {
    let buf = this.carry;
    this.carry = EMPTY;
    while (!this.stopped && buf.length) {
      const pos = this.scan(buf, true);
      if (pos >= buf.length) break;
      // Only an open quote stops a final scan early: read that line with plain quotes.
      this.options.events.problem('unclosed-quote', this.line);
      buf = buf.subarray(pos);
      const lineEnd = buf.indexOf(this.nl);
      this.literalUntil = lineEnd < 0 ? buf.length : lineEnd + 1;
    }
  }

  /** Where field i's bytes are: its own array when it has one, else `bytes`. */
  fieldBytes(i: number): Uint8Array {
    return (this.hasOwn && this.own[i]) || this.bytes;
  }

  /** Emits every complete record of buf; returns where the first incomplete one starts. */
  private scan(buf: Uint8Array, final: boolean, from = 0, literalUntil = this.takeLiteralUntil()): number {
    const n = buf.length, d = this.d, q = this.q, nl = this.nl;
    if (this.hasOwn) { this.own.length = 0; this.hasOwn = false; }
    const starts = this.starts, ends = this.ends;
    // A record with more fields than the arrays hold: grow them and scan that record again.
    const full = starts.length - 1;
    let recordStart = from, fieldStart = from, f = 0, extraLines = 0, i = from;
    // Most bytes are letters and digits, above every special byte when the delimiter is a
    // comma or tab: one comparison skips them.
    const highest = d > q ? (d > nl ? d : nl) : q > nl ? q : nl;
    while (i < n) {
      const c = buf[i];
      if (c > highest) {
        i++;
      } else if (c === d) {
        starts[f] = fieldStart;
        ends[f++] = i;
        fieldStart = ++i;
        if (f === full) return this.grow(buf, final, recordStart, literalUntil);
      } else if (c === nl) {
        starts[f] = fieldStart;
        ends[f++] = i > fieldStart && buf[i - 1] === CR && nl === LF ? i - 1 : i;
        if (!this.emit(buf, f, extraLines)) return n;
        f = extraLines = 0;
        recordStart = fieldStart = ++i;
      } else if (c === q && i === fieldStart && i >= literalUntil) {
        const after = this.quoted(buf, i, f, final);
        if (after < 0) return recordStart; // needs more bytes, or unclosed at the end
        extraLines += this.lastLines;
        f++;
        if (f === full) return this.grow(buf, final, recordStart, literalUntil);
        i = after;
        if (i < n && buf[i] === d) fieldStart = ++i;
        else {
          // The quoted field ends the record (line break or end of input).
          const next = i >= n ? n : buf[i] === CR && buf[i + 1] === LF ? i + 2 : i + 1;
          if (i < n && buf[i] === CR && i + 1 >= n && !final) return recordStart;
          if (!this.emit(buf, f, extraLines)) return n;
          f = extraLines = 0;
          recordStart = fieldStart = i = next;
          if (i >= n) return n;
        }
      } else i++;
    }
    if (!final || recordStart >= n) return recordStart;
    starts[f] = fieldStart;
    ends[f++] = n;
    this.emit(buf, f, extraLines);
    return n;
  }

  /** Line breaks inside the last quoted field. */
  private lastLines = 0;

  /**
   * The quoted field opening at i, stored as field f: returns the position after it (at the
   * delimiter or line break that follows), or -1 when the buffer ends first.
   */
  private quoted(buf: Uint8Array, i: number, f: number, final: boolean): number {
    const n = buf.length, q = this.q, d = this.d, nl = this.nl;
    let j = i + 1;
    let own: Uint8Array | undefined;
    let close: number;
    for (;;) {
      close = buf.indexOf(q, j);
      if (close < 0) return -1;
      if (close + 1 >= n) {
        if (!final) return -1; // the quote may be the first of ""
        break;
      }
      if (buf[close + 1] !== q) break;
      own = join(own ?? EMPTY, buf.subarray(j, close + 1));
      j = close + 2;
    }
    // Line breaks inside the quotes, for line numbers: a short loop, as quoted fields are short.
    let lines = 0;
    for (let k = i + 1; k < close; k++) if (buf[k] === nl) lines++;
    this.lastLines = lines;
    // Bytes after the closing quote ("ab"cd) are kept, as spreadsheet programs do.
    let k = close + 1;
    while (k < n && buf[k] !== d && buf[k] !== nl && !(buf[k] === CR && buf[k + 1] === nl)) k++;
    if (k >= n && !final) return -1;
    if (own === undefined && k === close + 1) {
      this.starts[f] = i + 1;
      this.ends[f] = close;
    } else {
      const value = join(join(own ?? EMPTY, buf.subarray(j, close)), buf.subarray(close + 1, k));
      this.own[f] = value;
      this.hasOwn = true;
      this.starts[f] = 0;
      this.ends[f] = value.length;
    }
    return k;
  }

  private grow(buf: Uint8Array, final: boolean, recordStart: number, literalUntil: number): number {
    this.starts = growInt32(this.starts, this.starts.length + 1);
    this.ends = growInt32(this.ends, this.ends.length + 1);
    return this.scan(buf, final, recordStart, literalUntil);
  }

  private takeLiteralUntil(): number {
    const until = this.literalUntil;
    this.literalUntil = -1;
    return until;
  }

  /** Hands one record to the events; false when scanning must stop. */
  private emit(buf: Uint8Array, fieldCount: number, extraLines: number): boolean {
    this.bytes = buf;
    this.fieldCount = fieldCount;
    const line = this.line;
    this.line = line + 1 + extraLines;
    if (this.events.record(this, line) === false) this.stopped = true;
    if (this.hasOwn) { this.own.length = 0; this.hasOwn = false; }
    return !this.stopped;
  }
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
