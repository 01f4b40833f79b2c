/**
 * Number, date and boolean columns built cell by cell into Float64Arrays, parsing straight from
 * the reader's buffer. A cell that does not fit returns MISFIT and is not stored: the reader
 * then either makes the column text (inferred types) or stores a blank with a finding (a type
 * the user fixed). Blanks set the null mask, allocated on the first blank. Browser-safe.
 */
import type { NumericColumn } from '../../table/table';
import { asciiBytes } from './ascii-bytes';
import { FIXED_DATE, NOT_DATE, newDateParts, parseDateBytes, slashedSerial, ymd8Serial } from './date-text';
import { growFloat64, growUint8, trimFloat64, trimUint8 } from './growable';
import { isBlankBytes, parseBooleanBytes } from './kind-tally';
import { parseNumberBytes } from './number-text';
import { FIT, MISFIT, type CellRanges, type PushStatus } from './text-column-builder';

const CACHE_SLOTS = 1024;

abstract class Float64Builder {
  length = 0;
  protected values: Float64Array;
  protected nulls: Uint8Array | undefined;

  constructor(capacity: number) {
    this.values = new Float64Array(Math.max(16, capacity));
  }

  pushBlank(): void {
    const n = this.length;
    if (n === this.values.length) this.values = growFloat64(this.values, n + 1);
    if (!this.nulls) this.nulls = new Uint8Array(this.values.length);
    else if (this.nulls.length < this.values.length) this.nulls = growUint8(this.nulls, this.values.length);
    this.nulls[n] = 1;
    this.length = n + 1;
  }

  pushBlanks(count: number): void {
    for (let i = 0; i < count; i++) this.pushBlank();
  }

  abstract pushBytes(b: Uint8Array, start: number, end: number): PushStatus;

  /** A text cell from a typed source (JSON, XML, Excel strings), parsed like bytes. */
  pushString(text: string): PushStatus {
    return this.pushBytes(asciiBytes(text), 0, text.length);
  }

  /** A value already typed for this column (JSON numbers, Excel serials, booleans as 0/1). */
  pushValue(value: number): void {
    const n = this.length;
    if (n === this.values.length) this.values = growFloat64(this.values, n + 1);
    this.values[n] = value;
    this.length = n + 1;
  }

  protected column(name: string, type: NumericColumn['type'], values = this.values): NumericColumn {
    const nulls = trimUint8(this.nulls, this.length);
    return nulls ? { name, type, values: trimFloat64(values, this.length), nulls } : { name, type, values: trimFloat64(values, this.length) };
  }
}

export class NumberColumnBuilder extends Float64Builder {
  /** Still possibly YYYYMMDD dates: every cell so far was eight digits forming a date. */
  private ymd8: boolean;

  constructor(capacity = 1024, watchYmd8 = false) {
    super(capacity);
    this.ymd8 = watchYmd8;
  }

  pushBytes(b: Uint8Array, start: number, end: number): PushStatus {
    const v = parseNumberBytes(b, start, end);
    if (v !== v) {
      if (!isBlankBytes(b, start, end)) return MISFIT;
      this.pushBlank();
      return FIT;
    }
    if (this.ymd8 && (end - start !== 8 || ymd8Serial(v) !== ymd8Serial(v))) this.ymd8 = false;
    this.pushValue(v);
    return FIT;
  }

  /** Column c of a batch from row `from` (see CellRanges: written out per class on purpose). */
  pushBatch(batch: CellRanges, c: number, from: number): number {
    const { bytes, starts, ends, own, width, count } = batch;
    for (let r = from; r < count; r++) {
      const i = r * width + c;
      const a = starts[i];
      if (a < 0) { this.pushBlank(); continue; }
      if (this.pushBytes((own !== null && own[i]) || bytes, a, ends[i]) !== FIT) return r;
    }
    return -1;
  }

  finish(name: string): NumericColumn {
    if (!this.ymd8) return this.column(name, 'number');
    const serials = new Float64Array(this.length);
    for (let i = 0; i < this.length; i++) serials[i] = this.nulls?.[i] ? 0 : ymd8Serial(this.values[i]);
    return this.column(name, 'date', serials);
  }
}

export class BooleanColumnBuilder extends Float64Builder {
  pushBytes(b: Uint8Array, start: number, end: number): PushStatus {
    const v = parseBooleanBytes(b, start, end);
    if (v < 0) {
      if (!isBlankBytes(b, start, end)) return MISFIT;
      this.pushBlank();
      return FIT;
    }
    this.pushValue(v);
    return FIT;
  }

  /** Column c of a batch from row `from` (see CellRanges: written out per class on purpose). */
  pushBatch(batch: CellRanges, c: number, from: number): number {
    const { bytes, starts, ends, own, width, count } = batch;
    for (let r = from; r < count; r++) {
      const i = r * width + c;
      const a = starts[i];
      if (a < 0) { this.pushBlank(); continue; }
      if (this.pushBytes((own !== null && own[i]) || bytes, a, ends[i]) !== FIT) return r;
    }
    return -1;
  }

  finish(name: string): NumericColumn {
    return this.column(name, 'boolean');
  }
}

/**
 * Dates and date-times. While slashed dates have not shown which part is the day, both readings
 * are kept (values day-first, alt month-first); the first date that is valid only one way
 * settles it and drops the other array.
 */
