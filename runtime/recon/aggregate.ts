/**
 * Many-to-one: one side's rows grouped by key (allocations under their block, trades under their
 * position) and collapsed into one synthetic row per key, which then reconciles one-to-one like any
 * row. In the synthetic row:
 *   - each summed field holds the group's decimal-correct sum (blanks count as 0; all blank is blank);
 *   - every other column holds the members' common value, or blank when the members disagree;
 *   - its lineage is every member's.
 */
import { closest } from '../formula/check/suggest';
import type { Column, NumericColumn, Table, TextColumn } from '../table/table';
import { numericView } from './column-views';
import { decimalSum } from './decimal-compare';
import { groupRows, type Groups } from './groups';
import type { FindingSink } from './reference-tables';
import type { ReconSource } from './types';

export interface AggregatedSide {
  /** One row per key group present on this side, in group order. */
  readonly source: ReconSource;
  readonly groupOf: Int32Array;
  /** Synthetic row i stands for original rows `members.rows[members.start[i] .. members.start[i + 1])`. */
  readonly members: Groups;
  /** The first member's rule set, when the original side had a choice per row. */
  readonly ruleSetIndex?: Int32Array;
}

export function aggregateSide(source: ReconSource, groupOf: Int32Array, groupCount: number, fields: readonly string[], report: FindingSink, ruleSetIndex?: Int32Array): AggregatedSide {
  const { table } = source;
  const byGroup = groupRows(groupOf, groupCount);
  const present: number[] = [];
  for (let g = 0; g < groupCount; g++) if (byGroup.start[g + 1] > byGroup.start[g]) present.push(g);
  const n = present.length;
  const start = new Int32Array(n + 1);
  present.forEach((g, i) => { start[i + 1] = start[i] + byGroup.start[g + 1] - byGroup.start[g]; });
  const members: Groups = { start, rows: byGroup.rows };
  const first = Int32Array.from(present, (g) => byGroup.rows[byGroup.start[g]]);

  for (const f of fields) {
    if (table.columns.some((c) => c.name === f)) continue;
    const hint = closest(f, table.columns.map((c) => c.name));
    report({ code: 'recon.unknown-field', severity: 'error', message: `Aggregate field \`${f}\` is not a column of ${source.name}${hint ? `: did you mean \`${hint}\`?` : ': map it first.'}`, location: { source: source.name, column: f, path: '$.match.aggregate.fields' } });
  }
  const summed = new Set(fields);
  const columns = table.columns.map((c): Column => (summed.has(c.name) ? sumColumn(c, members, n) : commonColumn(c, members, n, first)));
  const origin = table.origin;
  const aggregated: Table = {
    rowCount: n,
    columns,
    origin: {
      datasetId: origin.datasetId,
      rowNumbers: Int32Array.from(first, (r) => origin.rowNumbers[r]),
      ...(origin.datasets ? { datasets: { ids: origin.datasets.ids, index: Uint16Array.from(first, (r) => origin.datasets!.index[r]) } } : {}),
    },
  };
  return {
    source: { name: source.name, table: aggregated },
    groupOf: Int32Array.from(present),
    members,
    ...(ruleSetIndex ? { ruleSetIndex: Int32Array.from(first, (r) => ruleSetIndex[r]) } : {}),
  };
}

function sumColumn(column: Column, members: Groups, n: number): NumericColumn {
  const view = numericView(column);
  const values = new Float64Array(n);
  const nulls = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const from = members.start[i];
    const to = members.start[i + 1];
    const { sum, blanks } = decimalSum(view.values, members.rows, from, to, view.nulls);
    values[i] = sum;
    if (blanks === to - from) nulls[i] = 1;
  }
  return { name: column.name, type: column.type === 'text' ? 'number' : column.type, values, nulls };
}

function commonColumn(column: Column, members: Groups, n: number, first: Int32Array): Column {
  if (column.type === 'text') {
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = column.codes[first[i]];
      let same = true;
      for (let k = members.start[i] + 1; k < members.start[i + 1] && same; k++) same = column.codes[members.rows[k]] === c;
      codes[i] = same ? c : -1;
    }
    return { name: column.name, type: 'text', dictionary: column.dictionary, codes } satisfies TextColumn;
  }
  const values = new Float64Array(n);
  const nulls = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r0 = first[i];
    const blank0 = column.nulls?.[r0] === 1;
    let same = true;
    for (let k = members.start[i] + 1; k < members.start[i + 1] && same; k++) {
      const r = members.rows[k];
      const blank = column.nulls?.[r] === 1;
      same = blank === blank0 && (blank || Object.is(column.values[r], column.values[r0]) || column.values[r] === column.values[r0]);
    }
    values[i] = column.values[r0];
    nulls[i] = same ? (blank0 ? 1 : 0) : 1;
  }
  return { name: column.name, type: column.type, values, nulls } satisfies NumericColumn;
}
