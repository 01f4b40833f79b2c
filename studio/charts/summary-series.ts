/**
 * A run summary (two-way ReconSummary or N-way NwaySummary) as the series the summary charts
 * draw: breaks by kind, by field, by cluster (top ten and the rest), and for N-way the tuples each
 * source lacks. Pure, so the numbers are tested apart from the drawing.
 */
import { BREAK_KINDS, type BreakKind, type NwaySummary, type ReconSummary } from '$runtime/recon/types';
import { kindLabel } from '../review/review-model';
import type { BarDatum } from './chart-format';

export type RunSummary = ReconSummary | NwaySummary;

/** What a click on a summary bar asks the review to show. */
export interface SummarySelection {
  readonly kind?: BreakKind;
  readonly field?: string;
  readonly cluster?: string;
}

export function isNway(summary: RunSummary): summary is NwaySummary {
  return 'sources' in summary && 'missingBySource' in summary;
}

export function sourceNames(summary: RunSummary): string[] {
  return isNway(summary) ? summary.sources.map((s) => s.name) : [summary.left.name, summary.right.name];
}

export function sourceRows(summary: RunSummary): { name: string; rows: number; blankKeys: number }[] {
  return isNway(summary) ? [...summary.sources] : [summary.left, summary.right];
}

const KIND_TONE: Record<BreakKind, BarDatum['tone']> = { field: 'danger', 'only-left': 'warn', 'only-right': 'warn', duplicate: 'muted', ambiguous: 'muted', aggregate: 'danger' };

export function kindSeries(summary: RunSummary): BarDatum[] {
  const sources = sourceNames(summary);
  return BREAK_KINDS.filter((k) => summary.byKind[k] > 0).map((k) => ({ label: kindLabel(k, sources), value: summary.byKind[k], key: k, tone: KIND_TONE[k] }));
}

/**
 * Two-way: breaks per field. N-way has no per-field break count, so it counts disagreements with
 * the book of record (the first source), summed over the other sources, from the agreement matrix.
 */
export function fieldSeries(summary: RunSummary): BarDatum[] {
  if (!isNway(summary)) {
    return Object.entries(summary.byField)
      .filter(([, c]) => c.breaks > 0)
      .sort((a, b) => b[1].breaks - a[1].breaks)
      .map(([field, c]) => ({ label: field, value: c.breaks, key: field, hint: `${c.withinTolerance} within tolerance of ${c.compared} compared${c.nullDiff ? `, ${c.nullDiff} blank on one side` : ''}` }));
  }
  const names = sourceNames(summary);
  return Object.entries(summary.agreement)
    .map(([field, m]) => {
      const per = names.slice(1).map((name, j) => ({ name, n: m.compared[0][j + 1] - m.agree[0][j + 1] }));
      return { label: field, value: per.reduce((s, p) => s + p.n, 0), key: field, hint: per.map((p) => `${p.name} ${p.n}`).join(', ') };
    })
    .filter((d) => d.value > 0)
    .sort((a, b) => b.value - a.value);
}

export const TOP_CLUSTERS = 10;

export function clusterSeries(summary: RunSummary, top = TOP_CLUSTERS): BarDatum[] {
  const shown = summary.clusters.slice(0, top).map((c) => ({ label: c.description, value: c.count, key: c.signature, hint: c.signature }));
  const rest = summary.clusters.slice(top);
  if (rest.length === 0) return shown;
  const others = rest.reduce((n, c) => n + c.count, 0);
  return [...shown, { label: `${rest.length} other ${rest.length === 1 ? 'cluster' : 'clusters'}`, value: others, tone: 'muted' }];
}

export function missingSeries(summary: NwaySummary): BarDatum[] {
  return summary.sources.map((s) => ({ label: s.name, value: summary.missingBySource[s.name] ?? 0, tone: 'warn', hint: `${s.rows} rows` }));
}
