import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '$runtime/app/open-app';
import { seedDemoContent } from '$runtime/app/seed';
import { openTestApp } from '$runtime/app/testing';
import { createUser } from '$runtime/auth/accounts';
import { createLogger } from '$runtime/observability/logger';
import type { Role } from '$runtime/store/schema';
import { TEST_DATABASE_KINDS } from '$runtime/store/testing';
import { parseTemplate } from '$runtime/template/validate';
import type { RequestUser } from '../context';
import { createCaller } from '../router';

const silent = createLogger({ level: 'silent' });
const SHIPPED = path.resolve(__dirname, '../../../../../templates');

describe.each(TEST_DATABASE_KINDS)('templates router on %s', (kind) => {
  let app: App;
  const users: Record<string, RequestUser> = {};
  const as = (who: string) => createCaller({ app, log: silent, requestId: `req-${who}`, user: users[who] });
  const audits = async (action: string) => (await app.repos.audit.list({ action, limit: 50 }));

  beforeAll(async () => {
    app = await openTestApp({ kind });
    await seedDemoContent({ app, templatesDir: SHIPPED, logger: silent });
    const roles: [string, Role][] = [['ana', 'analyst'], ['al', 'analyst'], ['vic', 'viewer']];
    for (const [name, role] of roles) {
      const made = await createUser({ app, actor: 'test', role, account: { email: `${name}@firm.com`, password: 'a perfectly fine passphrase' } });
      if (!made.ok) throw new Error(made.problem.message);
      users[name] = { id: made.value.id, name, email: made.value.email, role };
    }
  });
  afterAll(async () => { await app?.close(); });

  it('creates each kind from a blank starter that validates, audited as template.create', async () => {
    for (const k of ['mapping', 'recon', 'nway'] as const) {
      const v = await as('ana').templates.create({ name: `Blank ${k}`, kind: k });
      expect(v).toMatchObject({ version: 1, status: 'draft', authorEmail: 'ana@firm.com' });
      expect(parseTemplate({ doc: v.document }).findings).toEqual([]);
      expect(v.document).toMatchObject({ kind: k, name: `Blank ${k}` });
    }
    const [entry] = await audits('template.create');
    expect(entry).toMatchObject({ actor: 'ana@firm.com', correlationId: 'req-ana', summary: { name: 'Blank nway', kind: 'nway', version: 1 } });
    await expect(as('ana').templates.create({ name: 'blank MAPPING', kind: 'mapping' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already exists/) });
    await expect(as('ana').templates.create({ name: 'x', kind: 'span' as 'mapping' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('lists kind, latest status, version count, author and updated time; your templates before the shipped starters', async () => {
    const list = await as('vic').templates.list();
    const shipped = list.filter((t) => t.origin === 'shipped');
    expect(shipped.length).toBeGreaterThanOrEqual(4);
    expect(list.slice(-shipped.length).every((t) => t.origin === 'shipped')).toBe(true);
    expect(shipped[0]).toMatchObject({ latestStatus: 'active', versionCount: 1, latestAuthorEmail: null });
    const mine = list.find((t) => t.name === 'Blank recon')!;
    expect(mine).toMatchObject({ kind: 'recon', origin: 'user', latestVersion: 1, latestStatus: 'draft', versionCount: 1, latestAuthorEmail: 'ana@firm.com', updatedAt: expect.stringMatching(/Z$/) });
    await as('al').templateVersions.saveDraft({ templateId: mine.id, document: { ...(await as('al').templates.export({ templateId: mine.id })).document as object, description: 'v2' } });
    expect((await as('vic').templates.list()).find((t) => t.id === mine.id)).toMatchObject({ latestVersion: 2, versionCount: 2, latestAuthorEmail: 'al@firm.com' });
  });

  it('duplicates the latest version into a new draft v1 named "Copy of …", unique each time', async () => {
    const shipped = (await as('ana').templates.list()).find((t) => t.origin === 'shipped')!;
    const first = await as('ana').templates.duplicate({ templateId: shipped.id });
    const second = await as('ana').templates.duplicate({ templateId: shipped.id });
    const list = await as('ana').templates.list();
    expect(list.find((t) => t.id === first.templateId)).toMatchObject({ name: `Copy of ${shipped.name}`, origin: 'user', kind: shipped.kind, latestStatus: 'draft', versionCount: 1 });
    expect(list.find((t) => t.id === second.templateId)?.name).toBe(`Copy of ${shipped.name} (2)`);
    expect(first.document).toMatchObject({ name: `Copy of ${shipped.name}` });
    const original = await as('ana').templates.export({ templateId: shipped.id });
    expect({ ...(first.document as object), name: shipped.name }).toEqual(original.document);
    const [entry] = await audits('template.duplicate');
    expect(entry.summary).toMatchObject({ name: `Copy of ${shipped.name} (2)`, from: { templateId: shipped.id, version: 1, contentHash: original.contentHash } });
  });

  it('refuses to edit, rename or delete a shipped starter, saying to duplicate it', async () => {
    const shipped = (await as('ana').templates.list()).find((t) => t.origin === 'shipped')!;
    const readOnly = { code: 'FORBIDDEN', message: expect.stringMatching(/shipped starter.*Duplicate/) };
    await expect(as('ana').templates.rename({ templateId: shipped.id, name: 'Mine now' })).rejects.toMatchObject(readOnly);
    await expect(as('ana').templates.delete({ templateId: shipped.id })).rejects.toMatchObject(readOnly);
    await expect(as('ana').templateVersions.saveDraft({ templateId: shipped.id, document: { kind: 'mapping' } })).rejects.toMatchObject(readOnly);
    expect((await as('ana').templates.list()).find((t) => t.id === shipped.id)).toMatchObject({ name: shipped.name, versionCount: 1 });
  });

  it('renames, refusing a name another template has and audit-logging before and after', async () => {
    const v = await as('ana').templates.create({ name: 'To rename', kind: 'mapping' });
    expect(await as('al').templates.rename({ templateId: v.templateId, name: '  Renamed  ' })).toEqual({ id: v.templateId, name: 'Renamed' });
    await expect(as('al').templates.rename({ templateId: v.templateId, name: 'BLANK RECON' })).rejects.toMatchObject({ code: 'CONFLICT', cause: { problem: { field: 'name' } } });
    await expect(as('al').templates.rename({ templateId: v.templateId, name: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await as('al').templates.rename({ templateId: v.templateId, name: 'renamed' })).toEqual({ id: v.templateId, name: 'renamed' });
    const [entry] = await audits('template.rename');
    expect(entry).toMatchObject({ actor: 'al@firm.com', entity: `template:${v.templateId}`, summary: { before: { name: 'Renamed' }, after: { name: 'renamed' } } });
    await expect(as('al').templates.rename({ templateId: '00000000-0000-0000-0000-000000000000', name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes a template no run cites, and archives one with runs so their lineage stays', async () => {
    const unused = await as('ana').templates.create({ name: 'Never ran', kind: 'mapping' });
    expect(await as('ana').templates.delete({ templateId: unused.templateId })).toMatchObject({ mode: 'deleted', runs: 0 });
    expect(await app.repos.templateVersions.get({ id: unused.id })).toBeUndefined();

    const used = await as('ana').templates.create({ name: 'Ran once', kind: 'mapping' });
    // Runs are written by the run engine; one row stands in for it here.
    const run = await app.db.insertInto('runs').values({ template_version_id: used.id, template_hash: used.contentHash, kind: 'mapping', business_date: '2026-11-20', inputs: '[]' })
      .returning('id').executeTakeFirstOrThrow();
    expect(await as('ana').templates.delete({ templateId: used.templateId })).toMatchObject({ mode: 'archived', runs: 1 });
    expect((await as('ana').templates.list()).some((t) => t.id === used.templateId)).toBe(false);
    expect(await as('vic').lineage.run({ runId: run.id })).toMatchObject({ template: { versionId: used.id, name: 'Ran once', contentHash: used.contentHash } });
    // The archived template's name is free again.
    expect(await as('ana').templates.create({ name: 'Ran once', kind: 'mapping' })).toMatchObject({ version: 1 });
    expect((await audits('template.delete')).slice(0, 2).map((e) => e.summary)).toMatchObject([{ after: { mode: 'archived' }, runs: 1 }, { after: { mode: 'deleted' }, runs: 0 }]);
    await expect(as('ana').templates.delete({ templateId: used.templateId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('exports the latest or a chosen version as <name>.template.json, and the export imports back', async () => {
    const v1 = await as('ana').templates.create({ name: 'Round/trip: "A"', kind: 'recon' });
    const v2 = await as('ana').templateVersions.saveDraft({ templateId: v1.templateId, document: { ...(v1.document as object), description: 'second' } });
    const latest = await as('vic').templates.export({ templateId: v1.templateId });
    expect(latest).toMatchObject({ fileName: 'Round-trip- -A-.template.json', version: 2, contentHash: v2.contentHash });
    expect(await as('vic').templates.export({ templateId: v1.templateId, versionId: v1.id })).toMatchObject({ version: 1, document: v1.document });

    const imported = await as('al').templates.import({ fileName: latest.fileName, text: JSON.stringify(latest.document, null, 2) });
    if (!imported.ok) throw new Error(JSON.stringify(imported.findings));
    expect(imported.version).toMatchObject({ version: 1, status: 'draft', authorEmail: 'al@firm.com', document: { ...(latest.document as object), name: 'Round/trip: "A" (2)' } });
    const [entry] = await audits('template.import');
    expect(entry.summary).toMatchObject({ fileName: latest.fileName, importedName: 'Round/trip: "A"', name: 'Round/trip: "A" (2)' });
    await expect(as('vic').templates.export({ templateId: v1.templateId, versionId: '00000000-0000-0000-0000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses an invalid import with findings at JSON paths, and stores nothing', async () => {
    const before = (await as('al').templates.list()).length;
    const notJson = await as('al').templates.import({ fileName: 'broken.template.json', text: '{\n  "schemaVersion": 1,\n  "name": }' });
    expect(notJson).toMatchObject({ ok: false, findings: [{ code: 'template-not-json', location: { source: 'broken.template.json', path: '$' }, message: expect.stringMatching(/line 3, column 11/) }] });
    const bad = { schemaVersion: 1, name: 'Bad', kind: 'recon', sources: [{ name: 'left', format: 'pdf' }], extra: 1 };
    const invalid = await as('al').templates.import({ fileName: 'bad.template.json', text: JSON.stringify(bad) });
    expect(invalid.ok).toBe(false);
    const paths = invalid.findings.map((f) => f.location.path).sort();
    expect(paths).toEqual(['$', '$.sources[0].format']);
    expect((await as('al').templates.list()).length).toBe(before);
    const noMatch = { schemaVersion: 1, name: 'No match', kind: 'recon', sources: [{ name: 'left', format: 'csv' }, { name: 'right', format: 'csv' }] };
    expect(await as('al').templates.import({ fileName: 'nm.json', text: JSON.stringify(noMatch) })).toMatchObject({ ok: false, findings: [{ location: { path: '$.match' }, message: expect.stringMatching(/needs a match section/) }] });
    expect(await audits('template.import')).toHaveLength(1);
  });

  it('keeps viewers out of every change', async () => {
    const t = (await as('vic').templates.list())[0];
    await expect(as('vic').templates.duplicate({ templateId: t.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as('vic').templates.import({ fileName: 'x.json', text: '{}' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
