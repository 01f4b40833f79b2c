import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app/open-app';
import { openTestApp } from '../../app/testing';
import type { BreakView } from '../../recon/break-view';
import { makeUsers, storeVersion } from '../../runs/testing';
import { TEST_DATABASE_KINDS } from '../testing';
import type { NewBreak } from './breaks';

/** Synthetic breaks with known kinds, fields, clusters and keys; expectations are computed from the same list. */
const N = 1234;
function synthetic(i: number): NewBreak {
  const kind = (['field', 'only-left', 'only-right'] as const)[i % 3];
  const fields = kind === 'field'
    ? [
      { field: 'Price', values: { internal: 100 + i, broker: 101 + i }, diff: -1, rule: 'Price within 0 ticks', withinTolerance: false, disagree: ['broker'] },
      { field: 'Qty', values: { internal: i, broker: i % 2 === 0 ? i + 1 : i }, diff: i % 2 === 0 ? -1 : 0, rule: 'Qty must match exactly', withinTolerance: i % 2 !== 0, disagree: i % 2 === 0 ? ['broker'] : [] },
    ]
    : [];
  return {
    kind, severity: i % 5 === 0 ? 'warning' : 'error', cluster: `${kind}${i % 4 === 0 ? '|big' : ''}`,
    key: { Account: `ACC-${i}`, Product: i % 2 ? 'ES' : 'FGBL' }, sources: ['internal', 'broker'],
    missing: kind === 'only-left' ? ['broker'] : kind === 'only-right' ? ['internal'] : [], fields,
    lineage: kind === 'only-right' ? { broker: [{ file: 'b.csv', sha256: 'b'.repeat(64), row: i + 2 }] } : { internal: [{ file: 'i.csv', sha256: 'a'.repeat(64), row: i + 2 }] },
    suggestions: [],
  };
}
const ALL = Array.from({ length: N }, (_, i) => synthetic(i));
const countWhere = (p: (b: NewBreak, i: number) => boolean) => ALL.filter(p).length;
const SEVERITY_RANK = { error: 3, warning: 2, info: 1 } as const;

