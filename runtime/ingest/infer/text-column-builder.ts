/**
 * A dictionary-encoded text column built from ranges of bytes. The hash is computed over the
 * bytes in place and checked against the dictionary's own copies of them, so a repeated value
 * (an account, a currency, a product code) costs no string at all: only a value seen for the
 * first time is decoded. Strings from typed sources come in through pushString. Browser-safe.
 */
import type { TextColumn } from '../../table/table';
import { utf8Bytes } from './ascii-bytes';
import { growInt32, growUint8, trimInt32 } from './growable';

export const FIT = 0;
export const MISFIT = 1;
export type PushStatus = typeof FIT | typeof MISFIT;

/**
 * A batch of cells as byte ranges, interleaved by column: cell (r, c) is starts/ends[r * width
 * + c] of `bytes` (or of own[r * width + c]); start -1 is a missing field. Builders take a whole
 * column of it in one call, pushBatch, written out in each builder class rather than inherited
 * so that the pushBytes call inside has one target and V8 inlines the parser into the loop.
 */
export interface CellRanges {
  readonly bytes: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly own: readonly (Uint8Array | undefined)[] | null;
  readonly width: number;
  readonly count: number;
  readonly lines: Int32Array;
  /** Told each cell's line before it is stored, for a decoder that reports where it was. */
  readonly position?: { line: number };
}

/** Turns a cell's bytes into its string (the reader knows the file's encoding). */
export type CellDecoder = (b: Uint8Array, start: number, end: number) => string;

const utf8 = new TextDecoder('utf-8');
export const decodeUtf8Cell: CellDecoder = (b, start, end) => utf8.decode(b.subarray(start, end));

export class TextColumnBuilder {
  length = 0;
  private codes: Int32Array;
  private readonly dictionary: string[] = [];
  /**
   * Open addressing, two Int32 per slot: the value's hash, then its code + 1 (0 when empty).
   * The hash sits beside the code so a probe touches one cache line, not the dictionary.
   */
  private slots = new Int32Array(256);
  private mask = 127;
  /** Codes below this are in the hash table. */
  private indexed = 0;
  /**
   * Every value so far arrived in ascending byte order (ids, sorted exports): then a value
   * above the last one is certainly new and one equal to it is the last code, so neither needs
   * the hash table. The table is built the first time the order breaks.
   */
  private ascending = true;
  /** The dictionary's values as bytes, back to back: value k is keys[keyAt[k], keyAt[k + 1]). */
  private keys = new Uint8Array(1024);
  private keyAt = new Int32Array(65);

  constructor(capacity = 1024, private readonly decode: CellDecoder = decodeUtf8Cell) {
    this.codes = new Int32Array(Math.max(16, capacity));
  }

