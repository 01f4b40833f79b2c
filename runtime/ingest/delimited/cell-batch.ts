/**
 * Records gathered into batches of cell ranges, so the builders are fed a column at a time
 * (pushBatch) rather than a cell at a time: inside each builder's loop the parser has one call
 * target and is inlined, where a row-by-row loop switches builder and parser at every cell.
 * A batch holds ranges of one buffer only; the pass flushes it before the scanner moves to the
 * next chunk. Browser-safe.
 */
import type { CellRanges } from '../infer/text-column-builder';
import type { RecordScanner } from './record-scanner';

export const BATCH_ROWS = 2048;

export class CellBatch implements CellRanges {
  count = 0;
  bytes: Uint8Array = new Uint8Array(0);
  /** Cell (row r, column c) is starts/ends[r * width + c]; start -1 marks a missing field. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly lines = new Int32Array(BATCH_ROWS);
  /** Cells whose bytes are their own array (quoted with ""), by the same index; rare. */
  own: (Uint8Array | undefined)[] | null = null;

  constructor(readonly width: number, readonly position?: { line: number }) {
    this.starts = new Int32Array(BATCH_ROWS * Math.max(1, width));
    this.ends = new Int32Array(BATCH_ROWS * Math.max(1, width));
  }

  get full(): boolean {
    return this.count === BATCH_ROWS;
  }

  /** Whether a record from `bytes` can join this batch (it must share the buffer). */
  accepts(bytes: Uint8Array): boolean {
    return this.count === 0 || bytes === this.bytes;
  }

  add(s: RecordScanner, line: number): void {
    const width = this.width;
    const base = this.count * width;
    const n = s.fieldCount < width ? s.fieldCount : width;
    const starts = s.starts;
    const ends = s.ends;
    for (let c = 0; c < n; c++) {
      this.starts[base + c] = starts[c];
      this.ends[base + c] = ends[c];
    }
    for (let c = n; c < width; c++) this.starts[base + c] = -1;
    if (s.hasOwn) {
      for (let c = 0; c < n; c++) {
        const own = s.own[c];
        if (own) (this.own ??= [])[base + c] = own;
      }
    }
    this.bytes = s.bytes;
    this.lines[this.count++] = line;
  }

  clear(): void {
    this.count = 0;
    this.own = null;
  }
}
