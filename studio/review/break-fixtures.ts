/**
 * Test fixtures for the review grid made by the real engine: small ETD position tables go through
 * `reconcile` / `reconcileMany`, and the breaks come out as BreakViews the way the breaks API
 * serves them (values by source, disagreeing sources, lineage with file names). Tests only.
 */
import type { BreakFacets, BreakPage, BreakView, BreakViewRow } from '$runtime/recon/break-view';
import { reconcile } from '$runtime/recon/reconcile';
import { reconcileMany } from '$runtime/recon/nway';
import { tableOf, type TestColumn } from '$runtime/recon/test-tables';
import type { Break, LineageRef, NwayBreak, NwayResult, ReconResult, RuleData } from '$runtime/recon/types';

export const RUN_ID = '6f1c2b1e-8a51-4b5e-9a57-0d7c1e2f3a4b';
export const CREATED = '2026-11-20T08:00:00.000Z';
/** Two days after CREATED: breaks are "due". */
export const NOW = new Date('2026-11-22T09:30:00.000Z');

const FILES: Record<string, string> = { internal: 'internal-positions.csv', broker: 'broker-statement.csv', ccp: 'ccp-positions.csv' };
const rowOf = (ref: LineageRef): BreakViewRow => ({ file: FILES[ref.datasetId] ?? null, sha256: `sha-${ref.datasetId}`, row: ref.row });

const RULES: RuleData[] = [
  { field: 'Qty', kind: 'exact' },
  { field: 'Price', kind: 'ticks', value: 0, tickSize: 0.25 },
  { field: 'Account', kind: 'text', ignoreCase: true },
] as RuleData[];

const INTERNAL: Record<string, TestColumn> = {
  TradeId: ['T1001', 'T1002', 'T1003', 'T1004', 'T1005', 'T1006'], Product: ['ES', 'ES', 'NQ', 'NQ', 'ES', 'CL'],
  Qty: [10, 5, 3, 8, 2, 1], Price: [5010.25, 5011, 18000.5, 18001, 5009.75, 78.12], Account: ['ACC1', 'ACC1', 'ACC2', 'ACC2', 'ACC1', 'ACC3'],
};
const BROKER: Record<string, TestColumn> = {
  TradeId: ['T1001', 'T1002', 'T1003', 'T1004', 'T1500', 'T1007'], Product: ['ES', 'ES', 'NQ', 'NQ', 'ES', 'CL'],
  Qty: [10, 5, 3, 9, 2, 4], Price: [5010.25, 5011.25, 18000.5, 18001.05, 5009.75, 78.12], Account: ['ACC1', 'ACC1', 'ACC2', 'acc2', 'ACC1', 'ACC3'],
};
const CCP: Record<string, TestColumn> = {
  TradeId: ['T1001', 'T1002', 'T1003', 'T1004', 'T1500'], Product: ['ES', 'ES', 'NQ', 'NQ', 'ES'],
  Qty: [10, 5, 3, 8, 2], Price: [5010.25, 5011, 18000.5, 18001, 5009.75], Account: ['ACC1', 'ACC1', 'ACC2', 'ACC2', 'ACC1'],
};

/** internal vs broker: a price one tick off, a quantity break with a price and a case-only account difference, unmatched rows with suggestions. */
export function twoWayRun(): ReconResult {
  return reconcile({
    left: { name: 'internal', table: tableOf('internal', INTERNAL) },
    right: { name: 'broker', table: tableOf('broker', BROKER) },
    keys: [{ name: 'TradeId', columns: { internal: 'TradeId', broker: 'TradeId' } }],
    rules: RULES,
    clusterBy: ['Product'],
  });
}

/** internal / broker / CCP: the broker disagrees on T1002's price and T1004's quantity, T1005/T1006 are missing here and there. */
export function threeWayRun(): NwayResult {
  const names = { internal: INTERNAL, broker: BROKER, ccp: CCP };
  return reconcileMany({
    sources: Object.entries(names).map(([name, cols]) => ({ name, table: tableOf(name, cols) })),
    keys: [{ name: 'TradeId', columns: { internal: 'TradeId', broker: 'TradeId', ccp: 'TradeId' } }],
    rules: RULES,
    clusterBy: ['Product'],
  });
}

