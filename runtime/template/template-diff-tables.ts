/**
 * Template diff of reference tables. Rows are data, not structure: a changed table is summarised
 * ("3 rows added, 1 changed") with the rows behind it listed, matched by their first cell (the
 * lookup key) when that is unique on both sides, else as whole rows.
 */
import {
  compareField, compareRest, compareWhole, emitRenames, emitWhole, isRecord, jsonText, listOf, matchItems, pathOf, recordOf, sameValue, valueText,
  type ChangeDetail, type Emit, type Json,
} from './template-diff-support';

/** Enough rows to see what happened; the summary still counts them all. */
const MAX_ROW_DETAILS = 50;

export function diffReferenceTables(emit: Emit, c: { before: unknown; after: unknown }): void {
  const before = recordOf(c.before);
  const after = recordOf(c.after);
  if (!before || !after) return compareWhole(emit, { section: 'reference tables', path: ['referenceTables'], label: 'Reference tables', before: c.before, after: c.after });
  const names = (r: Json) => Object.keys(r).map((name) => ({ name, table: r[name] }));
  const m = matchItems({
    before: names(before), after: names(after),
    identity: (v) => (v as { name: string }).name,
    likeness: (v) => jsonText((v as { table: unknown }).table),
  });
  const nameOf = (v: unknown) => (v as { name: string }).name;
  const tableOf = (v: unknown) => (v as { table: unknown }).table;
  for (const [list, change] of [[m.removed, 'removed'], [m.added, 'added']] as const) {
    for (const e of list) emitWhole(emit, { section: 'reference tables', change, path: ['referenceTables', nameOf(e.value)], label: nameOf(e.value), value: tableOf(e.value), show: (t) => ({ text: sizeOf(t), format: 'text' }) });
  }
  emitRenames(emit, m, { section: 'reference tables', path: (e) => ['referenceTables', nameOf(e.value)], label: (e) => nameOf(e.value) });
  for (const p of m.pairs) {
    const name = nameOf(p.after.value);
    const b = tableOf(p.before.value);
    const a = tableOf(p.after.value);
    const path = ['referenceTables', name];
    if (!isRecord(b) || !isRecord(a)) {
      compareWhole(emit, { section: 'reference tables', path, label: name, before: b, after: a });
      continue;
    }
    compareField(emit, { section: 'reference tables', path: [...path, 'columns'], label: `${name} › columns`, before: b.columns, after: a.columns });
    diffRows(emit, { name, path: [...path, 'rows'], before: b.rows, after: a.rows });
    compareRest(emit, { section: 'reference tables', path, label: name, before: b, after: a, known: ['columns', 'rows'] });
  }
}

function sizeOf(t: Json): string {
  return `${count(Array.isArray(t.columns) ? t.columns.length : 0, 'column')}, ${count(Array.isArray(t.rows) ? t.rows.length : 0, 'row')}`;
}

const count = (n: number, noun: string) => `${n} ${n === 1 ? noun : `${noun}s`}`;
const rowText = (row: unknown) => (Array.isArray(row) ? row.map((v) => valueText(v) ?? '').join(' · ') : jsonText(row));

function diffRows(emit: Emit, c: { name: string; path: readonly PropertyKey[]; before: unknown; after: unknown }): void {
  const before = listOf(c.before);
  const after = listOf(c.after);
  const label = `${c.name} › rows`;
  if (!before || !after) return compareWhole(emit, { section: 'reference tables', path: c.path, label, before: c.before, after: c.after });
  if (sameValue(before, after)) return;
  const m = matchItems({ before, after, identity: uniqueFirstCells(before, after) ? (row) => valueText((row as unknown[])[0]) : (row) => jsonText(row) });
  const changed = m.pairs.filter((p) => !sameValue(p.before.value, p.after.value));
  const details: ChangeDetail[] = [
    ...m.added.map((e) => ({ name: 'added', after: rowText(e.value) })),
    ...m.removed.map((e) => ({ name: 'removed', before: rowText(e.value) })),
    ...changed.map((p) => ({ name: 'changed', before: rowText(p.before.value), after: rowText(p.after.value) })),
  ];
  const parts = [[m.added.length, 'added'], [m.removed.length, 'removed'], [changed.length, 'changed']] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what], i) => (i === 0 ? `${count(n, 'row')} ${what}` : `${n} ${what}`));
  const shown = details.slice(0, MAX_ROW_DETAILS);
  if (details.length > shown.length) shown.push({ name: 'more', after: `${details.length - shown.length} more rows not listed` });
  emit({
    section: 'reference tables', change: 'changed', path: pathOf(c.path), label,
    before: count(before.length, 'row'), after: count(after.length, 'row'), format: 'text',
    // Same rows in another order: XLOOKUP takes the first match, so the order can matter.
    summary: said.length ? said.join(', ') : 'row order changed',
    details: shown,
  });
}

/** Rows keyed by their first cell when every row is a list and no first cell repeats on either side. */
function uniqueFirstCells(...sides: readonly (readonly unknown[])[]): boolean {
  return sides.every((rows) => {
    if (!rows.every((r) => Array.isArray(r) && r.length > 0)) return false;
    const firsts = rows.map((r) => valueText((r as unknown[])[0]));
    return new Set(firsts).size === firsts.length;
  });
}
