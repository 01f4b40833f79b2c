/**
 * The pieces every section of the template diff shares: the change record, reading values out of
 * documents that may be half-written drafts, and matching list items by identity (target name,
 * validation name…) rather than by position, so an insertion is one addition and not a cascade.
 */
import type { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { jsonPath } from './validate';

export const DIFF_SECTIONS = ['settings', 'sources', 'mappings', 'validations', 'keys', 'rules', 'ruleSets', 'reference tables', 'outputs'] as const;
export type DiffSection = (typeof DIFF_SECTIONS)[number];
export type ChangeKind = 'added' | 'removed' | 'changed' | 'renamed';
/** How to show before/after: formulas get an inline diff, sentences read as prose, json as code. */
export type ValueFormat = 'formula' | 'sentence' | 'text' | 'json';

export interface ChangeDetail {
  readonly name: string;
  readonly before?: string;
  readonly after?: string;
}

export interface TemplateChange {
  readonly section: DiffSection;
  readonly change: ChangeKind;
  /** Where in the document: the newer version's path, or the older one's for a removal. */
  readonly path: string;
  /** For people: "broker › Notional". */
  readonly label: string;
  readonly before?: string;
  readonly after?: string;
  readonly format: ValueFormat;
  /** One line for changes too big to show whole: "3 rows added, 1 changed". */
  readonly summary?: string;
  /** The fields behind a sentence, or the rows behind a summary. */
  readonly details?: readonly ChangeDetail[];
}

export type Json = Record<string, unknown>;
export type Path = readonly PropertyKey[];
export type Emit = (change: TemplateChange) => void;

export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const pathOf = (path: Path): string => jsonPath(path);

/** Text of any value as a person reads it: strings bare, lists joined, the rest as JSON. */
export function valueText(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join(', ');
  return jsonText(v);
}

export function jsonText(v: unknown): string {
  try {
    return canonicalJson(v);
  } catch {
    return String(v);
  }
}

/** Deep equality as canonical JSON sees it (key order and undefined fields do not count), without building the text. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    // canonical JSON writes an undefined list item as null
    return a.every((x, i) => sameValue(x ?? null, b[i] ?? null));
  }
  const ka = Object.keys(a).filter((k) => (a as Json)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Json)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => k in b && sameValue((a as Json)[k], (b as Json)[k]));
}

/** "stripLeadingZeros" → "strip leading zeros": option names as labels. */
export const humanise = (key: string): string => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * Each field read through its schema, so a default left out on one side and written on the other
 * (`severity: "error"`) is no difference. A field that fails its schema is compared as written.
 */
export function normalise(shape: Record<string, z.ZodType> | undefined, raw: unknown): Json {
  if (!isRecord(raw)) return {};
  const out: Json = {};
  for (const [key, field] of Object.entries(shape ?? {})) {
    const parsed = field.safeParse(raw[key]);
    const value = parsed.success ? parsed.data : raw[key];
    if (value !== undefined) out[key] = value;
  }
  for (const [key, value] of Object.entries(raw)) if (!(key in out) && value !== undefined) out[key] = value;
  return out;
}

/** One field of a matched pair: added or removed when one side lacks it, changed when they differ. */
export function compareField(emit: Emit, c: { section: DiffSection; path: Path; label: string; before: unknown; after: unknown; format?: ValueFormat }): void {
  // An empty text is as good as none: a description written for the first time is "added".
  const before = c.before === '' ? undefined : c.before;
  const after = c.after === '' ? undefined : c.after;
  if (before === undefined && after === undefined) return;
  if (before !== undefined && after !== undefined && sameValue(before, after)) return;
  const simple = (v: unknown) => v === undefined || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => typeof x !== 'object'));
  const format = c.format ?? (simple(before) && simple(after) ? 'text' : 'json');
  const change: ChangeKind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  emit({ section: c.section, change, path: pathOf(c.path), label: c.label, before: valueText(before), after: valueText(after), format });
}

/** The fields of a pair not compared by name: compared as JSON, so nothing unknown goes unseen. */
export function compareRest(emit: Emit, c: { section: DiffSection; path: Path; label: string; before: Json; after: Json; known: readonly string[] }): void {
  const keys = new Set([...Object.keys(c.before), ...Object.keys(c.after)]);
  for (const key of keys) {
    if (c.known.includes(key)) continue;
    compareField(emit, { section: c.section, path: [...c.path, key], label: `${c.label} › ${humanise(key)}`, before: c.before[key], after: c.after[key] });
  }
}

export interface Entry {
  readonly index: number;
  readonly value: unknown;
  /** The name the entry is known by, or `#n` when it has none. */
  readonly id: string;
}

export interface Matched {
  readonly pairs: readonly { readonly before: Entry; readonly after: Entry }[];
  /** Unmatched by identity but alike in everything else: a rename. */
  readonly renamed: readonly { readonly before: Entry; readonly after: Entry }[];
  readonly removed: readonly Entry[];
  readonly added: readonly Entry[];
}

/**
 * Pairs list items by identity; a repeated identity pairs in order of appearance. Items left
 * over on both sides whose `likeness` agrees are renames (first come, first paired).
 */
