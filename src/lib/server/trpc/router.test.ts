import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '$runtime/app/open-app';
import { openTestApp } from '$runtime/app/testing';
import { createLogger } from '$runtime/observability/logger';
import type { Role } from '$runtime/store/schema';
import { createUser } from '$runtime/auth/accounts';
import type { RequestUser } from './context';
import { ROLES } from './roles';
import { appRouter, createCaller } from './router';

type AnyProcedure = { _def: { type: 'query' | 'mutation' | 'subscription'; meta?: { minRole?: Role } } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

function call(app: App, role: Role | null, path: string) {
  const caller = createCaller({ app, log: createLogger({ level: 'silent' }), requestId: 't', user: role ? { id: null, name: role, role } : null });
  const fn = path.split('.').reduce<any>((node, key) => node[key], caller);
  return fn(undefined);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (e) {
    return e instanceof TRPCError ? e.code : `THREW ${(e as Error).message}`;
  }
}

describe('the API router', () => {
  let app: App;
  beforeAll(async () => { app = await openTestApp(); });
  afterAll(async () => { await app?.close(); });

  it('has procedures, each declaring its minimum role', () => {
    expect(procedures.length).toBeGreaterThan(0);
    const undeclared = procedures.filter(([, p]) => !ROLES.includes(p._def.meta?.minRole as Role)).map(([path]) => path);
    expect(undeclared).toEqual([]);
  });

  it('refuses every procedure without a session: UNAUTHORIZED', async () => {
    for (const [path] of procedures) expect([path, await codeOf(call(app, null, path))]).toEqual([path, 'UNAUTHORIZED']);
  });

  it('refuses every procedure to the role just below its minimum: FORBIDDEN', async () => {
    for (const [path, p] of procedures) {
      const below = ROLES[ROLES.indexOf(p._def.meta!.minRole!) - 1];
      if (below) expect([path, await codeOf(call(app, below, path))]).toEqual([path, 'FORBIDDEN']);
    }
  });

  it('lets the minimum role through the role check', async () => {
    for (const [path, p] of procedures) {
      const code = await codeOf(call(app, p._def.meta!.minRole!, path));
      expect([path, code]).not.toEqual([path, 'FORBIDDEN']);
      expect([path, code]).not.toEqual([path, 'UNAUTHORIZED']);
    }
  });

  it('keeps the sensitive procedures at their roles (a silent downgrade fails here)', () => {
    const declared = Object.fromEntries(procedures.map(([path, p]) => [path, p._def.meta?.minRole]));
    expect(declared).toMatchObject({
      'users.list': 'admin', 'users.create': 'admin', 'users.setRole': 'admin', 'users.setDisabled': 'admin',
      'audit.list': 'approver', 'audit.actions': 'approver', 'audit.verify': 'approver',
      'templateVersions.approve': 'approver', 'templateVersions.reject': 'approver', 'templateVersions.activate': 'approver',
      'templateVersions.createTemplate': 'analyst', 'templateVersions.saveDraft': 'analyst', 'templateVersions.submit': 'analyst',
      'templateVersions.detail': 'viewer', 'templateVersions.runnable': 'analyst', 'lineage.run': 'viewer', 'auth.me': 'viewer',
      'templates.create': 'analyst', 'templates.duplicate': 'analyst', 'templates.rename': 'analyst', 'templates.delete': 'analyst',
      'templates.import': 'analyst', 'templates.list': 'viewer', 'templates.export': 'viewer', 'datasets.sample': 'viewer',
    });
  });

  it('lets no viewer change anything: every mutation needs analyst or above', () => {
    const viewerMutations = procedures.filter(([, p]) => p._def.type === 'mutation' && p._def.meta?.minRole === 'viewer').map(([path]) => path);
    expect(viewerMutations).toEqual([]);
  });

  it('says NOT_FOUND with a remedy for a dataset that does not exist', async () => {
    const caller = createCaller({ app, log: createLogger({ level: 'silent' }), requestId: 't', user: { id: null, name: 'v', role: 'viewer' } });
    await expect(caller.datasets.get({ id: '00000000-0000-0000-0000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/Data page/) });
    await expect(caller.datasets.rows({ id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  describe('with real users', () => {
    const users: Record<string, RequestUser> = {};
    const as = (who: string) => createCaller({ app, log: createLogger({ level: 'silent' }), requestId: `req-${who}`, user: users[who] });

    beforeAll(async () => {
      for (const [name, role] of [['admin', 'admin'], ['ana', 'analyst'], ['pat', 'approver'], ['quinn', 'approver']] as const) {
        const made = await createUser({ app, actor: 'test', role, account: { email: `${name}@firm.com`, password: 'a perfectly fine passphrase' } });
        if (!made.ok) throw new Error(made.problem.message);
        users[name] = { id: made.value.id, name, email: made.value.email, role };
      }
    });

    it('lists what can run: approved and active versions with their sources, never drafts', async () => {
      const draft = await as('ana').templateVersions.createTemplate({ name: 'Ana drafts', document: { kind: 'mapping', sources: [{ name: 'broker', format: 'csv' }] } });
      const ready = await as('ana').templateVersions.createTemplate({ name: 'Ana runs', document: { kind: 'mapping', sources: [{ name: 'broker', format: 'csv' }, { name: 'bad' }] } });
      await as('ana').templateVersions.submit({ versionId: ready.id });
      await as('pat').templateVersions.approve({ versionId: ready.id });
      const runnable = await as('ana').templateVersions.runnable();
      expect(runnable.find((t) => t.id === ready.templateId)).toEqual({
        id: ready.templateId, name: 'Ana runs', kind: 'mapping',
        versions: [{ id: ready.id, version: 1, status: 'approved', sources: [{ name: 'broker', format: 'csv' }, { name: 'bad', format: '' }] }],
      });
      expect(runnable.some((t) => t.id === draft.templateId)).toBe(false);
    });

    it('MAKER-CHECKER: the author cannot approve their own version (FORBIDDEN, with the remedy); another approver can', async () => {
      const v = await as('pat').templateVersions.createTemplate({ name: 'Pat maps', document: { kind: 'mapping' } });
      await as('pat').templateVersions.submit({ versionId: v.id });
      await expect(as('pat').templateVersions.approve({ versionId: v.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/another approver/) });
      await expect(as('ana').templateVersions.approve({ versionId: v.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await as('quinn').templateVersions.approve({ versionId: v.id })).toMatchObject({ status: 'approved', reviewerEmail: 'quinn@firm.com' });
      await expect(as('quinn').templateVersions.approve({ versionId: v.id })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await as('ana').templateVersions.detail({ templateId: v.templateId })).toMatchObject({ versions: [{ status: 'approved' }] });
    });

    it('never returns a password or its hash', async () => {
      await as('admin').users.create({ email: 'new@firm.com', role: 'viewer', password: 'secret passphrase 42' });
      const listed = JSON.stringify(await as('admin').users.list());
      expect(listed).toContain('new@firm.com');
      expect(listed).not.toMatch(/password|scrypt\$|secret passphrase/i);
      expect(await as('ana').auth.me()).toEqual({ id: users.ana.id, name: 'ana', email: 'ana@firm.com', role: 'analyst' });
    });

    it('reports problems with the field at fault', async () => {
      await expect(as('admin').users.create({ email: 'weak@firm.com', role: 'viewer', password: 'short' })).rejects.toMatchObject({
        code: 'BAD_REQUEST', cause: { problem: { code: 'weak-password', field: 'password' } },
      });
    });

    it('gives a run\'s lineage: template version, its content hash, and inputs by hash', async () => {
      const v = await as('ana').templateVersions.createTemplate({ name: 'Lineage', document: { kind: 'mapping' } });
      // Runs are written by the run engine (another issue); one row stands in for it here.
      const run = await app.db.insertInto('runs').values({
        template_version_id: v.id, template_hash: v.contentHash, kind: 'mapping', business_date: '2026-11-20',
        inputs: JSON.stringify([
          { datasetId: '11111111-1111-1111-1111-111111111111', name: 'broker.csv', sha256: 'ab'.repeat(32), role: 'broker' },
          { source: 'ccp', files: [{ name: 'ccp-1.csv', sha256: 'cd'.repeat(32), sizeBytes: 10 }, { name: 'ccp-2.csv', sha256: 'ef'.repeat(32), sizeBytes: 12 }] },
        ]),
        started_by: users.ana.id,
      }).returning('id').executeTakeFirstOrThrow();
      expect(await as('ana').lineage.run({ runId: run.id })).toMatchObject({
        runId: run.id, startedBy: 'ana@firm.com', templateHash: v.contentHash, templateHashMatches: true,
        template: { versionId: v.id, name: 'Lineage', version: 1, contentHash: v.contentHash },
        inputs: [
          { name: 'broker.csv', sha256: 'ab'.repeat(32), role: 'broker' },
          { name: 'ccp-1.csv', sha256: 'cd'.repeat(32), role: 'ccp' },
          { name: 'ccp-2.csv', sha256: 'ef'.repeat(32), role: 'ccp' },
        ],
      });
      await expect(as('ana').lineage.run({ runId: '00000000-0000-0000-0000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('lists and verifies the audit trail for approvers', async () => {
      const { entries } = await as('pat').audit.list({ action: 'template.approve' });
      expect(entries[0]).toMatchObject({ actor: 'quinn@firm.com', correlationId: 'req-quinn', ts: expect.stringMatching(/Z$/) });
      expect(await as('pat').audit.verify()).toMatchObject({ ok: true });
      expect((await as('pat').audit.list({ actor: 'PAT@firm.com' })).entries.every((e) => e.actor === 'pat@firm.com')).toBe(true);
      expect((await as('pat').audit.list({ from: '2000-01-01', to: '2000-01-02' })).entries).toEqual([]);
    });
  });
});
