/**
 * Template diff of the per-source parts: sources (reader options, expected columns), mappings
 * (target ← formula, with renames and column order), validations and outputs.
 */
import { MappingSchema, OutputSchema, SourceSchema, ValidationSchema } from './schema';
import {
  comparedAsJson, compareField, emitAddedRemoved, emitRenames, compareRest, compareWhole, field, isRecord, itemText, jsonText, listOf, matchItems, normalise, pathOf as pathTo, recordOf, reordered, sameValue, valueText,
  type Emit, type Entry,
} from './template-diff-support';

/** Source renames, older name → newer name, so mappings and keys follow a renamed source. */
export type SourceRenames = ReadonlyMap<string, string>;

export function diffSources(emit: Emit, c: { before: unknown; after: unknown }): SourceRenames {
  const renames = new Map<string, string>();
  const before = listOf(c.before);
  const after = listOf(c.after);
  if (!before || !after) {
    compareWhole(emit, { section: 'sources', path: ['sources'], label: 'Sources', before: c.before, after: c.after });
    return renames;
  }
  const m = matchItems({
    before, after, identity: (v) => field(v, 'name'),
    likeness: (v) => (isRecord(v) ? jsonText({ ...v, name: null, description: null }) : undefined),
  });
  const label = (e: Entry) => field(e.value, 'name') ?? `Source ${e.index + 1}`;
  emitAddedRemoved(emit, m, {
    section: 'sources', path: (e) => ['sources', e.index], label,
    show: (v) => ({ text: `${valueText(v.format) ?? 'unknown'} source, ${countOf(v.columns, 'expected column')}`, format: 'text' }),
  });
  emitRenames(emit, m, { section: 'sources', path: (e) => ['sources', e.index, 'name'], label });
  for (const p of m.renamed) renames.set(label(p.before), label(p.after));
  for (const p of [...m.pairs, ...m.renamed]) {
    const name = label(p.after);
    if (comparedAsJson(emit, { section: 'sources', path: ['sources', p.after.index], label: name, before: p.before.value, after: p.after.value })) continue;
    const b = normalise(SourceSchema.shape, p.before.value);
    const a = normalise(SourceSchema.shape, p.after.value);
    const path = ['sources', p.after.index];
    for (const key of ['description', 'format'] as const) compareField(emit, { section: 'sources', path: [...path, key], label: `${name} › ${key}`, before: b[key], after: a[key] });
    const bo = recordOf(b.options);
    const ao = recordOf(a.options);
    if (!bo || !ao) compareWhole(emit, { section: 'sources', path: [...path, 'options'], label: `${name} › reader options`, before: b.options, after: a.options });
    else for (const key of new Set([...Object.keys(bo), ...Object.keys(ao)])) compareField(emit, { section: 'sources', path: [...path, 'options', key], label: `${name} › reader option ${key}`, before: bo[key], after: ao[key] });
    diffColumns(emit, { name, path, before: b.columns, after: a.columns });
    compareRest(emit, { section: 'sources', path, label: name, before: b, after: a, known: ['name', 'description', 'format', 'options', 'columns'] });
  }
  return renames;
}

function diffColumns(emit: Emit, c: { name: string; path: readonly PropertyKey[]; before: unknown; after: unknown }): void {
  const before = listOf(c.before);
  const after = listOf(c.after);
  if (!before || !after) return compareWhole(emit, { section: 'sources', path: [...c.path, 'columns'], label: `${c.name} › expected columns`, before: c.before, after: c.after });
  const m = matchItems({ before, after, identity: (v) => field(v, 'name') });
  const label = (e: Entry) => `${c.name} › column ${field(e.value, 'name') ?? e.index + 1}`;
  const type = (e: Entry) => valueText(isRecord(e.value) ? e.value.type : e.value) ?? 'any type';
  emitAddedRemoved(emit, m, { section: 'sources', path: (e) => [...c.path, 'columns', e.index], label, show: (v) => ({ text: valueText(v.type) ?? 'any type', format: 'text' }) });
  for (const p of m.pairs) {
    if (!sameValue(p.before.value, p.after.value)) emit({ section: 'sources', change: 'changed', path: pathTo([...c.path, 'columns', p.after.index]), label: label(p.after), before: type(p.before), after: type(p.after), format: 'text' });
  }
}

export function diffMappings(emit: Emit, c: { before: unknown; after: unknown; renames: SourceRenames }): void {
  const before = recordOf(c.before);
  const after = recordOf(c.after);
  if (!before || !after) return compareWhole(emit, { section: 'mappings', path: ['mappings'], label: 'Mappings', before: c.before, after: c.after });
  const olderName = new Map([...c.renames].map(([old, now]) => [now, old]));
  const seen = new Set<string>();
  for (const src of Object.keys(after)) {
    const old = olderName.has(src) && olderName.get(src)! in before ? olderName.get(src)! : src;
    seen.add(old);
    diffTargets(emit, { src, before: before[old], after: after[src] });
  }
  for (const src of Object.keys(before)) if (!seen.has(src)) diffTargets(emit, { src, before: before[src], after: undefined });
}

