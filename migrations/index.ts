import type { Migration } from 'kysely';
import * as initialSchema from './2026-11-21T0900-initial-schema';
import * as accountsApprovalAudit from './2026-11-21T0930-accounts-approval-audit';
import * as breakReview from './2026-11-21T1400-break-review';
import * as templateWorkingDrafts from './2026-11-21T1500-template-working-drafts';

/**
 * Every migration, by name. Listed statically so the same set runs from the CLI (tsx), the
 * bundled server and the tests; a test fails if a file in this folder is missing here.
 * Names sort in the order they run. Never edit a shipped migration: add a new one.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-21T0900-initial-schema': initialSchema,
  '2026-11-21T0930-accounts-approval-audit': accountsApprovalAudit,
  '2026-11-21T1400-break-review': breakReview,
  '2026-11-21T1500-template-working-drafts': templateWorkingDrafts,
};