export function matchItems(c: { before: readonly unknown[]; after: readonly unknown[]; identity: (v: unknown) => string | undefined; likeness?: (v: unknown) => string | undefined }): Matched {
  const entries = (list: readonly unknown[]) => {
    const seen = new Map<string, number>();
    return list.map((value, index) => {
      const own = c.identity(value);
      const base = own ?? `#${index}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { index, value, id: base, named: own !== undefined, key: n === 1 ? base : `${base}\u0000${n}` };
    });
  };
  const before = entries(c.before);
  const after = entries(c.after);
  const byKey = new Map(before.map((e) => [e.key, e]));
  const pairs: { before: Entry; after: Entry }[] = [];
  const added: typeof after = [];
  const used = new Set<string>();
  for (const a of after) {
    const b = byKey.get(a.key);
    if (b) { pairs.push({ before: b, after: a }); used.add(a.key); } else added.push(a);
  }
  let removed = before.filter((b) => !used.has(b.key));
  const renamed: { before: Entry; after: Entry }[] = [];
  const stillAdded: Entry[] = [];
  // Only named items rename: an item that lost its name is a removal and an addition.
  const likeOf = (e: (typeof before)[number]) => (e.named && c.likeness && added.length && removed.length ? c.likeness(e.value) : undefined);
  const removedLike = new Map(removed.map((r) => [r, likeOf(r)]));
  for (const a of added) {
    const like = likeOf(a);
    const b = like === undefined ? undefined : removed.find((r) => removedLike.get(r) === like);
    if (b) { renamed.push({ before: b, after: a }); removed = removed.filter((r) => r !== b); } else stillAdded.push(a);
  }
  return { pairs, renamed, removed, added: stillAdded };
}

/** A section whose shape is not what the schema says: shown as one JSON-level change. */
export function compareWhole(emit: Emit, c: { section: DiffSection; path: Path; label: string; before: unknown; after: unknown }): void {
  compareField(emit, { ...c, format: 'json' });
}

/** How an added or removed item reads: its main text, and what else it holds. */
export interface Shown {
  readonly text: string;
  readonly format: ValueFormat;
  readonly summary?: string;
  readonly details?: readonly { readonly name: string; readonly text: string | undefined }[];
}

/**
 * An item added or removed, shown whole on its side. An item that is not an object (a draft's
 * `"broker"` where a source belongs) is shown as the JSON it is.
 */
export function emitWhole(emit: Emit, c: { section: DiffSection; change: 'added' | 'removed'; path: Path; label: string; value: unknown; show: (v: Json) => Shown }): void {
  const side = c.change === 'added' ? 'after' : 'before';
  const shown: Shown = isRecord(c.value) ? c.show(c.value) : { text: jsonText(c.value), format: 'json' };
  const details = shown.details?.filter((d) => d.text !== undefined).map((d) => ({ name: d.name, [side]: d.text }));
  emit({
    section: c.section, change: c.change, path: pathOf(c.path), label: c.label, [side]: shown.text, format: shown.format,
    ...(shown.summary !== undefined ? { summary: shown.summary } : {}),
    ...(details?.length ? { details } : {}),
  });
}

/**
 * How an added or removed item is shown: its formula (or other main text) when it has one, else
 * the whole item as JSON, so a half-written item still shows what it holds.
 */
export function itemText(value: unknown, key: string): { text: string; format: 'formula' | 'json' } {
  const v = isRecord(value) ? value[key] : undefined;
  return typeof v === 'string' && v.trim() ? { text: v, format: 'formula' } : { text: jsonText(value), format: 'json' };
}

/** A pair of list items either of which is not an object: compared as JSON, true when it was. */
export function comparedAsJson(emit: Emit, c: { section: DiffSection; path: Path; label: string; before: unknown; after: unknown }): boolean {
  if (isRecord(c.before) && isRecord(c.after)) return false;
  compareWhole(emit, c);
  return true;
}

/** The list a section holds: [] when absent, null when it is something other than a list. */
export const listOf = (v: unknown): readonly unknown[] | null => (v === undefined ? [] : Array.isArray(v) ? v : null);
/** The record a section holds: {} when absent, null when it is something other than an object. */
export const recordOf = (v: unknown): Json | null => (v === undefined ? {} : isRecord(v) ? v : null);
/** A string field of an item, trimmed, when the item is an object and the field a non-empty string. */
export function field(v: unknown, key: string): string | undefined {
  const x = isRecord(v) ? v[key] : undefined;
  return typeof x === 'string' && x.trim() ? x.trim() : undefined;
}

/** Matched pairs whose relative order differs between the versions (the items themselves may not). */
export function reordered(pairs: readonly { readonly before: Entry; readonly after: Entry }[]): boolean {
  const byAfter = [...pairs].sort((x, y) => x.after.index - y.after.index);
  return byAfter.some((p, i) => i > 0 && p.before.index < byAfter[i - 1].before.index);
}

/** The added and removed items of a matched list, each shown whole. */
export function emitAddedRemoved(emit: Emit, m: Matched, c: { section: DiffSection; path: (e: Entry) => Path; label: (e: Entry) => string; show: (v: Json) => Shown }): void {
  for (const e of m.removed) emitWhole(emit, { section: c.section, change: 'removed', path: c.path(e), label: c.label(e), value: e.value, show: c.show });
  for (const e of m.added) emitWhole(emit, { section: c.section, change: 'added', path: c.path(e), label: c.label(e), value: e.value, show: c.show });
}

/** Renamed items: old name before, new name after, labelled by the new name. */
export function emitRenames(emit: Emit, m: Matched, c: { section: DiffSection; path: (e: Entry) => Path; label: (e: Entry) => string }): void {
  for (const p of m.renamed) emit({ section: c.section, change: 'renamed', path: pathOf(c.path(p.after)), label: c.label(p.after), before: c.label(p.before), after: c.label(p.after), format: 'text' });
}
