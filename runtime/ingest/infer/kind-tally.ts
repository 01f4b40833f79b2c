/**
 * Type inference for one column: every cell narrows what the column can be, and the column
 * takes the most specific type every non-blank cell allows. Browser-safe.
 *
 * The rules, in order (the first that every non-blank cell satisfies wins):
 *   1. number   broker formats (number-text.ts); codes with leading zeros and 16+ digit ids are
 *               not numbers, so "00123" keeps its zeros as text
 *      … and when every cell is exactly eight digits forming a real date (YYYYMMDD), a date
 *   2. date     ISO, dotted, month-name and slashed dates (date-text.ts); datetime when any cell
 *               carries a time. Slashed dates are day-first or month-first by the evidence: a
 *               first part above 12 means day-first, a second part above 12 month-first;
 *               evidence both ways makes the column text; no evidence is ambiguous (a finding)
 *   3. boolean  true/false, yes/no, y/n in any case (1 and 0 stay numbers)
 *   4. text     anything else; a column with no values at all is text too
 * Numbers, booleans and dates that arrive typed (JSON, Excel) count as themselves.
 */
import { asciiBytes } from './ascii-bytes';
import { parseNumberBytes } from './number-text';
import { FIXED_DATE, NOT_DATE, newDateParts, parseDateBytes, parseYmd8Bytes, slashedSerial, type DateParts } from './date-text';

export type InferredKind = 'number' | 'date' | 'boolean' | 'text';

export class KindTally {
  filled = 0;
  number = true;
  ymd8 = true;
  date = true;
  boolean = true;
  hasTime = false;
  /** Every slashed date so far is valid read day-first / month-first. */
  dayFirstOk = true;
  monthFirstOk = true;
  slashed = false;
  private readonly parts: DateParts = newDateParts();

  /** A non-blank text cell. */
  addText(text: string): void {
    this.addBytes(asciiBytes(text), 0, text.length);
  }

  /** A non-blank text cell as bytes[start, end). */
  addBytes(b: Uint8Array, start: number, end: number): void {
    this.filled++;
    if (this.number && Number.isNaN(parseNumberBytes(b, start, end))) this.number = false;
    if (this.ymd8 && Number.isNaN(parseYmd8Bytes(b, start, end))) this.ymd8 = false;
    if (this.date) {
      const form = parseDateBytes(b, start, end, this.parts);
      if (form === NOT_DATE) this.date = false;
      else {
        if (this.parts.hasTime) this.hasTime = true;
        if (form !== FIXED_DATE) {
          this.slashed = true;
          if (Number.isNaN(slashedSerial(this.parts, true))) this.dayFirstOk = false;
          if (Number.isNaN(slashedSerial(this.parts, false))) this.monthFirstOk = false;
          if (!this.dayFirstOk && !this.monthFirstOk) this.date = false;
        }
      }
    }
    if (this.boolean && parseBooleanBytes(b, start, end) < 0) this.boolean = false;
  }

  addNumber(): void {
    this.filled++;
    this.ymd8 = this.date = this.boolean = false;
  }

  addBoolean(): void {
    this.filled++;
    this.number = this.ymd8 = this.date = false;
  }

  addDate(hasTime: boolean): void {
    this.filled++;
    this.number = this.ymd8 = this.boolean = false;
    if (hasTime) this.hasTime = true;
  }

  get kind(): InferredKind {
    if (this.filled === 0) return 'text';
    if (this.number && !this.ymd8) return 'number';
    if (this.ymd8 || this.date) return 'date';
    if (this.boolean) return 'boolean';
    return 'text';
  }

  /** For a date column of slashed dates: true day-first, false month-first, undefined ambiguous. */
  get dayFirst(): boolean | undefined {
    if (!this.slashed) return undefined;
    if (this.dayFirstOk && !this.monthFirstOk) return true;
    if (this.monthFirstOk && !this.dayFirstOk) return false;
    return undefined;
  }
}

/** 1 for true/yes/y, 0 for false/no/n (any case, spaces around ignored), -1 otherwise. */
export function parseBooleanBytes(b: Uint8Array, start: number, end: number): number {
  while (start < end && b[start] === 32) start++;
  while (end > start && b[end - 1] === 32) end--;
  const len = end - start;
  if (len === 0 || len > 5) return -1;
  const c = b[start] | 32;
  if (len === 1) return c === 121 ? 1 : c === 110 ? 0 : -1; // y n
  if (c !== 116 && c !== 121 && c !== 102 && c !== 110) return -1; // t y f n
  let word = '';
  for (let i = start; i < end; i++) word += String.fromCharCode(b[i] | 32);
  switch (word) {
    case 'true': case 'yes': return 1;
    case 'false': case 'no': return 0;
    default: return -1;
  }
}

/** Empty or only spaces and tabs. */
export function isBlankBytes(b: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

export const isBlankText = (text: string): boolean => text.trim() === '';
