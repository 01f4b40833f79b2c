/**
 * Between the Table (DESIGN.md §4) and the sandbox's input columns: zero-copy for numbers and
 * text, a byte per cell for booleans. And back: a program's output values become Table columns.
 * Browser-safe: the runner and the studio's preview convert the same way, so a preview
 * computes exactly what a run will.
 */
import type { ColumnType, ValueType } from '../formula/program';
import { FormulaError, type Scalar } from '../formula/library/values';
import type { InputColumn } from '../sandbox/input-columns';
import { BOOL_BLANK, BOOL_FALSE, BOOL_TRUE } from '../sandbox/wire-format';
import type { Column } from './table';

export function toInputColumn(column: Column): InputColumn {
  if (column.type === 'text') return { kind: 'text', dict: column.dictionary, codes: column.codes };
  if (column.type !== 'boolean') return { kind: 'number', values: column.values, blanks: column.nulls };
  const out = new Uint8Array(column.values.length);
  for (let i = 0; i < out.length; i++) out[i] = column.nulls?.[i] ? BOOL_BLANK : column.values[i] !== 0 ? BOOL_TRUE : BOOL_FALSE;
  return { kind: 'boolean', values: out };
}

/**
 * Output values → a Table column of the formula's static type. Values that do not fit the type
 * (an error value, text in a number column) are kept as text so nothing is lost; the caller
 * reports error values as findings.
 */
export function columnFromOutput({ name, type, values }: { name: string; type: ValueType; values: readonly Scalar[] }): Column {
  const numeric: ColumnType | undefined = type === 'number' || type === 'date' || type === 'datetime' || type === 'boolean' ? type : undefined;
  if (numeric && values.every((v) => v === null || typeof v === (numeric === 'boolean' ? 'boolean' : 'number'))) {
    const out = new Float64Array(values.length);
    let nulls: Uint8Array | undefined;
    values.forEach((v, i) => {
      if (v === null) (nulls ??= new Uint8Array(values.length))[i] = 1;
      else out[i] = typeof v === 'boolean' ? (v ? 1 : 0) : (v as number);
    });
    return { name, type: numeric as 'number', values: out, nulls };
  }
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    if (v === null) return void (codes[i] = -1);
    const text = v instanceof FormulaError ? v.code : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
    let k = index.get(text);
    if (k === undefined) index.set(text, (k = dictionary.push(text) - 1));
    codes[i] = k;
  });
  return { name, type: 'text', dictionary, codes };
}
