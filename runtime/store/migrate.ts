import { Migrator, type Kysely, type MigrationResult } from 'kysely';
import { MIGRATIONS } from '../../migrations/index';

export interface MigrateOutcome {
  readonly applied: readonly string[];
  readonly error?: { readonly migration?: string; readonly message: string };
}

/**
 * Brings the schema to the latest migration. Returns what ran; a failure names the migration.
 * `schema` pins Kysely's own bookkeeping tables to that schema (test schemas on a shared server:
 * otherwise Kysely may find another schema's kysely_migration table and skip creating its own).
 */
export async function migrateToLatest(db: Kysely<any>, { schema }: { schema?: string } = {}): Promise<MigrateOutcome> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results = [] } = await migrator.migrateToLatest();
  const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (!error) return { applied };
  const failed = results.find((r: MigrationResult) => r.status === 'Error');
  return { applied, error: { migration: failed?.migrationName, message: error instanceof Error ? error.message : String(error) } };
}
