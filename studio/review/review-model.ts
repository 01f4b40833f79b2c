/**
 * What the review grid shows for a break, as pure functions the components share: which cell of a
 * side-by-side comparison is lit, how a value, a difference and an age read, and the labels of
 * kinds and cluster signatures. Kept apart from the components so the rules are written once.
 */
import type { BreakView, BreakViewField } from '$runtime/recon/break-view';
import type { BreakKind, CellValue } from '$runtime/recon/types';
import { decimalText } from '$runtime/table/table-text';

export const KIND_LABELS: Readonly<Record<BreakKind, string>> = {
  field: 'Field difference',
  'only-left': 'Only in first source',
  'only-right': 'Not in first source',
  duplicate: 'Duplicate key',
  ambiguous: 'Ambiguous pairing',
  aggregate: 'Totals differ',
};

/**
 * The kind as the analyst reads it: with the run's sources "Only in internal" instead of
 * "only-left", and with the sources that lack the row (N-way) "Missing in broker, ccp".
 */
export function kindLabel(kind: BreakKind, sources?: readonly string[], missing?: readonly string[]): string {
  if (sources && sources.length >= 2 && (kind === 'only-left' || kind === 'only-right')) {
    if (sources.length === 2) return `Only in ${kind === 'only-left' ? sources[0] : sources[1]}`;
    if (missing?.length) return `Missing in ${missing.join(', ')}`;
    return kind === 'only-left' ? 'Missing from a source' : `Not in ${sources[0]}`;
  }
  return KIND_LABELS[kind];
}

/** "field|Price:-1tick|Product=ES" → "Field difference · Price -1tick · Product ES" when no description came with it. */
export function describeSignature(signature: string, sources?: readonly string[]): string {
  const [kind, ...parts] = signature.split('|');
  const lead = kind in KIND_LABELS ? kindLabel(kind as BreakKind, sources) : kind;
  return [lead, ...parts.map((p) => p.replace(/[:=]/, ' '))].join(' · ');
}

export function formatValue(value: CellValue | undefined): string {
  if (value === null || value === undefined || value === '') return 'blank';
  if (typeof value === 'number') return decimalText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

const signed = (n: number): string => (n > 0 ? `+${decimalText(n)}` : n < 0 ? `−${decimalText(-n)}` : '0');

/** The difference as it reads beside the values: "−0.25 (1 tick)", "≠" for text, "blank" for a missing side. */
export function formatDifference(field: BreakViewField): string {
  const measure = field.measure ? `${decimalText(field.measure.value)} ${field.measure.value === 1 ? field.measure.unit.replace(/s$/, '') : field.measure.unit}` : '';
  if (field.diff !== null) return measure ? `${signed(field.diff)} (${measure})` : signed(field.diff);
  if (Object.values(field.values).some((v) => v === null)) return 'blank vs value';
  return measure || '≠';
}

/** Age in the largest whole unit: "12m", "5h", "3d". */
export function formatAge(createdAt: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(createdAt)) / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${hours}h` : `${Math.floor(hours / 24)}d`;
}

/** The source others are compared with: the first (book of record) that has the row. */
export function referenceSource(b: BreakView): string | undefined {
  return b.sources.find((s) => !b.missing.includes(s));
}

export type CellTone = 'missing' | 'out' | 'within' | 'reference' | 'same';

/**
 * How one source's cell of a field comparison is lit: `out` when that source is outside tolerance
 * of the reference, `within` when it differs but within tolerance, `missing` when the source lacks
 * the row.
 */
export function cellTone(b: BreakView, field: BreakViewField, source: string): CellTone {
  if (b.missing.includes(source) || !(source in field.values)) return 'missing';
  if (field.disagree.includes(source)) return 'out';
  const ref = referenceSource(b);
  if (source === ref) return 'reference';
  return ref !== undefined && field.values[source] !== field.values[ref] ? 'within' : 'same';
}

export const TONE_WORDS: Readonly<Record<CellTone, string>> = {
  missing: 'missing',
  out: 'outside tolerance',
  within: 'within tolerance',
  reference: 'reference',
  same: 'agrees',
};

/** Fields outside tolerance first, then those within; the filtered field leads. */
export function orderFields(fields: readonly BreakViewField[], lead?: string): BreakViewField[] {
  const rank = (f: BreakViewField) => (f.field === lead ? 0 : f.withinTolerance ? 2 : 1);
  return fields.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
}

export function keyText(key: Readonly<Record<string, string>>): string {
  return Object.entries(key).map(([k, v]) => `${k} ${v}`).join(', ');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** True when every row on the page comes from runs with the same sources, so a header can name them once. */
export function sharedSources(rows: readonly BreakView[]): readonly string[] | null {
  if (rows.length === 0) return null;
  const first = rows[0].sources.join('\u0000');
  return rows.every((r) => r.sources.join('\u0000') === first) ? rows[0].sources : null;
}
