/**
 * Composite keys without per-row strings. Every distinct key text of every source is normalised
 * once and interned to an atom id (one id space for all parts and sources, so equal texts are
 * equal ids everywhere); text columns cost one lookup per dictionary entry, other columns one per
 * distinct value. A row's key is then its tuple of atom ids, held as one mixed-radix number
 * (composite-keys.ts; tuples when the parts are too many for 2^53) and interned in a typed-array
 * hash table to a group id shared by all sources: rows of different sources with equal keys share
 * a group. A row with any blank part has group −1 and is reported as a finding, never a break.
 */
import type { Finding } from '../../finding';
import { closest } from '../../formula/check/suggest';
import { columnByName, originOf, type Column } from '../../table/table';
import type { FindingSink } from '../reference-tables';
import type { KeySpec, ReconSource, ReferenceTables } from '../types';
import { keyNormaliser } from './normalize-key';
import { StringInterner } from './string-interner';
import { TupleInterner } from './tuple-interner';
import { atomColumn, type AtomColumn } from './atom-columns';
import { compositeKeys, keyInterner, type CompositeKeys } from './composite-keys';

export interface KeyIndex {
  readonly keys: readonly KeySpec[];
  /** Canonical (normalised) text of each atom. */
  readonly atomText: readonly string[];
  /** [source][part]: each row's atom, −1 when blank. */
  readonly atoms: readonly (readonly Int32Array[])[];
  /** [source]: each row's group, −1 when some part of its key is blank. */
  readonly groupOf: readonly Int32Array[];
  readonly groupCount: number;
  /** [source]: rows with a blank key. */
  readonly blankKeys: readonly number[];
  groupAtoms(group: number): ArrayLike<number>;
  /** The group of a tuple of atoms, −1 when no row has that key. */
  findGroup(atoms: ArrayLike<number>): number;
  /** The key as the break shows it: key name → canonical text. */
  keyRecord(group: number): Record<string, string>;
  /** The atom of a canonical text, −1 when no key has it. */
  atomOf(text: string): number;
}

export interface KeyIndexOptions {
  readonly referenceTables?: ReferenceTables;
  readonly report: FindingSink;
  /** Blank-key findings per source before the rest are counted in one (default 100). */
  readonly maxFindings?: number;
}

/** Canonical key texts; "" is blank and never an atom. */
class Atoms extends StringInterner {
  override id(text: string): number {
    return text === '' ? -1 : super.id(text);
  }
}

