import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type OpenedDatabase } from './database';
import { migrateToLatest } from './migrate';

/**
 * The databases store tests run against: embedded PGlite always, and PostgreSQL over the wire
 * when TEST_DATABASE_URL is set. Each PostgreSQL test database is a fresh schema, dropped at the
 * end, so test files can share one server. An unreachable TEST_DATABASE_URL fails the test.
 */
export interface TestDatabase extends OpenedDatabase {
  readonly label: string;
  /** PostgreSQL only: a DATABASE_URL that reaches this test's schema (for CLI tests). */
  readonly url?: string;
}

export const TEST_DATABASE_KINDS: readonly ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

export async function openTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const opened = await openDatabase({});
    await mustMigrate(opened);
    return { ...opened, label: 'pglite' };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await admin.connect().catch((e: Error) => {
    throw new Error(`TEST_DATABASE_URL=${redact(url)} is unreachable: ${e.message}`);
  });
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const opened = await openDatabase({ url, schema });
  await mustMigrate(opened, schema);
  return {
    ...opened,
    label: 'postgres',
    url: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async close() {
      await sql.raw(`drop schema ${schema} cascade`).execute(opened.db);
      await opened.close();
    },
  };
}

async function mustMigrate(opened: OpenedDatabase, schema?: string) {
  const outcome = await migrateToLatest(opened.db, { schema });
  if (outcome.error) throw new Error(`Migration ${outcome.error.migration} failed: ${outcome.error.message}`);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
