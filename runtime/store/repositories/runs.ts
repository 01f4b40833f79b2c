import type { Kysely } from 'kysely';
import type { Database, RunStatus } from '../schema';

export interface RunSummary {
  readonly id: string;
  readonly kind: string;
  readonly status: RunStatus;
  readonly businessDate: string;
  readonly templateName: string | null;
  readonly templateVersion: number | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
  readonly openBreaks: number;
}

export function runsRepository(db: Kysely<Database>) {
  return {
    async list({ limit = 100 }: { limit?: number } = {}): Promise<RunSummary[]> {
      const rows = await db
        .selectFrom('runs as r')
        .leftJoin('template_versions as v', 'v.id', 'r.template_version_id')
        .leftJoin('templates as t', 't.id', 'v.template_id')
        .select((eb) => [
          'r.id', 'r.kind', 'r.status', 'r.business_date', 'r.created_at', 'r.finished_at',
          't.name as template_name', 'v.version as template_version',
          eb.selectFrom('breaks as b').whereRef('b.run_id', '=', 'r.id').where('b.status', '!=', 'resolved')
            .select((e) => e.fn.countAll<number>().as('n')).as('open_breaks'),
        ])
        .orderBy('r.created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id, kind: r.kind, status: r.status, businessDate: r.business_date,
        templateName: r.template_name ?? null, templateVersion: r.template_version ?? null,
        createdAt: r.created_at, finishedAt: r.finished_at, openBreaks: Number(r.open_breaks ?? 0),
      }));
    },
  };
}

export function breaksRepository(db: Kysely<Database>) {
  return {
    async countByStatus(): Promise<Record<'open' | 'assigned' | 'resolved', number>> {
      const rows = await db.selectFrom('breaks').select((eb) => ['status', eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
      const out = { open: 0, assigned: 0, resolved: 0 };
      for (const r of rows) out[r.status] = r.n;
      return out;
    },
  };
}
