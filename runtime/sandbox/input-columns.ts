/**
 * Columns as the host hands them to the sandbox: the typed, columnar shapes of DESIGN.md §4
 * (Float64Array numbers with a blank mask, dictionary-encoded text), plus a catch-all for
 * messy columns. Browser-safe. Dates and datetimes are `number` columns of Excel serials;
 * the static type lives in the program's ColumnSpec.
 */
import type { ColumnSpec } from '../formula/program';
import { ERR, FormulaError, type Scalar } from '../formula/library/values';
import { BOOL_BLANK, BOOL_FALSE, BOOL_TRUE } from './wire-format';

export type InputColumn =
  /** `blanks[i] === 1` marks a blank cell. */
  | { readonly kind: 'number'; readonly values: Float64Array; readonly blanks?: Uint8Array }
  /** BOOL_FALSE, BOOL_TRUE or BOOL_BLANK per cell (wire-format.ts). */
  | { readonly kind: 'boolean'; readonly values: Uint8Array }
  /** `codes[i]` indexes `dict`; -1 is blank. */
  | { readonly kind: 'text'; readonly dict: readonly string[]; readonly codes: Int32Array }
  /** Anything else: mixed types, error values. Crosses as tagged cells. */
  | { readonly kind: 'values'; readonly values: readonly Scalar[] };

export function columnLength(column: InputColumn): number {
  return column.kind === 'text' ? column.codes.length : column.values.length;
}

/** The cheapest shape that holds `values` exactly. */
export function columnFromValues(values: readonly Scalar[]): InputColumn {
  let numbers = true;
  let booleans = true;
  let texts = true;
  let blanks = false;
  for (const v of values) {
    if (v === null || v === undefined) blanks = true;
    else {
      numbers &&= typeof v === 'number';
      booleans &&= typeof v === 'boolean';
      texts &&= typeof v === 'string';
    }
  }
  const n = values.length;
  if (numbers) {
    const out = new Float64Array(n);
    const mask = blanks ? new Uint8Array(n) : undefined;
    values.forEach((v, i) => (v === null || v === undefined ? (mask![i] = 1) : (out[i] = v as number)));
    return { kind: 'number', values: out, blanks: mask };
  }
  if (booleans) {
    const out = new Uint8Array(n);
    values.forEach((v, i) => (out[i] = v === null || v === undefined ? BOOL_BLANK : v ? BOOL_TRUE : BOOL_FALSE));
    return { kind: 'boolean', values: out };
  }
  if (texts) {
    const index = new Map<string, number>();
    const dict: string[] = [];
    const codes = new Int32Array(n);
    values.forEach((v, i) => {
      if (v === null || v === undefined) return void (codes[i] = -1);
      let k = index.get(v as string);
      if (k === undefined) index.set(v as string, (k = dict.push(v as string) - 1));
      codes[i] = k;
    });
    return { kind: 'text', dict, codes };
  }
  return { kind: 'values', values };
}

/** A runtime value from loosely typed data (JSON rows, fixtures): anything else is #VALUE!. */
export function toScalar(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof FormulaError) return v;
  return ERR.VALUE;
}

/**
 * The program's input columns from row objects keyed by column name (previews, tests, the
 * CLI). Own properties only, so a column called `__proto__` or `constructor` is just a name.
 */
export function columnsFromRows({
  inputs,
  rows,
}: {
  inputs: readonly ColumnSpec[];
  rows: readonly Readonly<Record<string, unknown>>[];
}): InputColumn[] {
  return inputs.map((spec) =>
    columnFromValues(rows.map((row) => (Object.hasOwn(row, spec.name) ? toScalar(row[spec.name]) : null))),
  );
}
