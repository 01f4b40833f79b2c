import type { BreakViewField, BreakViewRow, BreakViewSuggestion } from '../recon/break-view';
import type { Break, BreakField, LineageRef, NwayBreak, NwayBreakField, Suggestion } from '../recon/types';
import type { NewBreak } from '../store/repositories/breaks';

/**
 * Engine breaks → stored breaks in the review grid's shape: two-way and N-way alike, values by
 * source name, lineage rows with the file's display name. A two-way break's left and right
 * become the first and second source of the match; an N-way break names its sources itself.
 */
export interface BreakRowsInput {
  readonly breaks: readonly (Break | NwayBreak)[];
  /** The match's sources in authoritative order (two-way: [left, right]). */
  readonly sources: readonly string[];
  /** Input file display names by content hash (RunResult.fileNames). */
  readonly fileNames: ReadonlyMap<string, string>;
}

const isNway = (b: Break | NwayBreak): b is NwayBreak => 'present' in b;

export function toNewBreaks({ breaks, sources, fileNames }: BreakRowsInput): NewBreak[] {
  const row = (ref: LineageRef): BreakViewRow => ({ file: fileNames.get(ref.datasetId) ?? null, sha256: ref.datasetId, row: ref.row });
  const rows = (refs: readonly LineageRef[] | undefined) => (refs ?? []).map(row);
  const suggestion = (s: Suggestion): BreakViewSuggestion => ({
    source: s.source, key: s.key, score: s.score, reasons: s.reasons.map((r) => ({ code: r.code, message: r.message })), lineage: row(s.lineage),
  });
  return breaks.map((b) => (isNway(b) ? nwayRow(b, sources, rows) : twoWayRow(b, sources, rows, suggestion)));
}

const common = (f: BreakField) => ({
  field: f.field, diff: f.diff, rule: f.rule, withinTolerance: f.withinTolerance, ...(f.measure ? { measure: f.measure } : {}),
});

function twoWayRow(b: Break, sources: readonly string[], rows: (refs: readonly LineageRef[] | undefined) => BreakViewRow[], suggestion: (s: Suggestion) => BreakViewSuggestion): NewBreak {
  const [left, right] = sources;
  const missing = b.kind === 'only-left' ? [right] : b.kind === 'only-right' ? [left] : [];
  const fields: BreakViewField[] = b.fields.map((f) => ({
    ...common(f),
    values: Object.fromEntries([[left, f.left] as const, [right, f.right] as const].filter(([s]) => !missing.includes(s))),
    disagree: f.withinTolerance ? [] : [right],
  }));
  const lineage: Record<string, BreakViewRow[]> = {};
  if (b.lineage.left?.length) lineage[left] = rows(b.lineage.left);
  if (b.lineage.right?.length) lineage[right] = rows(b.lineage.right);
  return {
    kind: b.kind, severity: b.severity, cluster: b.cluster, key: b.key, sources: [left, right], missing, fields, lineage,
    suggestions: (b.suggestions ?? []).map(suggestion),
  };
}

function nwayRow(b: NwayBreak, sources: readonly string[], rows: (refs: readonly LineageRef[] | undefined) => BreakViewRow[]): NewBreak {
  const fields: BreakViewField[] = b.fields.map((f: NwayBreakField) => ({ ...common(f), values: f.values, disagree: f.disagree }));
  const lineage = Object.fromEntries(sources.filter((s) => b.lineage[s]?.length).map((s) => [s, rows(b.lineage[s])]));
  return { kind: b.kind, severity: b.severity, cluster: b.cluster, key: b.key, sources, missing: b.missing, fields, lineage, suggestions: [] };
}