  pushBytes(b: Uint8Array, start: number, end: number, known?: string): PushStatus {
    const n = this.length;
    if (n === this.codes.length) this.codes = growInt32(this.codes, n + 1);
    let blank = true;
    for (let i = start; i < end; i++) {
      const c = b[i];
      if (c !== 32 && c !== 9) { blank = false; break; }
    }
    if (blank) {
      this.codes[n] = -1;
      this.length = n + 1;
      return FIT;
    }
    const len = end - start;
    if (this.ascending) {
      const last = this.dictionary.length - 1;
      const order = last < 0 ? 1 : this.compareKey(last, b, start, len);
      if (order > 0) {
        this.codes[n] = this.append(b, start, end, known);
        this.length = n + 1;
        return FIT;
      }
      if (order === 0) {
        this.codes[n] = last;
        this.length = n + 1;
        return FIT;
      }
      this.ascending = false;
      this.indexAll();
    }
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], 16777619);
    const mask = this.mask;
    const slots = this.slots;
    let slot = h & mask;
    for (;;) {
      const entry = slots[2 * slot + 1];
      if (entry === 0) break;
      if (slots[2 * slot] === h) {
        const code = entry - 1;
        if (this.keyAt[code + 1] - this.keyAt[code] === len && this.compareKey(code, b, start, len) === 0) {
          this.codes[n] = code;
          this.length = n + 1;
          return FIT;
        }
      }
      slot = (slot + 1) & mask;
    }
    const code = this.append(b, start, end, known);
    this.insert(slot, h, code);
    this.codes[n] = code;
    this.length = n + 1;
    return FIT;
  }

  /** Column c of a batch from row `from`: -1 when done, else the row of a cell that did not fit. */
  pushBatch(batch: CellRanges, c: number, from: number): number {
    const { bytes, starts, ends, own, width, count, lines, position } = batch;
    for (let r = from; r < count; r++) {
      const i = r * width + c;
      const a = starts[i];
      if (a < 0) { this.pushBlank(); continue; }
      if (position !== undefined) position.line = lines[r];
      if (this.pushBytes((own !== null && own[i]) || bytes, a, ends[i]) !== FIT) return r;
    }
    return -1;
  }

  /** A whole string value (JSON, XML, Excel). */
  pushString(value: string): PushStatus {
    const { bytes, length } = utf8Bytes(value);
    return this.pushBytes(bytes, 0, length, value);
  }

  pushBlank(): void {
    if (this.length === this.codes.length) this.codes = growInt32(this.codes, this.length + 1);
    this.codes[this.length++] = -1;
  }

  pushBlanks(count: number): void {
    for (let i = 0; i < count; i++) this.pushBlank();
  }

  finish(name: string): TextColumn {
    const codes = trimInt32(this.codes, this.length);
    return { name, type: 'text', dictionary: this.dictionary, codes };
  }

  /** Sign of (b[start, start + len) − value `code`) in byte order. */
  private compareKey(code: number, b: Uint8Array, start: number, len: number): number {
    const keys = this.keys;
    const at = this.keyAt[code];
    const keyLen = this.keyAt[code + 1] - at;
    const common = len < keyLen ? len : keyLen;
    for (let i = 0; i < common; i++) {
      const d = b[start + i] - keys[at + i];
      if (d !== 0) return d;
    }
    return len - keyLen;
  }

  /** A new value: decoded (or given), stored in the dictionary and as bytes; its code. */
  private append(b: Uint8Array, start: number, end: number, known: string | undefined): number {
    const code = this.dictionary.length;
    const len = end - start;
    this.dictionary.push(known ?? this.decode(b, start, end));
    if (code + 2 > this.keyAt.length) this.keyAt = growInt32(this.keyAt, code + 2);
    const at = this.keyAt[code];
    if (at + len > this.keys.length) this.keys = growUint8(this.keys, at + len);
    const keys = this.keys;
    for (let i = 0; i < len; i++) keys[at + i] = b[start + i];
    this.keyAt[code + 1] = at + len;
    return code;
  }

  private insert(slot: number, h: number, code: number): void {
    this.slots[2 * slot] = h;
    this.slots[2 * slot + 1] = code + 1;
    this.indexed = code + 1;
    if (this.indexed * 2 > this.mask) this.rehash();
  }

  /** Puts the values appended in ascending order into the hash table. */
  private indexAll(): void {
    const keys = this.keys;
    for (let code = this.indexed; code < this.dictionary.length; code++) {
      let h = 0x811c9dc5 | 0;
      for (let i = this.keyAt[code]; i < this.keyAt[code + 1]; i++) h = Math.imul(h ^ keys[i], 16777619);
      while ((code + 1) * 2 > this.mask) this.rehash();
      let slot = h & this.mask;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = h;
      this.slots[2 * slot + 1] = code + 1;
    }
    this.indexed = this.dictionary.length;
  }

  private rehash(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(size * 2);
    const mask = size - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      let slot = old[i] & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[i];
      slots[2 * slot + 1] = old[i + 1];
    }
    this.slots = slots;
    this.mask = mask;
  }
}
