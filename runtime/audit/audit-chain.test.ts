import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { openDatabase } from '../store/database';
import { migrateToLatest } from '../store/migrate';
import { auditLogRepository } from '../store/repositories/audit-log';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../store/testing';
import { appendAudit } from './append-audit';
import { GENESIS_HASH, verifyAuditChain } from './audit-hash';

async function cli(argv: string[], env: NodeJS.ProcessEnv) {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c) => (out += c));
  const code = await main(argv, { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env, cwd: process.cwd() });
  return { code, out };
}

/** Edits one stored entry behind the application's back, as someone with database access could. */
async function tamper(db: TestDatabase['db'], seq: number, change: 'summary' | 'actor') {
  await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
  if (change === 'summary') await sql`update audit_log set summary = '{"after":{"status":"approved"}}'::jsonb where seq = ${seq}`.execute(db);
  else await sql`update audit_log set actor = 'someone-else@firm.com' where seq = ${seq}`.execute(db);
  await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
}

describe.each(TEST_DATABASE_KINDS)('the audit chain on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => { t = await openTestDatabase(kind); });
  afterAll(async () => { await t?.close(); });

  it('links each entry to the one before, from the genesis hash, and verifies', async () => {
    const audit = auditLogRepository(t.db);
    const first = await appendAudit({ app: t, actor: { name: 'Ana', email: 'ana@firm.com' }, action: 'template.save-draft', entity: 'template-version:1', summary: { b: 1, a: { y: [1, 'x'], x: null } }, correlationId: 'req-1' });
    const second = await appendAudit({ app: t, actor: 'system', action: 'run.start', entity: 'run:1', summary: { before: null, after: { status: 'running' } } });
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, actor: 'ana@firm.com', correlationId: 'req-1' });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, correlationId: null });
    expect(await verifyAuditChain({ audit })).toEqual({ ok: true, entries: 2, head: { seq: 2, hash: second.hash } });
    // Keys come back from jsonb in another order; the canonical form hashes the same.
    expect((await audit.list({ action: 'template.save-draft' }))[0].summary).toEqual({ a: { x: null, y: [1, 'x'] }, b: 1 });
  });

  it('hashes what it stores: odd numbers, unicode, dates and undefined survive the jsonb round trip', async () => {
    await appendAudit({ app: t, actor: 'system', action: 'test.values', entity: 'x:1', summary: {
      n: [0.1, 1e21, -0, 123456789.123, 2 ** 53 - 1, Number.NaN], s: 'é ünï 🚀 "q" \\ \n', d: new Date('2026-03-31T12:00:00.123Z'), u: undefined, z: { '': 1, 'ß': 2, A: 3, a: 4 },
    } });
    expect(await verifyAuditChain({ audit: auditLogRepository(t.db) })).toMatchObject({ ok: true, entries: 3 });
  });

  it('refuses UPDATE and DELETE from the application', async () => {
    await expect(sql`update audit_log set actor = 'x' where seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('CONCURRENCY: 100 parallel appends leave one unbroken chain, seq 1..n with no gaps', async () => {
    const before = await auditLogRepository(t.db).count();
    await Promise.all(Array.from({ length: 100 }, (_, i) =>
      appendAudit({ app: t, actor: `user${i % 7}@firm.com`, action: 'test.parallel', entity: `thing:${i}`, summary: { i } })));
    const audit = auditLogRepository(t.db);
    expect(await audit.count()).toBe(before + 100);
    const result = await verifyAuditChain({ audit, pageSize: 37 });
    expect(result).toMatchObject({ ok: true, entries: before + 100, head: { seq: before + 100 } });
    const entries = await audit.list({ action: 'test.parallel', limit: 1000 });
    expect(new Set(entries.map((e) => e.summary && (e.summary as { i: number }).i)).size).toBe(100);
  });

  it('TAMPER: an edited entry is named by seq, by verification and by `opspilot audit verify` (exit 1)', async () => {
    const audit = auditLogRepository(t.db);
    await tamper(t.db, 2, 'summary');
    expect(await verifyAuditChain({ audit })).toMatchObject({ ok: false, entries: 1, firstBad: { seq: 2, problem: 'hash-mismatch' } });
    if (t.url) {
      const run = await cli(['audit', 'verify', '--json'], { DATABASE_URL: t.url });
      expect(run.code).toBe(1);
      expect(JSON.parse(run.out)).toMatchObject({ ok: false, firstBad: { seq: 2, message: expect.stringContaining('Entry 2') } });
    }
  });
});

describe('`opspilot audit verify` on the embedded database', () => {
  let dataDir: string;
  beforeAll(async () => { dataDir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-audit-')); });
  afterAll(async () => { await rm(dataDir, { recursive: true, force: true }); });

  it('exits 0 on an intact chain and 1 naming the first altered entry', async () => {
    const opened = await openDatabase({ pgliteDir: path.join(dataDir, 'db') });
    await migrateToLatest(opened.db);
    for (let i = 1; i <= 5; i++) await appendAudit({ app: opened, actor: 'ana@firm.com', action: 'template.submit', entity: `template-version:${i}`, summary: { i } });
    await opened.close();

    const intact = await cli(['audit', 'verify'], { DATA_DIR: dataDir });
    expect(intact).toMatchObject({ code: 0, out: expect.stringContaining('Audit chain intact: 5 entries') });

    const again = await openDatabase({ pgliteDir: path.join(dataDir, 'db') });
    await tamper(again.db, 4, 'actor');
    await again.close();

    const broken = await cli(['audit', 'verify'], { DATA_DIR: dataDir });
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('BROKEN at entry 4');
    const json = await cli(['audit', 'verify', '--json'], { DATA_DIR: dataDir });
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, entries: 3, firstBad: { seq: 4, problem: 'hash-mismatch' } });
  });
});
