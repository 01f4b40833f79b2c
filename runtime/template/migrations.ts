/**
 * Forward migration of template documents. A document saved under an older schemaVersion is
 * upgraded step by step before validation, so old versions in the database and old files keep
 * working. Each step takes version n and returns version n + 1; steps are never edited once shipped.
 */
import { CURRENT_SCHEMA_VERSION } from './schema';

export type TemplateMigration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** Steps by the version they upgrade FROM. Schema version 1 is the first; none exist yet. */
export const TEMPLATE_MIGRATIONS: Readonly<Record<number, TemplateMigration>> = {};

export type MigrationOutcome =
  | { readonly ok: true; readonly doc: unknown; readonly from: number }
  | { readonly ok: false; readonly message: string };

export function migrateTemplate({ doc, steps = TEMPLATE_MIGRATIONS, current = CURRENT_SCHEMA_VERSION }: {
  doc: unknown; steps?: Readonly<Record<number, TemplateMigration>>; current?: number;
}): MigrationOutcome {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { ok: false, message: 'A template is a JSON object.' };
  const version = (doc as Record<string, unknown>).schemaVersion;
  if (!Number.isInteger(version)) return { ok: false, message: `schemaVersion must be a whole number (this build writes ${current}).` };
  const from = version as number;
  if (from > current) return { ok: false, message: `This template uses schemaVersion ${from}, newer than this build understands (${current}). Upgrade OpsPilot to open it.` };
  let out = doc as Record<string, unknown>;
  for (let v = from; v < current; v++) {
    const step = steps[v];
    if (!step) return { ok: false, message: `No migration from schemaVersion ${v} to ${v + 1}.` };
    out = { ...step(structuredClone(out)), schemaVersion: v + 1 };
  }
  return { ok: true, doc: out, from };
}
