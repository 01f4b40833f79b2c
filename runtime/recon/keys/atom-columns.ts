/**
 * A key column's atoms (interned, normalised key texts) without an array of them per row, where
 * the column allows: a text column's rows reach their atom through their dictionary code, a
 * column of whole numbers in a compact range (dates, strikes) through a table by value. Only
 * other numbers get their atoms row by row. Building composite keys then reads each row once.
 */
import { displayCell } from '../column-views';
import type { Column } from '../../table/table';
import type { StringInterner } from './string-interner';

export interface AtomColumn {
  readonly rows: number;
  /** Every atom some row may have (some perhaps none has), −1 for values that normalise to blank. */
  readonly atoms: Int32Array;
  /** Row r's atom, −1 when blank. */
  at(r: number): number;
  /** out[r] = out[r] × radix + local[atom of row r]; −1 (blank) when either is −1. */
  accumulate(out: Float64Array, local: Int32Array, radix: number): void;
  /** Every row's atom. */
  materialise(): Int32Array;
}

/** Atoms of a table's column: `normalise` applies the key's rules, `atoms` is shared by every key column. */
export function atomColumn(column: Column, normalise: (s: string) => string, atoms: StringInterner): AtomColumn {
  if (column.type === 'text') {
    const byCode = Int32Array.from(column.dictionary, (d) => atoms.id(normalise(d)));
    return lookupColumn(column.codes, byCode);
  }
  const { values, nulls } = column;
  const rows = values.length;
  const atomOf = (r: number) => atoms.id(normalise(String(displayCell(column, r))));
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let r = 0; r < rows && whole; r++) {
    if (nulls?.[r]) continue;
    const v = values[r];
    if (v !== Math.floor(v)) whole = false;
    else { if (v < min) min = v; if (v > max) max = v; }
  }
  if (whole && min <= max && max - min <= 4 * rows + 1024) {
    // Whole numbers in a compact range index a table by value.
    const table = new Int32Array(max - min + 1).fill(UNUSED);
    const offsets = new Int32Array(rows);
    for (let r = 0; r < rows; r++) {
      if (nulls?.[r]) { offsets[r] = -1; continue; }
      const i = values[r] - min;
      if (table[i] === UNUSED) table[i] = atomOf(r);
      offsets[r] = i;
    }
    return lookupColumn(offsets, table);
  }
  const byValue = new Map<number, number>();
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const v = values[r];
    if (nulls?.[r] || v !== v) { out[r] = -1; continue; }
    let id = byValue.get(v);
    if (id === undefined) byValue.set(v, (id = atomOf(r)));
    out[r] = id;
  }
  return atomsByRow(out);
}

/** A column whose atoms are given row by row (−1 blank). */
export function atomsByRow(atoms: Int32Array): AtomColumn {
  return lookupColumn(atoms, undefined);
}

/** A table slot no row points at. */
const UNUSED = -2;

/** Rows reach their atom as table[index[r]] (index −1: blank), or, without a table, index[r] is the atom. */
function lookupColumn(index: Int32Array, table: Int32Array | undefined): AtomColumn {
  const atoms = table ? table.filter((a) => a !== UNUSED) : distinct(index);
  return {
    rows: index.length,
    atoms,
    at: (r) => {
      const i = index[r];
      return i < 0 ? -1 : table ? table[i] : i;
    },
    accumulate(out, local, radix) {
      const rows = index.length;
      if (!table) {
        for (let r = 0; r < rows; r++) {
          const key = out[r];
          const a = index[r];
          out[r] = key < 0 || a < 0 ? -1 : key * radix + local[a];
        }
        return;
      }
      // The table's entries as local ids first, so each row costs one look-up.
      const lut = Int32Array.from(table, (a) => (a < 0 ? -1 : local[a]));
      for (let r = 0; r < rows; r++) {
        const key = out[r];
        const i = index[r];
        const id = i < 0 ? -1 : lut[i];
        out[r] = key < 0 || id < 0 ? -1 : key * radix + id;
      }
    },
    materialise: () => (table ? Int32Array.from(index, (i) => (i < 0 ? -1 : table[i])) : index),
  };
}

function distinct(atoms: Int32Array): Int32Array {
  const seen = new Set<number>();
  for (let r = 0; r < atoms.length; r++) if (atoms[r] >= 0) seen.add(atoms[r]);
  return Int32Array.from(seen);
}
