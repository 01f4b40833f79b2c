import { sql, type Kysely } from 'kysely';
import type { Database, RunStatus } from '../schema';

/**
 * Runs: one row per run of a template version on stored datasets. Status moves
 *   queued → running → succeeded | failed | cancelled
 * by guarded updates (`where status in …`), so a finish racing a cancel or the stale-run sweep
 * has exactly one winner and the loser learns it lost.
 */
export interface RunInputFile {
  readonly source: string;
  readonly datasetId: string;
  readonly name: string;
  readonly sha256: string;
}

export interface RunTemplateRef {
  readonly templateId: string;
  readonly name: string;
  readonly version: number;
  readonly versionId: string;
}

export interface RunSummary {
  readonly id: string;
  readonly kind: string;
  readonly status: RunStatus;
  readonly businessDate: string;
  readonly templateName: string | null;
  readonly templateVersion: number | null;
  readonly template: RunTemplateRef | null;
  readonly inputs: readonly RunInputFile[];
  readonly error: string | null;
  readonly startedBy: string | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
  /** Start to finish, or to now while it runs; null before it starts. */
  readonly durationMs: number | null;
  readonly openBreaks: number;
}

export interface RunRecord extends RunSummary {
  readonly templateHash: string | null;
  /** The version's content hash now; differs from templateHash only if the version was altered. */
  readonly versionHash: string | null;
  readonly summary: unknown;
  readonly breaks: { readonly open: number; readonly assigned: number; readonly resolved: number; readonly total: number };
}

const SETTLED: readonly RunStatus[] = ['succeeded', 'failed', 'cancelled'];
export const isSettled = (status: RunStatus) => SETTLED.includes(status);

const text = (v: unknown) => (typeof v === 'string' ? v : '');
/** Rows written before server runs existed may hold other shapes; keep what identifies a file. */
const toInputs = (raw: unknown): RunInputFile[] => (Array.isArray(raw) ? raw : []).map((i: Record<string, unknown>) => ({
  source: text(i?.source ?? i?.role), datasetId: text(i?.datasetId), name: text(i?.name), sha256: text(i?.sha256),
}));

