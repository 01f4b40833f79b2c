import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { datasetsRepository } from './repositories/datasets';
import { breaksRepository, runsRepository } from './repositories/runs';
import { templatesRepository } from './repositories/templates';

/** Every repository over one database handle. Routers and pages call these; they never build SQL. */
export function repositories(db: Kysely<Database>) {
  return {
    datasets: datasetsRepository(db),
    templates: templatesRepository(db),
    runs: runsRepository(db),
    breaks: breaksRepository(db),
  };
}

export type Repositories = ReturnType<typeof repositories>;
