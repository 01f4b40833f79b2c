import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { auditLogRepository } from './repositories/audit-log';
import { authThrottleRepository } from './repositories/auth-throttle';
import { datasetsRepository } from './repositories/datasets';
import { runLineageRepository } from './repositories/run-lineage';
import { sessionsRepository } from './repositories/sessions';
import { templateVersionsRepository } from './repositories/template-versions';
import { usersRepository } from './repositories/users';
import { breakReviewRepository } from './repositories/break-review';
import { breaksRepository } from './repositories/breaks';
import { runsRepository } from './repositories/runs';
import { templatesRepository } from './repositories/templates';
import { workingDraftsRepository } from './repositories/working-drafts';

/** Every repository over one database handle. Routers and pages call these; they never build SQL. */
export function repositories(db: Kysely<Database>) {
  return {
    datasets: datasetsRepository(db),
    templates: templatesRepository(db),
    runs: runsRepository(db),
    breaks: breaksRepository(db),
    breakReview: breakReviewRepository(db),
    users: usersRepository(db),
    sessions: sessionsRepository(db),
    authThrottle: authThrottleRepository(db),
    audit: auditLogRepository(db),
    templateVersions: templateVersionsRepository(db),
    runLineage: runLineageRepository(db),
    workingDrafts: workingDraftsRepository(db),
  };
}

export type Repositories = ReturnType<typeof repositories>;

/**
 * Runs `work` with repositories bound to one transaction: every change inside commits together
 * or not at all. A change and the audit entry that records it belong in one such unit, with the
 * audit append last (it holds the append lock until commit). Already inside a transaction, the
 * work joins it.
 */
export async function inTransaction<T>({ db, work }: { db: Kysely<Database>; work: (repos: Repositories) => Promise<T> }): Promise<T> {
  if (db.isTransaction) return work(repositories(db));
  return db.transaction().execute((tx) => work(repositories(tx)));
}