export function runsRepository(db: Kysely<Database>) {
  const select = () => db
    .selectFrom('runs as r')
    .leftJoin('template_versions as v', 'v.id', 'r.template_version_id')
    .leftJoin('templates as t', 't.id', 'v.template_id')
    .leftJoin('users as u', 'u.id', 'r.started_by')
    .select((eb) => [
      'r.id', 'r.kind', 'r.status', 'r.business_date', 'r.inputs', 'r.error', 'r.created_at', 'r.started_at', 'r.finished_at',
      'r.template_hash', 'r.template_version_id', 'v.template_id', 'v.version as template_version', 't.name as template_name',
      'u.email as started_by',
      eb.selectFrom('breaks as b').whereRef('b.run_id', '=', 'r.id').where('b.status', '!=', 'resolved')
        .select((e) => e.fn.countAll<number>().as('n')).as('open_breaks'),
    ]);
  type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;
  const toSummary = (r: Row, now = Date.now()): RunSummary => ({
    id: r.id, kind: r.kind, status: r.status, businessDate: r.business_date,
    templateName: r.template_name ?? null, templateVersion: r.template_version ?? null,
    template: r.template_version_id && r.template_id && r.template_name && r.template_version !== null
      ? { templateId: r.template_id, name: r.template_name, version: r.template_version, versionId: r.template_version_id } : null,
    inputs: toInputs(r.inputs), error: r.error, startedBy: r.started_by ?? null,
    createdAt: r.created_at, startedAt: r.started_at, finishedAt: r.finished_at,
    durationMs: r.started_at ? (r.finished_at?.getTime() ?? now) - r.started_at.getTime() : null,
    openBreaks: Number(r.open_breaks ?? 0),
  });

  /** Moves a run that is still queued or running to a final status; false if it already settled. */
  async function settle(input: { id: string; status: 'succeeded' | 'failed' | 'cancelled'; error?: string | null; summary?: unknown }): Promise<boolean> {
    const row = await db.updateTable('runs')
      .set({
        status: input.status, error: input.error ?? null, finished_at: sql`now()`,
        ...(input.summary !== undefined ? { summary: JSON.stringify(input.summary) } : {}),
      })
      .where('id', '=', input.id).where('status', 'in', ['queued', 'running'])
      .returning('id').executeTakeFirst();
    return row !== undefined;
  }

  return {
    async create(input: {
      templateVersionId: string; templateHash: string; kind: string; businessDate: string;
      inputs: readonly RunInputFile[]; startedBy: string | null;
    }): Promise<{ id: string }> {
      return db.insertInto('runs').values({
        template_version_id: input.templateVersionId, template_hash: input.templateHash, kind: input.kind, status: 'queued',
        business_date: input.businessDate, inputs: JSON.stringify(input.inputs), started_by: input.startedBy, heartbeat_at: sql`now()`,
      }).returning('id').executeTakeFirstOrThrow();
    },

    /** queued → running; false if it is no longer queued (cancelled before it began). */
    async setRunning({ id }: { id: string }): Promise<boolean> {
      const row = await db.updateTable('runs').set({ status: 'running', started_at: sql`now()`, heartbeat_at: sql`now()` })
        .where('id', '=', id).where('status', '=', 'queued').returning('id').executeTakeFirst();
      return row !== undefined;
    },

    async heartbeat({ id }: { id: string }): Promise<void> {
      await db.updateTable('runs').set({ heartbeat_at: sql`now()` }).where('id', '=', id).where('status', 'in', ['queued', 'running']).execute();
    },

    finish: (input: { id: string; summary: unknown }) => settle({ ...input, status: 'succeeded' }),
    fail: (input: { id: string; error: string; summary?: unknown }) => settle({ ...input, status: 'failed' }),
    cancel: (input: { id: string; summary?: unknown }) => settle({ ...input, status: 'cancelled' }),

    async get({ id }: { id: string }): Promise<RunRecord | undefined> {
      const r = await select().select(['r.summary', 'v.content_hash as version_hash']).where('r.id', '=', id).executeTakeFirst();
      if (!r) return undefined;
      const counts = await db.selectFrom('breaks').select((eb) => ['status', eb.fn.countAll<number>().as('n')])
        .where('run_id', '=', id).groupBy('status').execute();
      const breaks = { open: 0, assigned: 0, resolved: 0, total: 0 };
      for (const c of counts) { breaks[c.status] = c.n; breaks.total += c.n; }
      return { ...toSummary(r), templateHash: r.template_hash, versionHash: r.version_hash ?? null, summary: r.summary ?? null, breaks };
    },

    /** Newest first. */
    async list({ limit = 100 }: { limit?: number } = {}): Promise<RunSummary[]> {
      const rows = await select().orderBy('r.created_at', 'desc').orderBy('r.id').limit(limit).execute();
      const now = Date.now();
      return rows.map((r) => toSummary(r, now));
    },

    /** Runs still queued or running whose heartbeat is older than `seconds`, except those named. */
    async stale({ seconds, except }: { seconds: number; except: readonly string[] }): Promise<{ id: string; status: RunStatus }[]> {
      let q = db.selectFrom('runs').select(['id', 'status']).where('status', 'in', ['queued', 'running'])
        .where(sql<boolean>`coalesce(heartbeat_at, started_at, created_at) < now() - make_interval(secs => ${seconds})`);
      if (except.length) q = q.where('id', 'not in', except);
      return q.execute();
    },

    async countByStatus(): Promise<Record<RunStatus, number>> {
      const rows = await db.selectFrom('runs').select((eb) => ['status', eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
      const out: Record<RunStatus, number> = { queued: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0 };
      for (const r of rows) out[r.status] = r.n;
      return out;
    },
  };
}

export type RunsRepository = ReturnType<typeof runsRepository>;
