import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '$runtime/app/open-app';
import { seedDemoContent } from '$runtime/app/seed';
import { openTestApp } from '$runtime/app/testing';
import { createUser } from '$runtime/auth/accounts';
import { createLogger } from '$runtime/observability/logger';
import type { Role } from '$runtime/store/schema';
import { createCaller } from '../router';

const DOC = { schemaVersion: 1, kind: 'mapping', sources: [{ name: 'broker', format: 'csv' }], mappings: { broker: [{ target: 'Qty', formula: '[Quantity]' }] }, validations: [] };

describe('working drafts: autosave and save version', () => {
  let app: App;
  const callers: Record<string, ReturnType<typeof createCaller>> = {};
  let templateId: string;

  beforeAll(async () => {
    app = await openTestApp();
    await seedDemoContent({ app, templatesDir: path.resolve('templates'), logger: createLogger({ level: 'silent' }) });
    for (const [name, role] of [['ana', 'analyst'], ['bea', 'analyst']] as [string, Role][]) {
      const user = await createUser({ app, actor: 'test', role, account: { email: `${name}@firm.com`, password: 'a perfectly fine passphrase' } });
      if (!user.ok) throw new Error(user.problem.message);
      callers[name] = createCaller({ app, log: createLogger({ level: 'silent' }), requestId: 't', user: { id: user.value.id, name, email: user.value.email, role } });
    }
    const created = await callers.ana.templateVersions.createTemplate({ name: 'Broker positions', kind: 'mapping', document: DOC, message: 'first' });
    templateId = created.templateId;
  });
  afterAll(async () => { await app?.close(); });

  it('keeps one working draft per person, replaced on each autosave', async () => {
    expect(await callers.ana.workingDrafts.get({ templateId })).toBeNull();
    await callers.ana.workingDrafts.save({ templateId, document: { ...DOC, mappings: { broker: [{ target: 'Qty', formula: '[Qty' }] } }, baseVersionId: null });
    await callers.ana.workingDrafts.save({ templateId, document: { ...DOC, mappings: { broker: [{ target: 'Qty', formula: '[Qty]*2' }] } }, baseVersionId: null });
    const mine = await callers.ana.workingDrafts.get({ templateId });
    expect(mine?.document).toMatchObject({ mappings: { broker: [{ formula: '[Qty]*2' }] } });
    // Another analyst's draft is theirs alone.
    expect(await callers.bea.workingDrafts.get({ templateId })).toBeNull();
  });

  it('turns the draft into the next numbered version with its message, audited, and clears the draft', async () => {
    const version = await callers.ana.workingDrafts.saveVersion({ templateId, document: { ...DOC, mappings: { broker: [{ target: 'Qty', formula: '[Quantity]*2' }] } }, message: 'double the quantity' });
    expect(version).toMatchObject({ version: 2, status: 'draft', message: 'double the quantity' });
    expect(await callers.ana.workingDrafts.get({ templateId })).toBeNull();
    const audit = await app.repos.audit.list({ action: 'template.save-draft' });
    expect(audit.map((e) => e.action)).toContain('template.save-draft');
  });

  it('refuses a version without a message, saying what to fix', async () => {
    await expect(callers.ana.workingDrafts.saveVersion({ templateId, document: DOC, message: '  ' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/Say what this version changes/) });
  });

  it('refuses autosave on a shipped starter and on a template that does not exist', async () => {
    const shipped = (await app.repos.templates.list()).find((t) => t.origin === 'shipped');
    expect(shipped).toBeDefined();
    await expect(callers.ana.workingDrafts.save({ templateId: shipped!.id, document: DOC, baseVersionId: null })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/duplicate it/) });
    await expect(callers.ana.workingDrafts.save({ templateId: '00000000-0000-0000-0000-000000000000', document: DOC, baseVersionId: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
