/**
 * Counting as the engine goes (typed arrays, no objects per row), and the summary at the end:
 * counts by kind, field and cluster, the match rate, perfect vs within-tolerance, and datacompy's
 * report counts for analysts who know that tool.
 */
import type { Break, BreakKind, ClusterSummary, FieldCounts, ReconSummary } from './types';
import { BREAK_KINDS } from './types';

export class ReconTally {
  /** Per field: [identical, within, broken] counts, at slot × 3 + outcome. */
  readonly outcomes: Int32Array;
  readonly maxDiff: Float64Array;
  readonly nullDiff: Int32Array;
  /** Pairs (common rows) compared, clean, identical in every field. */
  pairs = 0;
  matched = 0;
  perfect = 0;
  /** Original rows (both sides) in clean pairs; aggregated groups count every member. */
  cleanRows = 0;
  onlyLeftRows = 0;
  onlyRightRows = 0;

  constructor(fieldCount: number) {
    this.outcomes = new Int32Array(fieldCount * 3);
    this.maxDiff = new Float64Array(fieldCount);
    this.nullDiff = new Int32Array(fieldCount);
  }

  fieldBroken(slot: number, diff: number | null, blankOneSide: boolean): void {
    if (diff !== null && Math.abs(diff) > this.maxDiff[slot]) this.maxDiff[slot] = Math.abs(diff);
    if (blankOneSide) this.nullDiff[slot]++;
  }
}

export function countByKind(breaks: readonly { kind: BreakKind }[]): Record<BreakKind, number> {
  const out = Object.fromEntries(BREAK_KINDS.map((k) => [k, 0])) as Record<BreakKind, number>;
  for (const b of breaks) out[b.kind]++;
  return out;
}

export function clusterSummaries(breaks: readonly { kind: BreakKind; cluster: string }[], stories: ReadonlyMap<string, string>): ClusterSummary[] {
  const counts = new Map<string, { kind: BreakKind; count: number }>();
  for (const b of breaks) {
    const c = counts.get(b.cluster);
    if (c) c.count++;
    else counts.set(b.cluster, { kind: b.kind, count: 1 });
  }
  return [...counts]
    .map(([signature, { kind, count }]) => ({ signature, kind, count, description: stories.get(signature) ?? signature }))
    .sort((a, b) => b.count - a.count || (a.signature < b.signature ? -1 : 1));
}

export interface SummaryMeta {
  readonly left: { readonly name: string; readonly rows: number; readonly blankKeys: number };
  readonly right: { readonly name: string; readonly rows: number; readonly blankKeys: number };
  readonly fields: readonly string[];
  readonly stories: ReadonlyMap<string, string>;
}

export function summarise(tally: ReconTally, breaks: readonly Break[], meta: SummaryMeta): ReconSummary {
  const byField: Record<string, FieldCounts> = {};
  meta.fields.forEach((field, i) => {
    const identical = tally.outcomes[i * 3];
    const withinTolerance = tally.outcomes[i * 3 + 1];
    const broken = tally.outcomes[i * 3 + 2];
    byField[field] = { compared: identical + withinTolerance + broken, identical, withinTolerance, breaks: broken, maxDiff: tally.maxDiff[i], nullDiff: tally.nullDiff[i] };
  });
  const totalRows = meta.left.rows + meta.right.rows;
  return {
    left: meta.left,
    right: meta.right,
    matched: tally.matched,
    perfect: tally.perfect,
    withinTolerance: tally.matched - tally.perfect,
    matchRate: totalRows === 0 ? 1 : tally.cleanRows / totalRows,
    breaks: breaks.length,
    byKind: countByKind(breaks),
    byField,
    clusters: clusterSummaries(breaks, meta.stories),
    datacompy: {
      commonRows: tally.pairs,
      onlyLeft: tally.onlyLeftRows,
      onlyRight: tally.onlyRightRows,
      unequalRows: tally.pairs - tally.matched,
      equalRows: tally.matched,
      byColumn: meta.fields.map((column) => ({ column, mismatches: byField[column].breaks, maxDiff: byField[column].maxDiff, nullDiff: byField[column].nullDiff })),
    },
  };
}
