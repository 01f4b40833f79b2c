import { displayValue } from '../formula/display-value';
import { cellValue, type Column, type Table } from './table';

/**
 * Rows of several tables, one after another, each keeping its own file as origin. Columns are
 * matched by name; a column missing from a table is blank there, and a column whose type differs
 * between tables becomes text (its values written as they read).
 */
export function concatTables(tables: readonly Table[]): Table {
  if (tables.length === 1) return tables[0];
  const rowCount = tables.reduce((n, t) => n + t.rowCount, 0);
  const names: string[] = [];
  const types = new Map<string, Column['type'] | 'mixed'>();
  for (const t of tables) for (const c of t.columns) {
    if (!types.has(c.name)) { names.push(c.name); types.set(c.name, c.type); }
    else if (types.get(c.name) !== c.type) types.set(c.name, 'mixed');
  }
  const ids: string[] = [];
  const index = new Uint16Array(rowCount);
  const rowNumbers = new Int32Array(rowCount);
  let at = 0;
  for (const t of tables) {
    for (let r = 0; r < t.rowCount; r++) {
      const id = t.origin.datasets ? t.origin.datasets.ids[t.origin.datasets.index[r]] : t.origin.datasetId;
      let k = ids.indexOf(id);
      if (k < 0) k = ids.push(id) - 1;
      index[at + r] = k;
      rowNumbers[at + r] = t.origin.rowNumbers[r];
    }
    at += t.rowCount;
  }
  const columns = names.map((name) => concatColumn(name, types.get(name)!, tables, rowCount));
  return { rowCount, columns, origin: { datasetId: ids[0] ?? '', rowNumbers, datasets: { ids, index } } };
}

function concatColumn(name: string, type: Column['type'] | 'mixed', tables: readonly Table[], rowCount: number): Column {
  if (type !== 'text' && type !== 'mixed') {
    const values = new Float64Array(rowCount);
    let nulls: Uint8Array | undefined;
    let at = 0;
    for (const t of tables) {
      const c = t.columns.find((x) => x.name === name);
      if (c && c.type !== 'text') {
        values.set(c.values, at);
        if (c.nulls) (nulls ??= new Uint8Array(rowCount)).set(c.nulls, at);
      } else (nulls ??= new Uint8Array(rowCount)).fill(1, at, at + t.rowCount);
      at += t.rowCount;
    }
    return { name, type, values, nulls };
  }
  const dictionary: string[] = [];
  const lookup = new Map<string, number>();
  const codes = new Int32Array(rowCount).fill(-1);
  let at = 0;
  for (const t of tables) {
    const c = t.columns.find((x) => x.name === name);
    for (let r = 0; c && r < t.rowCount; r++) {
      const value = cellValue(c, r);
      if (value === null) continue;
      const text = String(displayValue(value, c.type).value);
      let k = lookup.get(text);
      if (k === undefined) lookup.set(text, (k = dictionary.push(text) - 1));
      codes[at + r] = k;
    }
    at += t.rowCount;
  }
  return { name, type: 'text', dictionary, codes };
}
