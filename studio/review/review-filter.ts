/**
 * The review grid's filter as the analyst edits it: patch one facet, count what is narrowing the
 * view, clear it back to the run, and group the page by cluster. The filter object is the breaks
 * API's own (BreakFilter), so what the grid shows and what the export writes never disagree.
 */
import type { BreakFacets, BreakFilter, BreakView } from '$runtime/recon/break-view';

/** The keys that narrow the view; runId scopes it and sort orders it, so neither counts as a filter. */
const NARROWING = ['kind', 'field', 'cluster', 'severity', 'status', 'assignee', 'minAgeDays', 'search'] as const;
type Narrowing = (typeof NARROWING)[number];

const isEmpty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A new filter with `patch` applied; empty values are dropped so the filter stays minimal (and the URL short). */
export function patchFilter(filter: BreakFilter, patch: Partial<BreakFilter>): BreakFilter {
  const next: Record<string, unknown> = { ...filter, ...patch };
  for (const k of Object.keys(next)) if (isEmpty(next[k])) delete next[k];
  return next as BreakFilter;
}

export function activeFilterCount(filter: BreakFilter): number {
  return NARROWING.filter((k: Narrowing) => !isEmpty(filter[k])).length;
}

export function clearFilters(filter: BreakFilter): BreakFilter {
  return patchFilter({ runId: filter.runId, sort: filter.sort }, {});
}

/** Adds `value` to a multi-valued facet, or removes it when present. */
export function toggleIn<T extends string>(list: readonly T[] | undefined, value: T): T[] {
  const current = list ?? [];
  return current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
}

export interface ClusterGroup {
  readonly signature: string;
  /** Breaks in the cluster under the current filter (all pages), when the facets know it. */
  readonly total: number;
  readonly rows: readonly BreakView[];
}

/** The page's rows by cluster, biggest cluster first (the facets' order), then clusters the facets lack. */
export function groupByCluster(rows: readonly BreakView[], facets: BreakFacets): ClusterGroup[] {
  const bySignature = new Map<string, BreakView[]>();
  for (const r of rows) {
    const list = bySignature.get(r.cluster);
    if (list) list.push(r);
    else bySignature.set(r.cluster, [r]);
  }
  const totals = new Map(facets.cluster.map((c) => [c.signature, c.count]));
  const order = [...bySignature.keys()].sort((a, b) => rank(a) - rank(b));
  function rank(signature: string): number {
    const i = facets.cluster.findIndex((c) => c.signature === signature);
    return i < 0 ? Number.MAX_SAFE_INTEGER - bySignature.get(signature)!.length : i;
  }
  return order.map((signature) => {
    const list = bySignature.get(signature)!;
    return { signature, total: totals.get(signature) ?? list.length, rows: list };
  });
}

/** Ids from index `a` to index `b` inclusive, in either direction: a shift-click range. */
export function idsBetween(rows: readonly BreakView[], a: number, b: number): number[] {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return rows.slice(lo, hi + 1).map((r) => r.id);
}