type Extra = Partial<Pick<BreakView, 'status' | 'assignee' | 'reason' | 'commentCount' | 'createdAt' | 'runId'>>;
const base = (id: number, extra: Extra) => ({
  id, runId: RUN_ID, status: 'open' as const, assignee: null, reason: null, commentCount: 0, createdAt: CREATED, ...extra, updatedAt: extra.createdAt ?? CREATED,
});

export function twoWayViews(result: ReconResult = twoWayRun(), [left, right] = ['internal', 'broker'], extra: (b: Break, i: number) => Extra = () => ({})): BreakView[] {
  return result.breaks.map((b, i) => ({
    ...base(i + 1, extra(b, i)),
    kind: b.kind, severity: b.severity, cluster: b.cluster, key: b.key,
    sources: [left, right],
    missing: b.kind === 'only-left' ? [right] : b.kind === 'only-right' ? [left] : [],
    fields: b.fields.map((f) => ({
      field: f.field, values: { [left]: f.left, [right]: f.right }, diff: f.diff, rule: f.rule,
      withinTolerance: f.withinTolerance, ...(f.measure ? { measure: f.measure } : {}), disagree: f.withinTolerance ? [] : [right],
    })),
    lineage: { ...(b.lineage.left ? { [left]: b.lineage.left.map(rowOf) } : {}), ...(b.lineage.right ? { [right]: b.lineage.right.map(rowOf) } : {}) },
    suggestions: (b.suggestions ?? []).map((s) => ({ source: s.source, key: s.key, score: s.score, reasons: s.reasons.map((r) => ({ code: r.code, message: r.message })), lineage: rowOf(s.lineage) })),
  }));
}

export function nwayViews(result: NwayResult = threeWayRun(), extra: (b: NwayBreak, i: number) => Extra = () => ({})): BreakView[] {
  const sources = result.summary.sources.map((s) => s.name);
  return result.breaks.map((b, i) => ({
    ...base(100 + i, extra(b, i)),
    kind: b.kind, severity: b.severity, cluster: b.cluster, key: b.key, sources, missing: b.missing,
    fields: b.fields.map((f) => ({ field: f.field, values: f.values, diff: f.diff, rule: f.rule, withinTolerance: f.withinTolerance, ...(f.measure ? { measure: f.measure } : {}), disagree: f.disagree })),
    lineage: Object.fromEntries(Object.entries(b.lineage).map(([s, refs]) => [s, refs.map(rowOf)])),
    suggestions: [],
  }));
}

/** A page of all the given rows with facets counted from them, as the breaks API would for an unfiltered view. */
export function pageOf(rows: readonly BreakView[], total = rows.length): BreakPage {
  const tally = (pick: (b: BreakView) => readonly string[]) => {
    const out: Record<string, number> = {};
    for (const b of rows) for (const k of pick(b)) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const clusters = tally((b) => [b.cluster]);
  const facets: BreakFacets = {
    kind: tally((b) => [b.kind]), severity: tally((b) => [b.severity]), status: tally((b) => [b.status]),
    field: tally((b) => b.fields.filter((f) => !f.withinTolerance).map((f) => f.field)),
    cluster: Object.entries(clusters).map(([signature, count]) => ({ signature, count })).sort((a, b) => b.count - a.count || (a.signature < b.signature ? -1 : 1)),
  };
  return { rows, total, facets };
}

export const USERS = [
  { id: '0b6f0a53-2f64-4c1e-9d0e-5b1f0c7b8a11', email: 'ana.ops@example.com' },
  { id: '4c2d9a7e-6b3f-4e1a-8c5d-2f9e8b7a6c22', email: 'raj.checker@example.com' },
];
