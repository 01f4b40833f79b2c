/**
 * Columns as the comparators need them, built once per rule so the per-row path touches only
 * typed arrays:
 *   - a numeric view (numbers, or text parsed once per dictionary entry);
 *   - text ids: every distinct text of two columns interned into one id space, so comparing
 *     a left cell with a right cell is comparing two integers.
 */
import { displayValue } from '../formula/display-value';
import { parseDateText } from '../formula/library/dates';
import { parseNumericText } from '../formula/library/values';
import { cellValue, type Column } from '../table/table';
import type { CellValue } from './types';

export interface NumericView {
  /** NaN where the cell is blank or not a number. */
  readonly values: Float64Array;
  /** 1 where the cell is blank (a NaN that is not blank is text that is no number). */
  readonly nulls?: Uint8Array;
  /** Cells that hold text which is not a number (or date, for date views). */
  readonly notNumbers: number;
}

export function numericView(column: Column, asDates = false): NumericView {
  if (column.type !== 'text') return { values: column.values, nulls: column.nulls, notNumbers: 0 };
  const parsed = new Float64Array(column.dictionary.length);
  column.dictionary.forEach((text, i) => {
    const n = parseNumericText(text) ?? (asDates ? parseDateText(text) : undefined);
    parsed[i] = n ?? NaN;
  });
  const rows = column.codes.length;
  const values = new Float64Array(rows);
  const nulls = new Uint8Array(rows);
  let notNumbers = 0;
  for (let r = 0; r < rows; r++) {
    const code = column.codes[r];
    if (code < 0) { values[r] = NaN; nulls[r] = 1; continue; }
    const v = parsed[code];
    values[r] = v;
    if (v !== v) notNumbers++;
  }
  return { values, nulls, notNumbers };
}

/** The value a person sees: dates as YYYY-MM-DD, numbers as numbers, blanks as null. */
export function displayCell(column: Column, row: number): CellValue {
  const v = cellValue(column, row);
  return displayValue(v, column.type).value;
}

/** Interns texts into one id space shared by several columns. */
export class TextIds {
  private readonly ids = new Map<string, number>();
  readonly texts: string[] = [];

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(text, id);
      this.texts.push(text);
    }
    return id;
  }

  /**
   * Per row: the id of the cell's text after `normalise` (−1 for blank). Text columns cost one
   * map lookup per dictionary entry; other columns one per distinct value, written as displayed.
   */
  column(column: Column, normalise: (s: string) => string = (s) => s): Int32Array {
    const rows = column.type === 'text' ? column.codes.length : column.values.length;
    const out = new Int32Array(rows);
    if (column.type === 'text') {
      const byCode = Int32Array.from(column.dictionary, (s) => this.id(normalise(s)));
      for (let r = 0; r < rows; r++) {
        const c = column.codes[r];
        out[r] = c < 0 ? -1 : byCode[c];
      }
      return out;
    }
    const byValue = new Map<number, number>();
    for (let r = 0; r < rows; r++) {
      if (column.nulls?.[r]) { out[r] = -1; continue; }
      const v = column.values[r];
      let id = byValue.get(v);
      if (id === undefined) {
        id = this.id(normalise(String(displayCell(column, r))));
        byValue.set(v, id);
      }
      out[r] = id;
    }
    return out;
  }
}
