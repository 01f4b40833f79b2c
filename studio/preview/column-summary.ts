/**
 * A previewed column as the grid shows it (display text per cell) and its summary strip:
 * the most common type among its values, how many are errors and blanks, and the first rows
 * with an error value and what it means.
 */
import { displayValue, type DisplayType, type DisplayValue } from '../../runtime/formula/display-value';
import { FormulaError, type ErrorCode, type Scalar } from '../../runtime/formula/library/values';
import type { ValueType } from '../../runtime/formula/program';
import { decimalText } from '../../runtime/table/table-text';

export interface ErrorRow {
  /** Index into the sample table. */
  readonly row: number;
  /** The row's number in its file (line, sheet row), for "line 12". */
  readonly rowNumber: number;
  readonly code: ErrorCode;
  readonly message: string;
}

export interface ColumnSummary {
  /** The most common type among non-blank, non-error values; 'error' or 'blank' when there are none. */
  readonly type: DisplayType;
  readonly errors: number;
  readonly blanks: number;
  readonly rows: number;
  /** The first rows holding an error value. */
  readonly errorRows: readonly ErrorRow[];
}

/** What an error value means, for the strip's tooltip and the error rows list. */
export const ERROR_MEANINGS: Readonly<Record<ErrorCode, string>> = {
  '#VALUE!': 'a value of the wrong type, e.g. text where a number is needed',
  '#DIV/0!': 'division by zero',
  '#N/A': 'no value available, e.g. a lookup found no match',
  '#NUM!': 'a number out of range, e.g. an invalid date or square root of a negative',
  '#NAME?': 'an unknown name',
  '#REF!': 'a reference to something that does not exist',
  '#NULL!': 'an empty intersection',
};

/** A cell as the grid shows it: computed numbers to 15 significant digits, dates in ISO form. */
export function cellDisplay(value: Scalar, type: ValueType): string {
  return textOf(displayValue(value, type));
}

function textOf(d: DisplayValue): string {
  if (d.value === null) return '';
  if (d.type === 'boolean') return d.value ? 'TRUE' : 'FALSE';
  if (d.type === 'number') return decimalText(d.value as number);
  return String(d.value);
}

/**
 * The strip of a column. Display text is not made here: the grid asks for the cells it shows
 * (cellDisplay), so 100k rows cost no formatting until scrolled to.
 */
export function summarize({ values, type, rows, rowNumbers, maxErrorRows }: {
  values: readonly Scalar[];
  type: ValueType;
  /** Sample-table index of each value's row. */
  rows: Int32Array;
  rowNumbers: Int32Array;
  maxErrorRows: number;
}): ColumnSummary {
  const counts = new Map<DisplayType, number>();
  const errorRows: ErrorRow[] = [];
  let errors = 0;
  let blanks = 0;
  const dates = type === 'date' || type === 'datetime';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let t: DisplayType;
    if (v === null || v === undefined) t = 'blank';
    else if (typeof v === 'number') t = dates ? displayValue(v, type).type : 'number';
    else if (typeof v === 'string') t = 'text';
    else if (typeof v === 'boolean') t = 'boolean';
    else t = 'error';
    if (t === 'blank') blanks++;
    else if (v instanceof FormulaError) {
      errors++;
      if (errorRows.length < maxErrorRows) errorRows.push({ row: rows[i], rowNumber: rowNumbers[i], code: v.code, message: `${v.code}: ${ERROR_MEANINGS[v.code]}` });
    } else counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  let best: DisplayType = errors ? 'error' : 'blank';
  let most = 0;
  for (const [t, n] of counts) if (n > most) [best, most] = [t, n];
  return { type: best, errors, blanks, rows: values.length, errorRows };
}
