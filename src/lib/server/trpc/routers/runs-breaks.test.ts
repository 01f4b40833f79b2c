import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '$runtime/app/open-app';
import { openTestApp } from '$runtime/app/testing';
import { createLogger } from '$runtime/observability/logger';
import { makeUsers, reconDocument, reconSamples, settled, storeVersion } from '$runtime/runs/testing';
import { TEST_DATABASE_KINDS } from '$runtime/store/testing';
import type { RequestUser } from '../context';
import { appRouter, createCaller } from '../router';

describe.each(TEST_DATABASE_KINDS)('runs and break review through the API on %s', (kind) => {
  let app: App;
  let users: Record<string, RequestUser>;
  let samples: Record<string, string[]>;
  let versionId: string;
  let runId: string;
  const as = (who: string) => createCaller({ app, log: createLogger({ level: 'silent' }), requestId: `req-${who}`, user: users[who] });

  beforeAll(async () => {
    app = await openTestApp({ kind });
    users = await makeUsers(app, { ana: 'analyst', pat: 'approver', vic: 'viewer' });
    samples = await reconSamples(app);
    versionId = await storeVersion(app, { name: 'ETD recon', document: await reconDocument() });
  });
  afterAll(async () => { await app?.close(); });

  it('starts a run (analyst), which a viewer follows to its result', async () => {
    await expect(as('vic').runs.start({ versionId, inputs: samples, businessDate: '2026-11-20' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    ({ runId } = await as('ana').runs.start({ versionId, inputs: samples, businessDate: '2026-11-20' }));
    const running = await as('vic').runs.get({ runId });
    expect(['queued', 'running', 'succeeded']).toContain(running.status);
    await settled(app, runId);
    const run = await as('vic').runs.get({ runId });
    expect(run).toMatchObject({
      id: runId, status: 'succeeded', kind: 'recon', businessDate: '2026-11-20', error: null, progress: null,
      template: { name: 'ETD recon', version: 1, versionId, templateId: expect.any(String) },
      templateHashMatches: true, startedBy: 'ana@firm.com', breaks: { open: 4, total: 4 },
      summary: { match: { breaks: 4 }, counts: { sources: { internal: { rows: 9 } } } },
      inputs: [{ source: 'internal', name: 'internal-positions.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }, { source: 'broker', name: 'broker-positions.csv' }],
      createdAt: expect.stringMatching(/Z$/), startedAt: expect.stringMatching(/Z$/), finishedAt: expect.stringMatching(/Z$/),
    });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect((await as('vic').runs.list()).find((r) => r.id === runId)).toMatchObject({ status: 'succeeded', openBreaks: 4, template: { versionId }, inputs: expect.any(Array) });
    expect(await as('vic').lineage.run({ runId })).toMatchObject({ templateHashMatches: true, inputs: [{ role: 'internal' }, { role: 'broker' }] });
  });

  it('refuses bad starts and cancels with the problem and its field', async () => {
    const draft = await storeVersion(app, { name: 'Draft', document: await reconDocument(), status: 'submitted' });
    await expect(as('ana').runs.start({ versionId: draft, inputs: samples, businessDate: '2026-11-20' }))
      .rejects.toMatchObject({ code: 'CONFLICT', cause: { problem: { code: 'version-not-approved', field: 'versionId' } } });
    await expect(as('ana').runs.cancel({ runId })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already finished/) });
    await expect(as('vic').runs.cancel({ runId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as('vic').runs.get({ runId: '00000000-0000-0000-0000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reviews breaks: analysts assign and comment, only approvers resolve and reopen, every step audited', async () => {
    const page = await as('vic').breaks.page({ runId, sort: { by: 'kind', dir: 'asc' } });
    expect(page.total).toBe(4);
    expect(page.facets.kind).toEqual({ field: 2, 'only-left': 1, 'only-right': 1 });
    const ids = page.rows.map((b) => b.id);

    const assignable = await as('vic').users.assignable();
    expect(assignable.map((u) => u.email)).toEqual(['ana@firm.com', 'pat@firm.com']);
    expect(Object.keys(assignable[0]).sort()).toEqual(['email', 'id']);

    await expect(as('vic').breaks.act({ action: 'comment', ids, comment: 'looking' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await as('ana').breaks.act({ action: 'assign', ids: ids.slice(0, 2), assigneeId: users.ana.id })).toEqual({ action: 'assign', ids: ids.slice(0, 2) });
    await expect(as('ana').breaks.act({ action: 'assign', ids, assigneeId: users.vic.id })).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { problem: { field: 'assigneeId' } } });
    await expect(as('ana').breaks.act({ action: 'resolve', ids, reason: 'timing' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/needs the approver role; you are analyst/) });
    await expect(as('pat').breaks.act({ action: 'resolve', ids, reason: 'other' })).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { problem: { code: 'comment-required', field: 'comment' } } });
    await expect(as('pat').breaks.act({ action: 'resolve', ids: [...ids, 99_999_999], reason: 'timing' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/99999999/) });
    expect((await as('vic').breaks.page({ runId, status: ['resolved'] })).total).toBe(0);

    await as('pat').breaks.act({ action: 'resolve', ids: ids.slice(0, 3), reason: 'timing', comment: 'Clears tomorrow' });
    const resolved = await as('vic').breaks.page({ runId, status: ['resolved'] });
    expect(resolved.rows.map((b) => [b.id, b.reason, b.commentCount]).sort()).toEqual(ids.slice(0, 3).map((id) => [id, 'timing', 1]).sort());
    expect(await as('vic').breaks.comments({ breakId: ids[0] })).toEqual([{ id: expect.any(Number), breakId: ids[0], author: { id: users.pat.id, email: 'pat@firm.com' }, body: 'Clears tomorrow', createdAt: expect.stringMatching(/Z$/) }]);

    await expect(as('ana').breaks.act({ action: 'reopen', ids: [ids[0]] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await as('pat').breaks.act({ action: 'reopen', ids })).toEqual({ action: 'reopen', ids: ids.slice(0, 3) });
    const reopened = await as('vic').breaks.page({ runId, sort: { by: 'kind', dir: 'asc' } });
    expect(reopened.rows.map((b) => [b.status, b.reason, b.assignee?.email ?? null])).toEqual([
      ['assigned', null, 'ana@firm.com'], ['assigned', null, 'ana@firm.com'], ['open', null, null], ['open', null, null],
    ]);
    await expect(as('pat').breaks.act({ action: 'reopen', ids })).rejects.toMatchObject({ code: 'CONFLICT' });

    await as('ana').breaks.act({ action: 'comment', ids: [ids[0]], comment: 'Asked the broker' });
    expect((await as('vic').breaks.comments({ breakId: ids[0] })).map((c) => [c.author?.email, c.body])).toEqual([['pat@firm.com', 'Clears tomorrow'], ['ana@firm.com', 'Asked the broker']]);
    await as('ana').breaks.act({ action: 'assign', ids: [ids[0]], assigneeId: null });
    expect((await as('vic').breaks.page({ runId, assignee: 'none' })).total).toBe(3);

    const audit = (await as('pat').audit.list({})).entries.filter((e) => e.action.startsWith('break.'));
    expect(audit.map((e) => [e.action, e.actor, (e.summary as { count: number }).count]).reverse()).toEqual([
      ['break.assign', 'ana@firm.com', 2], ['break.resolve', 'pat@firm.com', 3], ['break.reopen', 'pat@firm.com', 3],
      ['break.comment', 'ana@firm.com', 1], ['break.assign', 'ana@firm.com', 1],
    ]);
    expect(audit.find((e) => e.action === 'break.resolve')).toMatchObject({ correlationId: 'req-pat', summary: { ids: ids.slice(0, 3), after: { status: 'resolved', reason: 'timing' }, comment: 'Clears tomorrow' } });
    expect(await as('pat').audit.verify()).toMatchObject({ ok: true });
  });

  it('declares the roles the review workflow relies on', () => {
    const roles = Object.fromEntries(Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { minRole?: string } } }>).map(([path, p]) => [path, p._def.meta?.minRole]));
    expect(roles).toMatchObject({
      'runs.list': 'viewer', 'runs.get': 'viewer', 'runs.start': 'analyst', 'runs.cancel': 'analyst',
      'breaks.page': 'viewer', 'breaks.comments': 'viewer', 'breaks.counts': 'viewer', 'breaks.act': 'analyst', 'users.assignable': 'viewer',
    });
  });

  it('caps a page at 500 rows and validates the filter', async () => {
    await expect(as('vic').breaks.page({ runId, limit: 501 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as('vic').breaks.page({ runId: 'nope' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await as('vic').breaks.page({ runId, limit: 2, offset: 3 })).rows).toHaveLength(1);
  });
});
