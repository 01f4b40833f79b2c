import { readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations/index';
import { repositories } from './index';
import { migrateToLatest } from './migrate';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from './testing';

describe('migrations index', () => {
  it('lists every migration file in the folder, in name order', () => {
    const dir = path.resolve(__dirname, '../../migrations');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(MIGRATIONS)).toEqual(files);
  });
});

describe.each(TEST_DATABASE_KINDS)('store on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports which driver it is', () => {
    expect(t.kind).toBe(kind);
  });

  it('is idempotent: migrating again applies nothing', async () => {
    const outcome = await migrateToLatest(t.db);
    expect(outcome).toEqual({ applied: [] });
  });

  it('creates the wave 1 tables', async () => {
    const tables = await t.db.introspection.getTables();
    const names = tables.map((x) => x.name);
    for (const table of ['users', 'sessions', 'datasets', 'templates', 'template_versions', 'runs', 'breaks', 'audit_log']) {
      expect(names).toContain(table);
    }
  });

  it('normalises int8, count(*), numeric and date the same way on both drivers', async () => {
    const row = await sql<{ big: unknown; n: unknown; amount: unknown; d: unknown; ts: unknown }>`
      select 9007199254740991::int8 as big, count(*) as n, 1234.5000::numeric(18,4) as amount,
             date '2026-03-31' as d, timestamptz '2026-03-31 12:00:00+00' as ts
      from (values (1), (2)) v(x)`.execute(t.db);
    const r = row.rows[0];
    expect(r.big).toBe(9007199254740991);
    expect(r.n).toBe(2);
    expect(r.amount).toBe('1234.5000');
    expect(r.d).toBe('2026-03-31');
    expect(r.ts).toEqual(new Date('2026-03-31T12:00:00Z'));
  });

  it('refuses an int8 beyond the safe integer range instead of rounding it', async () => {
    await expect(sql`select 9007199254740993::int8 as big`.execute(t.db)).rejects.toThrow(/safe integer/);
  });

  it('stores and lists datasets, newest first, with counts as numbers', async () => {
    const repo = repositories(t.db).datasets;
    const a = await repo.insert({ name: 'a.csv', sha256: 'a'.repeat(64), sizeBytes: 5_000_000_000, format: 'csv', rowCount: 2, columns: [{ name: 'x', type: 'number' }] });
    await new Promise((r) => setTimeout(r, 5));
    await repo.insert({ name: 'b.csv', sha256: 'b'.repeat(64), sizeBytes: 10, format: 'csv', rowCount: 1, columns: [] });
    const list = await repo.list();
    expect(list.map((d) => d.name)).toEqual(['b.csv', 'a.csv']);
    expect(await repo.get(a.id)).toMatchObject({ sizeBytes: 5_000_000_000, rowCount: 2, columns: [{ name: 'x', type: 'number' }] });
    expect(await repo.count()).toBe(2);
    expect(await repo.get('00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });

  it('creates a template with its first version and lists it with the latest version', async () => {
    const repo = repositories(t.db).templates;
    await repo.createWithVersion({
      name: 'Broker positions', kind: 'mapping', description: 'd', origin: 'shipped',
      document: { kind: 'mapping' }, contentHash: 'h', message: 'shipped', status: 'active',
    });
    const list = await repo.list();
    expect(list).toEqual([expect.objectContaining({ name: 'Broker positions', latestVersion: 1, latestStatus: 'active', origin: 'shipped' })]);
    expect((await repo.findByName('BROKER POSITIONS'))?.kind).toBe('mapping');
  });

  it('refuses a second live template with the same name, in any case', async () => {
    const repo = repositories(t.db).templates;
    await expect(repo.createWithVersion({
      name: 'broker positions', kind: 'mapping', description: '', origin: 'user',
      document: {}, contentHash: 'h', message: '', status: 'draft',
    })).rejects.toThrow();
    expect((await repo.list()).length).toBe(1);
  });

  it('lists runs with their open break counts (empty at first)', async () => {
    const { runs, breaks } = repositories(t.db);
    expect(await runs.list()).toEqual([]);
    expect(await breaks.countByStatus()).toEqual({ open: 0, assigned: 0, resolved: 0 });
  });
});