export class DateColumnBuilder extends Float64Builder {
  hasTime = false;
  /** true day-first, false month-first, undefined not settled yet. */
  dayFirst: boolean | undefined;
  /** A slashed date was seen while the order was not settled. */
  sawUnsettled = false;
  /** Any slashed date was seen (so the order mattered). */
  sawSlashed = false;
  private alt: Float64Array | undefined;
  private readonly parts = newDateParts();
  /**
   * Dates repeat (a file holds a few hundred trade dates over a million rows): the last serial
   * read for each short date text is kept in a small direct-mapped cache, keyed by the text's
   * bytes packed into two exact numbers, so a repeated date skips the calendar arithmetic.
   */
  private readonly cacheKeys = new Float64Array(2 * CACHE_SLOTS);
  private readonly cacheSerials = new Float64Array(CACHE_SLOTS);

  constructor(capacity = 1024, dayFirst?: boolean) {
    super(capacity);
    this.dayFirst = dayFirst;
  }

  pushBytes(b: Uint8Array, start: number, end: number): PushStatus {
    const len = end - start;
    let slot = -1;
    let k1 = 0;
    let k2 = len;
    if (len >= 8 && len <= 10 && this.alt === undefined) {
      // Bytes 0-4 and 5-9 as base-256 numbers (exact below 2^53); the length joins the second.
      for (let i = start; i < start + 5; i++) k1 = k1 * 256 + b[i];
      for (let i = start + 5; i < end; i++) k2 = k2 * 256 + b[i];
      slot = ((k1 % 1031) * 17 + (k2 % 1033)) & (CACHE_SLOTS - 1);
      if (this.cacheKeys[2 * slot] === k1 && this.cacheKeys[2 * slot + 1] === k2) {
        this.pushValue(this.cacheSerials[slot]);
        return FIT;
      }
    }
    const p = this.parts;
    const form = parseDateBytes(b, start, end, p);
    if (form === NOT_DATE) {
      if (!isBlankBytes(b, start, end)) return MISFIT;
      this.pushBlank();
      return FIT;
    }
    if (p.hasTime) this.hasTime = true;
    if (form === FIXED_DATE) {
      this.pushSerial(p.serial);
      if (slot >= 0 && !p.hasTime) this.remember(slot, k1, k2, p.serial);
      return FIT;
    }
    this.sawSlashed = true;
    if (this.dayFirst !== undefined) {
      const s = slashedSerial(p, this.dayFirst);
      if (s !== s) return MISFIT;
      this.pushValue(s);
      if (slot >= 0 && !p.hasTime) this.remember(slot, k1, k2, s);
      return FIT;
    }
    const dmy = slashedSerial(p, true);
    const mdy = slashedSerial(p, false);
    if (mdy !== mdy) {
      this.settle(true);
      this.pushValue(dmy);
    } else if (dmy !== dmy) {
      this.settle(false);
      this.pushValue(mdy);
    } else {
      this.sawUnsettled = true;
      if (!this.alt) this.alt = this.values.slice();
      this.pushSerial(dmy, mdy);
    }
    return FIT;
  }

  /** Column c of a batch from row `from` (see CellRanges: written out per class on purpose). */
  pushBatch(batch: CellRanges, c: number, from: number): number {
    const { bytes, starts, ends, own, width, count } = batch;
    for (let r = from; r < count; r++) {
      const i = r * width + c;
      const a = starts[i];
      if (a < 0) { this.pushBlank(); continue; }
      if (this.pushBytes((own !== null && own[i]) || bytes, a, ends[i]) !== FIT) return r;
    }
    return -1;
  }

  private remember(slot: number, k1: number, k2: number, serial: number): void {
    this.cacheKeys[2 * slot] = k1;
    this.cacheKeys[2 * slot + 1] = k2;
    this.cacheSerials[slot] = serial;
  }

  /** A serial from a typed source, or a date whose reading does not depend on the order. */
  pushSerial(serial: number, monthFirst = serial): void {
    const n = this.length;
    this.pushValue(serial);
    if (this.alt) {
      if (this.alt.length < this.values.length) this.alt = growFloat64(this.alt, this.values.length);
      this.alt[n] = monthFirst;
    }
  }

  override pushBlank(): void {
    super.pushBlank();
    if (this.alt && this.alt.length < this.values.length) this.alt = growFloat64(this.alt, this.values.length);
  }

  /** Settles the order (the reader may also settle it from the rest of the file at the end). */
  settle(dayFirst: boolean): void {
    if (this.dayFirst !== undefined) return;
    this.dayFirst = dayFirst;
    if (!dayFirst && this.alt) this.values = this.alt.length >= this.values.length ? this.alt : growFloat64(this.alt, this.values.length);
    this.alt = undefined;
  }

  /** `type` fixes date (times dropped) or datetime; otherwise a time anywhere makes it datetime. */
  finish(name: string, type?: 'date' | 'datetime'): NumericColumn {
    if (type === 'date' && this.hasTime) {
      const days = new Float64Array(this.length);
      for (let i = 0; i < this.length; i++) days[i] = Math.floor(this.values[i]);
      return this.column(name, 'date', days);
    }
    return this.column(name, type ?? (this.hasTime ? 'datetime' : 'date'));
  }
}