describe.each(TEST_DATABASE_KINDS)('breaks repository on %s', (kind) => {
  let app: App;
  let runId: string;
  let ids: number[];
  let users: Awaited<ReturnType<typeof makeUsers>>;
  const page = (filter: Parameters<App['repos']['breaks']['page']>[0]['filter'], limit = 500, offset = 0) => app.repos.breaks.page({ filter: { runId, ...filter }, limit, offset });

  beforeAll(async () => {
    app = await openTestApp({ kind });
    users = await makeUsers(app, { ana: 'analyst', vic: 'viewer' });
    const versionId = await storeVersion(app, { name: 'Synthetic', document: { kind: 'recon' } });
    ({ id: runId } = await app.repos.runs.create({ templateVersionId: versionId, templateHash: 'h', kind: 'recon', businessDate: '2026-11-20', inputs: [], startedBy: null }));
    expect(await app.repos.breaks.insertMany({ runId, breaks: ALL })).toBe(N);
    ids = (await app.repos.breaks.views({ filter: { runId, sort: { by: 'kind', dir: 'asc' } }, limit: N, offset: 0 })).map((b) => b.id);
  });
  afterAll(async () => { await app?.close(); });

  it('stores every break across insert batches and pages through them without overlap', async () => {
    expect(await app.repos.breaks.count({ runId })).toBe(N);
    const seen = new Set<number>();
    for (let offset = 0; offset < N; offset += 500) for (const b of (await page({}, 500, offset)).rows) seen.add(b.id);
    expect(seen.size).toBe(N);
    const first = await page({ search: 'ACC-7' }, 1);
    expect(first.rows).toHaveLength(1);
    expect(first.total).toBe(countWhere((b) => b.key.Account.includes('ACC-7')));
  });

  it('round-trips a break as the grid sees it, key parts in order', async () => {
    const view = (await page({ search: 'ACC-4' })).rows.find((r) => r.key.Account === 'ACC-4')!;
    expect(await app.repos.breaks.get({ id: view.id })).toEqual(view);
    const source = ALL[4];
    expect(Object.keys(view.key)).toEqual(['Account', 'Product']);
    expect(view).toMatchObject({ runId, kind: source.kind, severity: source.severity, cluster: source.cluster, sources: source.sources, missing: source.missing, fields: source.fields, lineage: source.lineage, status: 'open', assignee: null, reason: null, commentCount: 0 });
    expect(Date.parse(view.createdAt)).not.toBeNaN();
  });

  it('filters by kind, severity, field, cluster and search, with facets over the whole filtered set', async () => {
    const fieldOnly = await page({ kind: ['field'] }, 10);
    expect(fieldOnly.total).toBe(countWhere((b) => b.kind === 'field'));
    expect(fieldOnly.rows).toHaveLength(10);
    expect(fieldOnly.facets.kind).toEqual({ field: fieldOnly.total });
    expect(fieldOnly.facets.field).toEqual({ Price: fieldOnly.total, Qty: countWhere((b) => b.kind === 'field' && b.fields.some((f) => f.field === 'Qty' && !f.withinTolerance)) });

    const qty = await page({ field: 'Qty' });
    expect(qty.total).toBe(countWhere((b) => b.fields.some((f) => f.field === 'Qty' && !f.withinTolerance)));
    expect(qty.rows.every((r) => r.fields.some((f) => f.field === 'Qty' && !f.withinTolerance))).toBe(true);

    const warnings = await page({ severity: ['warning'], kind: ['only-left', 'only-right'] });
    expect(warnings.total).toBe(countWhere((b) => b.severity === 'warning' && b.kind !== 'field'));
    expect(warnings.facets.severity).toEqual({ warning: warnings.total });

    const big = await page({ cluster: 'field|big' });
    expect(big.total).toBe(countWhere((b) => b.cluster === 'field|big'));

    const all = await page({});
    expect(all.total).toBe(N);
    expect(Object.values(all.facets.kind).reduce((a, b) => a + b, 0)).toBe(N);
    expect(all.facets.status).toEqual({ open: N });
    const clusterCounts = all.facets.cluster.map((c) => c.count);
    expect(clusterCounts).toEqual([...clusterCounts].sort((a, b) => b - a));
    expect(all.facets.cluster.find((c) => c.signature === 'only-left|big')?.count).toBe(countWhere((b) => b.cluster === 'only-left|big'));

    const search = await page({ search: 'acc-12' });
    expect(search.total).toBe(countWhere((b) => b.key.Account.includes('ACC-12')));
    expect((await page({ search: '%' })).total).toBe(0);
    expect((await page({ search: 'fgbl acc' })).total).toBe(0);
    expect((await page({ runId: '00000000-0000-0000-0000-000000000000' })).total).toBe(0);
  });

  it('sorts by severity, kind, age and status, ids breaking ties', async () => {
    const bySeverity = (await page({ sort: { by: 'severity', dir: 'desc' } })).rows;
    const ranks = bySeverity.map((r) => SEVERITY_RANK[r.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(bySeverity[0].severity).toBe('error');
    const byKind = (await page({ sort: { by: 'kind', dir: 'desc' } })).rows.map((r) => r.kind);
    expect(byKind).toEqual([...byKind].sort().reverse());
    expect(byKind[0]).toBe('only-right');

    // created_at is never updated by the app; the test ages seven breaks directly.
    await sql`update breaks set created_at = now() - interval '5 days' where id in (${sql.join(ids.slice(0, 7))})`.execute(app.db);
    const oldest = (await page({ sort: { by: 'age', dir: 'desc' } }, 7)).rows.map((r) => r.id);
    expect(oldest).toEqual(ids.slice(0, 7));
    const youngest = (await page({ sort: { by: 'age', dir: 'asc' } }, 5)).rows.map((r) => r.id);
    expect(youngest.some((id) => ids.slice(0, 7).includes(id))).toBe(false);
    expect((await page({ minAgeDays: 3 })).rows.map((r) => r.id)).toEqual(expect.arrayContaining(ids.slice(0, 7)));
    expect((await page({ minAgeDays: 3 })).total).toBe(7);
    expect((await page({ minAgeDays: 6 })).total).toBe(0);
  });

  it('filters by assignee, unassigned and status after review changes', async () => {
    await app.repos.breakReview.assign({ ids: ids.slice(10, 20), assigneeId: users.ana.id });
    await app.repos.breakReview.resolve({ ids: ids.slice(15, 25), reason: 'timing', by: users.ana.id });
    const mine = await page({ assignee: users.ana.id! });
    expect(mine.total).toBe(10);
    expect(mine.rows[0].assignee).toEqual({ id: users.ana.id, email: 'ana@firm.com' });
    expect(mine.facets.status).toEqual({ assigned: 5, resolved: 5 });
    expect((await page({ assignee: 'none' })).total).toBe(N - 10);
    const resolved = await page({ status: ['resolved'] });
    expect(resolved.total).toBe(10);
    expect(resolved.rows.every((r: BreakView) => r.reason === 'timing')).toBe(true);
    expect((await page({ status: ['open', 'assigned'] })).total).toBe(N - 10);
    expect(await app.repos.breaks.countByStatus()).toEqual({ open: N - 15, assigned: 5, resolved: 10 });
  });

  it('gives the export its columns: key names in order, sources, broken fields in template order', async () => {
    expect(await app.repos.breaks.exportShape({ runId })).toEqual({ keyNames: ['Account', 'Product'], sources: ['internal', 'broker'], fields: ['Price', 'Qty'] });
    expect(await app.repos.breaks.exportShape({ runId, kind: ['only-left'] })).toEqual({ keyNames: ['Account', 'Product'], sources: ['internal', 'broker'], fields: [] });
  });

  it('lists who can hold a break: active analysts and above, id and email', async () => {
    expect((await app.repos.breakReview.assignableUsers()).map((u) => u.email)).toEqual(['ana@firm.com']);
  });
});