/** Undefined when a key column is missing (reported as an error finding). */
export function buildKeyIndex(sources: readonly ReconSource[], keys: readonly KeySpec[], options: KeyIndexOptions): KeyIndex | undefined {
  const { report } = options;
  const columns: Column[][] = sources.map(() => []);
  let ok = keys.length > 0;
  if (!ok) report({ code: 'recon.no-keys', severity: 'error', message: 'A reconciliation needs at least one key: add one under match.keys.', location: { source: 'template', path: '$.match.keys' } });
  keys.forEach((key, k) => sources.forEach((s, i) => {
    const name = key.columns[s.name];
    const column = name === undefined ? undefined : columnByName(s.table, name);
    if (column) { columns[i][k] = column; return; }
    ok = false;
    const hint = name === undefined ? undefined : closest(name, s.table.columns.map((c) => c.name));
    report({
      code: 'recon.unknown-key-column',
      severity: 'error',
      message: name === undefined
        ? `Key ${key.name} names no column for source ${s.name}: add ${s.name} to its columns.`
        : `Key ${key.name} reads column \`${name}\`, which source ${s.name} does not have${hint ? `: did you mean \`${hint}\`?` : ': map it first.'}`,
      location: { source: s.name, column: name, path: `$.match.keys[${k}]` },
    });
  }));
  if (!ok) return undefined;

  const atoms = new Atoms(Math.min(1 << 16, sources.reduce((n, s) => n + s.table.rowCount, 0)));
  const normalisers = keys.map((key) => keyNormaliser(key, options.referenceTables, report));
  const atomColumns = sources.map((_, i) => keys.map((_, k) => atomColumn(columns[i][k], normalisers[k], atoms)));
  // Each row's atom per part, made only when asked for (tuples, and the KeyIndex's `atoms`).
  let materialised: Int32Array[][] | undefined;
  const rowAtoms = () => (materialised ??= atomColumns.map((parts) => parts.map((p) => p.materialise())));
  const width = keys.length;
  const totalRows = sources.reduce((n, s) => n + s.table.rowCount, 0);
  const composite = width > 1 ? compositeKeys(atomColumns, atoms.texts.length) : undefined;
  const grouper = composite ? compositeGrouper(composite, totalRows) : width > 1 ? tupleGrouper(rowAtoms(), width, totalRows) : undefined;
  const blankKeys: number[] = [];
  const max = options.maxFindings ?? 100;
  const groupOf = sources.map((s, i) => {
    const parts = atomColumns[i];
    const out = grouper ? grouper.groupOf[i] : parts[0].materialise().slice();
    let blanks = 0;
    for (let r = 0; r < out.length; r++) {
      if (out[r] >= 0) continue;
      if (blanks++ < max) report(blankKeyFinding(s, keys, columns[i], parts, r));
    }
    if (blanks > max) report({ code: 'recon.blank-key', severity: 'warning', message: `${blanks - max} more rows of ${s.name} have a blank key and were left out of matching: fill the keys or fix the key formulas.`, location: { source: s.name } });
    blankKeys.push(blanks);
    return out;
  });

  const groupAtoms = (g: number): ArrayLike<number> => (grouper ? grouper.atomsOf(g) : [g]);
  return {
    keys,
    atomText: atoms.texts,
    get atoms() { return rowAtoms(); },
    groupOf,
    groupCount: grouper ? grouper.count : atoms.texts.length,
    blankKeys,
    groupAtoms,
    findGroup: (t) => {
      if (grouper) return grouper.find(t);
      return t[0] >= 0 && t[0] < atoms.texts.length ? t[0] : -1;
    },
    atomOf: (text) => (text === '' ? -1 : atoms.find(text)),
    keyRecord(g) {
      const t = groupAtoms(g);
      const out: Record<string, string> = {};
      keys.forEach((key, k) => { out[key.name] = atoms.texts[t[k]]; });
      return out;
    },
  };
}

/**
 * Rows to groups for keys of several parts. Groups are numbered in first-seen order over the
 * sources in turn, whichever way keys are held, so breaks come out in the same order.
 */
interface Grouper {
  /** [source]: each row's group, −1 when some part of its key is blank. */
  readonly groupOf: readonly Int32Array[];
  readonly count: number;
  atomsOf(group: number): ArrayLike<number>;
  find(atoms: ArrayLike<number>): number;
}

function compositeGrouper(composite: CompositeKeys, totalRows: number): Grouper {
  // Sized for the largest source: sources mostly share their keys, and the table grows if not.
  const interner = keyInterner(composite.small, Math.min(totalRows, Math.max(...composite.codes.map((c) => c.length))));
  let keyOf = new Float64Array(1024);
  const groupOf = composite.codes.map((codes) => {
    const out = new Int32Array(codes.length);
    for (let r = 0; r < out.length; r++) {
      const key = codes[r];
      if (key < 0) { out[r] = -1; continue; }
      const before = interner.count;
      const g = interner.intern(key);
      if (g === before) {
        if (g === keyOf.length) { const grown = new Float64Array(keyOf.length * 2); grown.set(keyOf); keyOf = grown; }
        keyOf[g] = key;
      }
      out[r] = g;
    }
    return out;
  });
  return {
    groupOf,
    count: interner.count,
    atomsOf: (g) => composite.decode(keyOf[g]),
    find: (atoms) => interner.find(composite.encode(atoms)),
  };
}

function tupleGrouper(rowAtoms: readonly (readonly Int32Array[])[], width: number, totalRows: number): Grouper {
  const interner = new TupleInterner(width, totalRows);
  const tuple = new Int32Array(width);
  const groupOf = rowAtoms.map((parts) => {
    const out = new Int32Array(parts[0].length);
    for (let r = 0; r < out.length; r++) {
      let blank = false;
      for (let k = 0; k < width; k++) {
        const a = parts[k][r];
        if (a < 0) blank = true;
        tuple[k] = a;
      }
      out[r] = blank ? -1 : interner.intern(tuple);
    }
    return out;
  });
  return {
    groupOf,
    count: interner.count,
    atomsOf: (g) => interner.tuple(g),
    find: (atoms) => interner.find(atoms),
  };
}

function blankKeyFinding(s: ReconSource, keys: readonly KeySpec[], columns: readonly Column[], parts: readonly AtomColumn[], r: number): Finding {
  const blank = keys.map((key, k) => (parts[k].at(r) < 0 ? k : -1)).filter((k) => k >= 0);
  const names = blank.map((k) => `${keys[k].name} (column \`${columns[k].name}\`)`).join(', ');
  const { rowNumber } = originOf(s.table, r);
  return {
    code: 'recon.blank-key',
    severity: 'warning',
    message: `Row ${rowNumber} of ${s.name} has a blank key ${names}, so it cannot be matched: fill it in the file or fix the key formula.`,
    location: { source: s.name, row: rowNumber, column: columns[blank[0]].name },
  };
}
