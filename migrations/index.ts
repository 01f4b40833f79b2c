import type { Migration } from 'kysely';
import * as initialSchema from './2026-11-21T0900-initial-schema';
import * as accountsApprovalAudit from './2026-11-21T0930-accounts-approval-audit';

/**
 * Every migration, by name. Listed statically so the same set runs from the CLI (tsx), the
 * bundled server and the tests; a test fails if a file in this folder is missing here.
 * Names sort in the order they run. Never edit a shipped migration: add a new one.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-21T0900-initial-schema': initialSchema,
  '2026-11-21T0930-accounts-approval-audit': accountsApprovalAudit,
};
