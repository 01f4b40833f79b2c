import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app/open-app';
import { openApp } from '../app/open-app';
import { openTestApp } from '../app/testing';
import { verifyAuditChain } from '../audit/audit-hash';
import type { Actor } from '../auth/roles';
import { readConfig } from '../config';
import { createLogger } from '../observability/logger';
import { filePath } from '../store/file-store';
import { openTestDatabase, TEST_DATABASE_KINDS } from '../store/testing';
import { cancelRun } from './cancel-run';
import { failStaleRuns, SERVER_STOPPED } from './stale-runs';
import { startRun } from './start-run';
import { importBytes, makeUsers, RECON_DIR, reconDocument, reconSamples, settled, storeVersion } from './testing';

const BUSINESS_DATE = '2026-11-20';

describe.each(TEST_DATABASE_KINDS)('server runs on %s', (kind) => {
  let app: App;
  let people: Record<string, Actor>;
  let samples: Record<string, string[]>;
  let versionId: string;
  const as = (who: string) => ({ app, actor: people[who], correlationId: `req-${who}` });
  const auditFor = async (runId: string) => (await app.repos.audit.list({ limit: 1000 })).filter((e) => e.entity === `run:${runId}`).map((e) => e.action).reverse();

  beforeAll(async () => {
    app = await openTestApp({ kind });
    people = await makeUsers(app, { ana: 'analyst', pat: 'approver' });
    samples = await reconSamples(app);
    versionId = await storeVersion(app, { name: 'ETD recon', document: await reconDocument() });
  });
  afterAll(async () => { await app?.close(); });

  it('runs the shipped ETD recon end to end: the breaks the CLI expects, stored as review rows with lineage, audited', async () => {
    const started = await startRun({ ...as('ana'), versionId, inputs: samples, businessDate: BUSINESS_DATE });
    if (!started.ok) throw new Error(started.problem.message);
    const { runId } = started.value;
    const run = await settled(app, runId);
    expect(run).toMatchObject({ status: 'succeeded', error: null, kind: 'recon', businessDate: BUSINESS_DATE, startedBy: 'ana@firm.com', template: { name: 'ETD recon', version: 1, versionId } });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect(run.inputs.map((i) => [i.source, i.name])).toEqual([['internal', 'internal-positions.csv'], ['broker', 'broker-positions.csv']]);

    const expectedCsv = (await readFile(path.join(RECON_DIR, 'expected', 'breaks.csv'), 'utf8')).trim().split('\n').slice(1);
    const page = await app.repos.breaks.page({ filter: { runId, sort: { by: 'kind', dir: 'asc' } }, limit: 100, offset: 0 });
    expect(page.total).toBe(expectedCsv.length);
    expect(run.breaks).toEqual({ open: expectedCsv.length, assigned: 0, resolved: 0, total: expectedCsv.length });
    expect(run.summary).toMatchObject({ ok: false, match: { breaks: expectedCsv.length }, counts: { sources: { internal: { rows: 9 }, broker: { rows: 9 } } }, findingsTotal: expect.any(Number) });

    const sha = Object.fromEntries(await Promise.all(Object.entries(samples).map(async ([s, [id]]) => [s, (await app.repos.datasets.get(id))!.sha256])));
    const qty = page.rows.find((b) => b.key.Product === 'FGBL')!;
    expect(Object.keys(qty.key)).toEqual(['Account', 'Venue', 'Product', 'Contract Month']);
    expect(qty).toMatchObject({
      runId, kind: 'field', severity: 'error', status: 'open', sources: ['internal', 'broker'], missing: [], assignee: null, commentCount: 0,
      key: { Account: 'ACC-1002', Venue: 'XEUR', Product: 'FGBL', 'Contract Month': '2026-12' },
      lineage: { internal: [{ file: 'internal-positions.csv', sha256: sha.internal, row: 5 }], broker: [{ file: 'broker-positions.csv', sha256: sha.broker, row: 5 }] },
    });
    expect(qty.fields.find((f) => f.field === 'Quantity')).toMatchObject({ values: { internal: -35, broker: -30 }, diff: -5, withinTolerance: false, disagree: ['broker'], rule: 'Quantity must match exactly' });
    const onlyLeft = page.rows.find((b) => b.kind === 'only-left')!;
    expect(onlyLeft).toMatchObject({ key: { Account: 'ACC-1004', Product: 'CL' }, missing: ['broker'], lineage: { internal: [{ row: 10 }] } });
    expect(onlyLeft.lineage.broker).toBeUndefined();
    expect(page.rows.find((b) => b.kind === 'only-right')).toMatchObject({ key: { Account: 'ACC-1005' }, missing: ['internal'], lineage: { broker: [{ row: 9 }] } });

    expect(await auditFor(runId)).toEqual(['run.start', 'run.finish']);
    const [start] = await app.repos.audit.list({ action: 'run.start' });
    expect(start).toMatchObject({ actor: 'ana@firm.com', correlationId: 'req-ana', summary: { template: { versionId, version: 1 }, businessDate: BUSINESS_DATE } });
    expect(await verifyAuditChain({ audit: app.repos.audit })).toMatchObject({ ok: true });
    expect((await app.repos.runs.list()).find((r) => r.id === runId)).toMatchObject({ status: 'succeeded', openBreaks: expectedCsv.length, durationMs: expect.any(Number) });
  });

  it('refuses what cannot be a run of record, with the field at fault', async () => {
    const draft = await storeVersion(app, { name: 'Draft recon', document: await reconDocument(), status: 'draft' });
    expect(await startRun({ ...as('ana'), versionId: draft, inputs: samples, businessDate: BUSINESS_DATE }))
      .toMatchObject({ ok: false, problem: { kind: 'conflict', code: 'version-not-approved', field: 'versionId', message: expect.stringMatching(/draft.*approved or active.*Submit it for approval/) } });
    expect(await startRun({ ...as('ana'), versionId, inputs: { internal: samples.internal }, businessDate: BUSINESS_DATE }))
      .toMatchObject({ ok: false, problem: { code: 'input-missing', field: 'inputs.broker' } });
    expect(await startRun({ ...as('ana'), versionId, inputs: { ...samples, ccp: samples.broker }, businessDate: BUSINESS_DATE }))
      .toMatchObject({ ok: false, problem: { code: 'unknown-source', field: 'inputs.ccp', message: expect.stringMatching(/internal, broker/) } });
    expect(await startRun({ ...as('ana'), versionId, inputs: { ...samples, broker: ['00000000-0000-0000-0000-000000000000'] }, businessDate: BUSINESS_DATE }))
      .toMatchObject({ ok: false, problem: { kind: 'not-found', field: 'inputs.broker' } });
    expect(await startRun({ ...as('ana'), versionId, inputs: samples, businessDate: '2026-02-30' })).toMatchObject({ ok: false, problem: { field: 'businessDate' } });
    expect(await startRun({ ...as('ana'), versionId: '00000000-0000-0000-0000-000000000000', inputs: samples, businessDate: BUSINESS_DATE })).toMatchObject({ ok: false, problem: { kind: 'not-found' } });
    expect(await startRun({ app, actor: { id: null, name: 'v', role: 'viewer' }, versionId, inputs: samples, businessDate: BUSINESS_DATE })).toMatchObject({ ok: false, problem: { kind: 'forbidden', message: expect.stringMatching(/analyst role/) } });
    const broken = await storeVersion(app, { name: 'Broken', document: { kind: 'recon', sources: [] }, status: 'approved' });
    expect(await startRun({ ...as('ana'), versionId: broken, inputs: samples, businessDate: BUSINESS_DATE })).toMatchObject({ ok: false, problem: { code: 'bad-template' } });
  });

  it('fails a run whose stored file is gone: clear error, no breaks, audited, server fine', async () => {
    const text = `${(await readFile(path.join(RECON_DIR, 'samples', 'broker-positions.csv'), 'utf8')).trim()}\nACC-9,XCME,ES,Z6,1,1,1\n`;
    const lost = await importBytes(app, 'lost-broker.csv', text);
    await rm(filePath({ dataDir: app.config.dataDir, sha256: (await app.repos.datasets.get(lost))!.sha256 }));
    const started = await startRun({ ...as('ana'), versionId, inputs: { ...samples, broker: [lost] }, businessDate: BUSINESS_DATE });
    if (!started.ok) throw new Error(started.problem.message);
    const run = await settled(app, started.value.runId);
    expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/"lost-broker\.csv".*missing from the file store.*upload the file again/), breaks: { total: 0 } });
    expect(run.finishedAt).toBeInstanceOf(Date);
    expect(await auditFor(run.id)).toEqual(['run.start', 'run.fail']);
  });

  it('fails a run whose file lacks a column the template needs, saying which', async () => {
    const noSettle = await importBytes(app, 'no-settle.csv', 'Acct,MIC,Symbol,Month,Net Qty,Variation Margin\nACC-1001,XCME,ES,Z6,25,12500.00\n');
    const started = await startRun({ ...as('ana'), versionId, inputs: { ...samples, broker: [noSettle] }, businessDate: BUSINESS_DATE });
    if (!started.ok) throw new Error(started.problem.message);
    const run = await settled(app, started.value.runId);
    expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/no column `Settle`/), breaks: { total: 0 } });
    expect(run.summary).toMatchObject({ counts: { findings: { error: expect.any(Number) } }, findings: expect.arrayContaining([expect.objectContaining({ code: 'column-missing' })]) });
  });

  it('cancels a run at once or mid-run: cancelled, no breaks, audited; a finished run cannot be cancelled', async () => {
    const early = await startRun({ ...as('ana'), versionId, inputs: samples, businessDate: BUSINESS_DATE });
    if (!early.ok) throw new Error(early.problem.message);
    expect(await cancelRun({ ...as('pat'), runId: early.value.runId })).toEqual({ ok: true, value: { runId: early.value.runId, status: 'cancelled' } });
    expect(await settled(app, early.value.runId)).toMatchObject({ status: 'cancelled', breaks: { total: 0 } });
    expect(await auditFor(early.value.runId)).toEqual(['run.start', 'run.cancel']);
    expect((await app.repos.audit.list({ action: 'run.cancel' }))[0]).toMatchObject({ actor: 'pat@firm.com', correlationId: 'req-pat' });

    // Big enough to be working when the cancel lands: every row an only-left break if it finished.
    const rows = ['Account,Exchange,Product,Expiry,Quantity,Price,Cash'];
    for (let i = 0; i < 150_000; i++) rows.push(`ACC-${i},CME,ES,Z6,${i % 50},6012.25,${i}.50`);
    const big = await importBytes(app, 'big-internal.csv', `${rows.join('\n')}\n`);
    const mid = await startRun({ ...as('ana'), versionId, inputs: { ...samples, internal: [big] }, businessDate: BUSINESS_DATE });
    if (!mid.ok) throw new Error(mid.problem.message);
    const live = app.runRegistry.get(mid.value.runId)!;
    while (!live.progress) await new Promise((r) => setTimeout(r, 2));
    expect(await cancelRun({ ...as('ana'), runId: mid.value.runId })).toMatchObject({ ok: true, value: { status: 'cancelled' } });
    expect(await settled(app, mid.value.runId)).toMatchObject({ status: 'cancelled', breaks: { total: 0 } });
    expect(await app.repos.breaks.count({ runId: mid.value.runId })).toBe(0);

    // Shutting down stops live runs and fails them with the remedy, rather than leaving them running.
    const stopped = await startRun({ ...as('ana'), versionId, inputs: { ...samples, internal: [big] }, businessDate: BUSINESS_DATE });
    if (!stopped.ok) throw new Error(stopped.problem.message);
    const stopping = app.runRegistry.get(stopped.value.runId)!;
    while (!stopping.progress) await new Promise((r) => setTimeout(r, 2));
    await app.runRegistry.stopAll();
    expect(await app.repos.runs.get({ id: stopped.value.runId })).toMatchObject({ status: 'failed', error: SERVER_STOPPED, breaks: { total: 0 } });
    expect(await auditFor(stopped.value.runId)).toEqual(['run.start', 'run.fail']);

    expect(await cancelRun({ ...as('ana'), runId: mid.value.runId })).toMatchObject({ ok: false, problem: { kind: 'conflict', code: 'run-finished' } });
    expect(await cancelRun({ app, actor: { id: null, name: 'viewer', role: 'viewer' }, runId: mid.value.runId })).toMatchObject({ ok: false, problem: { kind: 'forbidden' } });
    expect(await cancelRun({ ...as('ana'), runId: '00000000-0000-0000-0000-000000000000' })).toMatchObject({ ok: false, problem: { kind: 'not-found' } });
    expect(await verifyAuditChain({ audit: app.repos.audit })).toMatchObject({ ok: true });
  }, 60_000);

  it('marks runs a dead process left running as failed, on open and by the sweep, but not live ones', async () => {
    const dead = await app.repos.runs.create({ templateVersionId: versionId, templateHash: 'h', kind: 'recon', businessDate: BUSINESS_DATE, inputs: [], startedBy: null });
    await app.repos.runs.setRunning({ id: dead.id });
    await app.db.updateTable('runs').set({ heartbeat_at: new Date(Date.now() - 10 * 60_000) }).where('id', '=', dead.id).execute();
    const fresh = await app.repos.runs.create({ templateVersionId: versionId, templateHash: 'h', kind: 'recon', businessDate: BUSINESS_DATE, inputs: [], startedBy: null });
    expect(await failStaleRuns({ app })).toEqual([dead.id]);
    expect(await app.repos.runs.get({ id: dead.id })).toMatchObject({ status: 'failed', error: SERVER_STOPPED });
    expect(await app.repos.runs.get({ id: fresh.id })).toMatchObject({ status: 'queued' });
    expect(await auditFor(dead.id)).toEqual(['run.fail']);
    await app.db.updateTable('runs').set({ status: 'failed' }).where('id', '=', fresh.id).execute();
  });
});

describe.each(TEST_DATABASE_KINDS)('opening the app on %s', (kind) => {
  it('fails runs left running by a process that died', async () => {
    const database = await openTestDatabase(kind);
    const { id } = await database.db.insertInto('runs').values({
      kind: 'recon', status: 'running', business_date: '2026-11-20', inputs: '[]', heartbeat_at: new Date(Date.now() - 3600_000),
    }).returning('id').executeTakeFirstOrThrow();
    const app = await openApp({ config: readConfig({ DATA_DIR: '/nonexistent-opspilot-test' }), logger: createLogger({ level: 'silent' }), database });
    try {
      expect(await app.repos.runs.get({ id })).toMatchObject({ status: 'failed', error: SERVER_STOPPED, finishedAt: expect.any(Date) });
      expect((await app.repos.audit.list({ action: 'run.fail' }))[0]).toMatchObject({ actor: 'system', entity: `run:${id}` });
    } finally {
      await app.close();
    }
  });
});
