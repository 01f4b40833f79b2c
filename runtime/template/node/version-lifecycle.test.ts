import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app/open-app';
import { openTestApp } from '../../app/testing';
import { createUser } from '../../auth/accounts';
import type { Actor } from '../../auth/roles';
import type { Role } from '../../store/schema';
import { TEST_DATABASE_KINDS } from '../../store/testing';
import { templateHash } from '../../runner/run-outputs';
import type { Template } from '../schema';
import { templateContentHash } from './content-hash';
import { activateVersion, approveVersion, createTemplate, rejectVersion, saveDraft, submitVersion } from './version-lifecycle';

describe.each(TEST_DATABASE_KINDS)('template maker-checker on %s', (kind) => {
  let app: App;
  const people: Record<string, Actor> = {};
  const as = (who: string) => ({ app, actor: people[who], correlationId: `req-${who}` });

  beforeAll(async () => {
    app = await openTestApp({ kind });
    const roles: [string, Role][] = [['ana', 'analyst'], ['al', 'analyst'], ['pat', 'approver'], ['quinn', 'approver'], ['vic', 'viewer']];
    for (const [name, role] of roles) {
      const made = await createUser({ app, actor: 'test', role, account: { email: `${name}@firm.com`, password: 'a perfectly fine passphrase' } });
      if (!made.ok) throw new Error(made.problem.message);
      people[name] = { id: made.value.id, name, email: made.value.email, role };
    }
  });
  afterAll(async () => { await app?.close(); });

  it('content hash is SHA-256 of canonical JSON: key order and spacing do not matter', () => {
    expect(templateContentHash({ document: { b: 1, a: [1, 2] } })).toBe(templateContentHash({ document: JSON.parse('{ "a": [1, 2],  "b": 1 }') }));
    expect(templateContentHash({ document: { a: 1 } })).not.toBe(templateContentHash({ document: { a: 2 } }));
    // The same hash the runner records for a run, so lineage compares like with like.
    const doc = { schemaVersion: 1, kind: 'mapping', name: 'x', sources: [] };
    expect(templateContentHash({ document: doc })).toBe(templateHash(doc as unknown as Template));
  });

  it('moves draft → submitted → approved → active, each step audited with before and after', async () => {
    const created = await createTemplate({ ...as('ana'), name: 'Broker ETD positions', kind: 'mapping', document: { kind: 'mapping', sources: [] }, message: 'first cut' });
    if (!created.ok) throw new Error(created.problem.message);
    const v1 = created.value;
    expect(v1).toMatchObject({ version: 1, status: 'draft', authorEmail: 'ana@firm.com', contentHash: templateContentHash({ document: { kind: 'mapping', sources: [] } }) });

    const edited = await saveDraft({ ...as('ana'), templateId: v1.templateId, versionId: v1.id, document: { kind: 'mapping', sources: ['broker'] } });
    expect(edited).toMatchObject({ ok: true, value: { id: v1.id, version: 1, status: 'draft' } });
    expect(await submitVersion({ ...as('al'), versionId: v1.id })).toMatchObject({ ok: false, problem: { code: 'not-author' } });
    expect(await submitVersion({ ...as('ana'), versionId: v1.id })).toMatchObject({ ok: true, value: { status: 'submitted', submittedAt: expect.any(Date) } });
    expect(await saveDraft({ ...as('ana'), templateId: v1.templateId, versionId: v1.id, document: { late: true } })).toMatchObject({ ok: false, problem: { code: 'wrong-status' } });
    expect(await approveVersion({ ...as('al'), versionId: v1.id })).toMatchObject({ ok: false, problem: { code: 'not-approver' } });
    expect(await approveVersion({ ...as('pat'), versionId: v1.id, comment: 'looks right' })).toMatchObject({ ok: true, value: { status: 'approved', reviewerEmail: 'pat@firm.com', reviewComment: 'looks right' } });
    expect(await approveVersion({ ...as('quinn'), versionId: v1.id })).toMatchObject({ ok: false, problem: { code: 'wrong-status' } });
    expect(await activateVersion({ ...as('quinn'), versionId: v1.id })).toMatchObject({ ok: true, value: { status: 'active', activatedAt: expect.any(Date) } });

    const trail = (await app.repos.audit.list({ limit: 100 })).filter((e) => e.entity === `template-version:${v1.id}`).reverse();
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['template.create', 'ana@firm.com'], ['template.save-draft', 'ana@firm.com'], ['template.submit', 'ana@firm.com'],
      ['template.approve', 'pat@firm.com'], ['template.activate', 'quinn@firm.com'],
    ]);
    expect(trail[3]).toMatchObject({ correlationId: 'req-pat', summary: { before: { status: 'submitted' }, after: { status: 'approved' }, version: 1, comment: 'looks right' } });
  });

  it('MAKER-CHECKER: the author cannot approve or reject their own version, whatever their role', async () => {
    const created = await createTemplate({ ...as('pat'), name: 'Pat’s own', kind: 'recon', document: { kind: 'recon' } });
    if (!created.ok) throw new Error(created.problem.message);
    expect((await submitVersion({ ...as('pat'), versionId: created.value.id })).ok).toBe(true);
    expect(await approveVersion({ ...as('pat'), versionId: created.value.id })).toMatchObject({ ok: false, problem: { kind: 'forbidden', code: 'own-version', message: expect.stringContaining('another approver') } });
    expect(await rejectVersion({ ...as('pat'), versionId: created.value.id, comment: 'meh' })).toMatchObject({ ok: false, problem: { code: 'own-version' } });
    expect((await app.repos.templateVersions.get({ id: created.value.id }))?.status).toBe('submitted');
    expect((await approveVersion({ ...as('quinn'), versionId: created.value.id })).ok).toBe(true);
  });

  it('rejects only with a comment, and a rejected version stays rejected', async () => {
    const created = await createTemplate({ ...as('al'), name: 'To reject', kind: 'mapping', document: { kind: 'mapping' } });
    if (!created.ok) throw new Error(created.problem.message);
    await submitVersion({ ...as('al'), versionId: created.value.id });
    expect(await rejectVersion({ ...as('quinn'), versionId: created.value.id, comment: '  ' })).toMatchObject({ ok: false, problem: { code: 'comment-required', field: 'comment' } });
    expect(await rejectVersion({ ...as('quinn'), versionId: created.value.id, comment: 'Price column maps the wrong field' })).toMatchObject({ ok: true, value: { status: 'rejected', reviewComment: 'Price column maps the wrong field' } });
    expect(await activateVersion({ ...as('quinn'), versionId: created.value.id })).toMatchObject({ ok: false, problem: { code: 'wrong-status' } });
  });

  it('activating a newer version returns the old one to approved; one active version per template', async () => {
    const template = (await app.repos.templates.findByName('Broker ETD positions'))!;
    const v2 = await saveDraft({ ...as('al'), templateId: template.id, document: { kind: 'mapping', sources: ['broker', 'ccp'] }, message: 'adds the CCP file' });
    if (!v2.ok) throw new Error(v2.problem.message);
    expect(v2.value).toMatchObject({ version: 2, status: 'draft', authorEmail: 'al@firm.com' });
    await submitVersion({ ...as('al'), versionId: v2.value.id });
    await approveVersion({ ...as('quinn'), versionId: v2.value.id });
    expect((await activateVersion({ ...as('pat'), versionId: v2.value.id })).ok).toBe(true);
    const versions = await app.repos.templateVersions.listForTemplate({ templateId: template.id });
    expect(versions.map((v) => [v.version, v.status])).toEqual([[2, 'active'], [1, 'approved']]);
    const [activation] = await app.repos.audit.list({ action: 'template.activate', limit: 1 });
    expect(activation.summary).toMatchObject({ replaced: { version: 1 } });
  });

  it('refuses bad input and unknown ids with the remedy', async () => {
    expect(await createTemplate({ ...as('ana'), name: 'Broker etd POSITIONS', kind: 'mapping', document: {} })).toMatchObject({ ok: false, problem: { code: 'name-taken' } });
    expect(await createTemplate({ ...as('ana'), name: 'Arr', kind: 'mapping', document: [] })).toMatchObject({ ok: false, problem: { code: 'bad-document' } });
    expect(await submitVersion({ ...as('ana'), versionId: '00000000-0000-0000-0000-000000000000' })).toMatchObject({ ok: false, problem: { kind: 'not-found' } });
    expect(await createTemplate({ app, actor: { id: null, name: 'anonymous test', role: 'admin' }, name: 'X', kind: 'mapping', document: {} })).toMatchObject({ ok: false, problem: { code: 'no-user' } });
  });
});