function diffTargets(emit: Emit, c: { src: string; before: unknown; after: unknown }): void {
  const before = listOf(c.before);
  const after = listOf(c.after);
  if (!before || !after) return compareWhole(emit, { section: 'mappings', path: ['mappings', c.src], label: `${c.src} mappings`, before: c.before, after: c.after });
  const m = matchItems({ before, after, identity: (v) => field(v, 'target'), likeness: (v) => field(v, 'formula') });
  const label = (e: Entry) => `${c.src} › ${field(e.value, 'target') ?? `column ${e.index + 1}`}`;
  emitAddedRemoved(emit, m, { section: 'mappings', path: (e) => ['mappings', c.src, e.index], label, show: (v) => itemText(v, 'formula') });
  for (const p of m.renamed) {
    emit({ section: 'mappings', change: 'renamed', path: pathTo(['mappings', c.src, p.after.index, 'target']), label: label(p.after), before: field(p.before.value, 'target'), after: field(p.after.value, 'target'), format: 'text' });
  }
  for (const p of [...m.pairs, ...m.renamed]) {
    if (comparedAsJson(emit, { section: 'mappings', path: ['mappings', c.src, p.after.index], label: label(p.after), before: p.before.value, after: p.after.value })) continue;
    const b = normalise(MappingSchema.shape, p.before.value);
    const a = normalise(MappingSchema.shape, p.after.value);
    const path = ['mappings', c.src, p.after.index];
    compareField(emit, { section: 'mappings', path: [...path, 'formula'], label: label(p.after), before: b.formula, after: a.formula, format: 'formula' });
    compareField(emit, { section: 'mappings', path: [...path, 'description'], label: `${label(p.after)} › description`, before: b.description, after: a.description });
    compareRest(emit, { section: 'mappings', path, label: label(p.after), before: b, after: a, known: ['target', 'formula', 'description'] });
  }
  const all = [...m.pairs, ...m.renamed];
  if (reordered(all)) {
    const names = (side: 'before' | 'after') => [...all].sort((x, y) => x[side].index - y[side].index).map((p) => field(p.after.value, 'target') ?? `column ${p.after.index + 1}`).join(', ');
    emit({ section: 'mappings', change: 'changed', path: pathTo(['mappings', c.src]), label: `${c.src} › column order`, before: names('before'), after: names('after'), format: 'text' });
  }
}

export function diffValidations(emit: Emit, c: { before: unknown; after: unknown }): void {
  const before = listOf(c.before);
  const after = listOf(c.after);
  if (!before || !after) return compareWhole(emit, { section: 'validations', path: ['validations'], label: 'Validations', before: c.before, after: c.after });
  const m = matchItems({
    before, after, identity: (v) => field(v, 'name'),
    likeness: (v) => (field(v, 'formula') ? jsonText([field(v, 'formula'), field(v, 'source') ?? null]) : undefined),
  });
  const label = (e: Entry) => field(e.value, 'name') ?? `Validation ${e.index + 1}`;
  emitAddedRemoved(emit, m, {
    section: 'validations', path: (e) => ['validations', e.index], label,
    show: (raw) => {
      const v = normalise(ValidationSchema.shape, raw);
      return { ...itemText(raw, 'formula'), details: (['severity', 'message', 'source'] as const).map((k) => ({ name: k, text: valueText(v[k]) })) };
    },
  });
  emitRenames(emit, m, { section: 'validations', path: (e) => ['validations', e.index, 'name'], label });
  for (const p of [...m.pairs, ...m.renamed]) {
    if (comparedAsJson(emit, { section: 'validations', path: ['validations', p.after.index], label: label(p.after), before: p.before.value, after: p.after.value })) continue;
    const b = normalise(ValidationSchema.shape, p.before.value);
    const a = normalise(ValidationSchema.shape, p.after.value);
    const path = ['validations', p.after.index];
    const name = label(p.after);
    compareField(emit, { section: 'validations', path: [...path, 'formula'], label: `${name} › formula`, before: b.formula, after: a.formula, format: 'formula' });
    for (const key of ['severity', 'message', 'source'] as const) compareField(emit, { section: 'validations', path: [...path, key], label: `${name} › ${key}`, before: b[key], after: a[key] });
    compareRest(emit, { section: 'validations', path, label: name, before: b, after: a, known: ['name', 'formula', 'severity', 'message', 'source'] });
  }
}

export function diffOutputs(emit: Emit, c: { before: unknown; after: unknown }): void {
  const before = listOf(c.before);
  const after = listOf(c.after);
  if (!before || !after) return compareWhole(emit, { section: 'outputs', path: ['outputs'], label: 'Outputs', before: c.before, after: c.after });
  const m = matchItems({ before, after, identity: (v) => field(v, 'name') });
  const label = (e: Entry) => field(e.value, 'name') ?? `Output ${e.index + 1}`;
  emitAddedRemoved(emit, m, {
    section: 'outputs', path: (e) => ['outputs', e.index], label,
    show: (v) => ({ text: `${valueText(v.format) ?? 'unknown format'}: ${Array.isArray(v.columns) ? valueText(v.columns) : 'all mapped columns'}`, format: 'text' }),
  });
  for (const p of m.pairs) {
    if (comparedAsJson(emit, { section: 'outputs', path: ['outputs', p.after.index], label: label(p.after), before: p.before.value, after: p.after.value })) continue;
    const b = normalise(OutputSchema.shape, p.before.value);
    const a = normalise(OutputSchema.shape, p.after.value);
    const path = ['outputs', p.after.index];
    for (const key of ['format', 'columns'] as const) compareField(emit, { section: 'outputs', path: [...path, key], label: `${label(p.after)} › ${key}`, before: b[key], after: a[key] });
    compareRest(emit, { section: 'outputs', path, label: label(p.after), before: b, after: a, known: ['name', 'format', 'columns'] });
  }
}

function countOf(v: unknown, noun: string): string {
  const n = Array.isArray(v) ? v.length : 0;
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
