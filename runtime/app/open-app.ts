import { openDatabase, type DatabaseKind, type OpenedDatabase } from '../store/database';
import { repositories, type Repositories } from '../store/index';
import { migrateToLatest, type MigrateOutcome } from '../store/migrate';
import { pgliteDir, type Config } from '../config';
import type { Logger } from '../observability/logger';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

/** Everything a server process needs, opened once: the database (migrated) and its repositories. */
export interface App {
  readonly config: Config;
  readonly db: Kysely<Database>;
  readonly dbKind: DatabaseKind;
  readonly repos: Repositories;
  readonly migrations: MigrateOutcome;
  close(): Promise<void>;
}

export async function openApp({ config, logger, database }: {
  config: Config; logger: Logger;
  /** An already opened database (tests); by default the one the config names. */
  database?: OpenedDatabase;
}): Promise<App> {
  const opened = database ?? (await openDatabase({ url: config.databaseUrl, pgliteDir: pgliteDir(config) }));
  const migrations = await migrateToLatest(opened.db);
  if (migrations.error) {
    await opened.close();
    throw new Error(`Database migration ${migrations.error.migration ?? ''} failed: ${migrations.error.message}`);
  }
  logger.info({ db: opened.kind, applied: migrations.applied }, 'database ready');
  return {
    config, db: opened.db, dbKind: opened.kind, repos: repositories(opened.db), migrations,
    close: () => opened.close(),
  };
}
