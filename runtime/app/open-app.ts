import { openDatabase, type DatabaseKind, type OpenedDatabase } from '../store/database';
import { repositories, type Repositories } from '../store/index';
import { migrateToLatest, type MigrateOutcome } from '../store/migrate';
import { pgliteDir, type Config } from '../config';
import type { Logger } from '../observability/logger';
import { createRunRegistry, type RunRegistry } from '../runs/run-registry';
import { failStaleRuns, STALE_SWEEP_MS } from '../runs/stale-runs';
import { createSandboxPool, type SandboxPool } from '../sandbox/node/pool';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

/**
 * Everything a server process needs, opened once: the database (migrated) and its repositories,
 * the runs this process works on, and the sandbox pool they share (started on first use).
 */
export interface App {
  readonly config: Config;
  readonly db: Kysely<Database>;
  readonly dbKind: DatabaseKind;
  readonly repos: Repositories;
  readonly migrations: MigrateOutcome;
  readonly logger: Logger;
  /** Live runs of this process: progress and cancel handles. */
  readonly runRegistry: RunRegistry;
  /** The worker pool runs use; created on first call (its workers cost memory), closed by close(). */
  sandboxPool(): SandboxPool;
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
  let pool: SandboxPool | undefined;
  let closing: Promise<void> | undefined;
  const app: App = {
    config, db: opened.db, dbKind: opened.kind, repos: repositories(opened.db), migrations, logger,
    runRegistry: createRunRegistry(),
    sandboxPool: () => {
      if (closing) throw new Error('The app is closed.');
      return (pool ??= createSandboxPool());
    },
    close: () => (closing ??= (async () => {
      clearInterval(sweeper);
      await app.runRegistry.stopAll();
      await pool?.close();
      await opened.close();
    })()),
  };
  // Runs left running by a process that died are failed now, and by the sweep later for a
  // process that died moments ago (its heartbeat is still fresh at this start).
  const sweep = () => failStaleRuns({ app }).catch((err) => logger.error({ err }, 'marking stale runs failed did not work'));
  await sweep();
  const sweeper = setInterval(() => void sweep(), STALE_SWEEP_MS);
  sweeper.unref();
  return app;
}
