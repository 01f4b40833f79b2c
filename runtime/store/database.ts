import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';
import { RESULT_PARSERS } from './type-parsers';

export type DatabaseKind = 'pglite' | 'postgres';

export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… → PostgreSQL through pg. Absent → embedded PGlite. */
  readonly url?: string;
  /** PGlite data directory; absent → in memory (tests). */
  readonly pgliteDir?: string;
  /** PostgreSQL schema to use instead of public (isolates test files sharing one database). */
  readonly schema?: string;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  return options.url ? openPostgres(options.url, options.schema) : openPGlite(options.pgliteDir);
}

async function openPostgres(url: string, schema?: string): Promise<OpenedDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    ...(schema ? { options: `-c search_path=${quoteIdent(schema)}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        RESULT_PARSERS[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPGlite(dir?: string): Promise<OpenedDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dir) mkdirSync(path.resolve(dir), { recursive: true });
  const pglite = await PGlite.create({
    ...(dir ? { dataDir: path.resolve(dir) } : {}),
    parsers: RESULT_PARSERS as Record<number, (text: string) => unknown>,
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Invalid schema name ${JSON.stringify(name)}`);
  return name;
}
