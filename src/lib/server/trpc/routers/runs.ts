import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { RunRecord, RunSummary } from '$runtime/store/repositories/runs';
import { cancelRun } from '$runtime/runs/cancel-run';
import type { LiveProgress } from '$runtime/runs/run-registry';
import type { StoredRunSummary } from '$runtime/runs/run-summary';
import { startRun } from '$runtime/runs/start-run';
import { procedure, router } from '../init';
import { unwrap } from '../problem';

/** Server runs: start one on stored datasets, follow it (status, live progress), cancel it, list them. */
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const runListItemDto = (r: RunSummary) => ({
  ...r, createdAt: r.createdAt.toISOString(), startedAt: iso(r.startedAt), finishedAt: iso(r.finishedAt),
});
export type RunListItem = ReturnType<typeof runListItemDto>;

/** What the run page shows; `progress` is live while this server works on the run, else null. */
export interface RunDetail extends RunListItem {
  readonly templateHash: string | null;
  /** True when the version's content hash still equals the one recorded at start. */
  readonly templateHashMatches: boolean | null;
  readonly summary: StoredRunSummary | null;
  readonly breaks: RunRecord['breaks'];
  readonly progress: LiveProgress | null;
}

const runRef = z.object({ runId: z.uuid() });

export const runsRouter = router({
  list: procedure('viewer')
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100) }).optional())
    .query(async ({ ctx, input }) => (await ctx.app.repos.runs.list({ limit: input?.limit ?? 100 })).map(runListItemDto)),

  get: procedure('viewer').input(runRef).query(async ({ ctx, input }): Promise<RunDetail> => {
    const run = await ctx.app.repos.runs.get({ id: input.runId });
    if (!run) throw new TRPCError({ code: 'NOT_FOUND', message: 'No run with that id; pick one from the Runs page.' });
    // Polled while the run works: one query for the run, one for its break counts, nothing more.
    return {
      ...runListItemDto(run),
      templateHash: run.templateHash,
      templateHashMatches: run.versionHash && run.templateHash ? run.versionHash === run.templateHash : null,
      summary: (run.summary as StoredRunSummary | null) ?? null,
      breaks: run.breaks,
      progress: ctx.app.runRegistry.get(run.id)?.progress ?? null,
    };
  }),

  start: procedure('analyst')
    .input(z.object({
      versionId: z.uuid(),
      inputs: z.record(z.string().min(1).max(200), z.array(z.uuid()).min(1).max(100)),
      businessDate: z.string().max(10),
    }))
    .mutation(async ({ ctx, input }) => unwrap(await startRun({ app: ctx.app, actor: ctx.user, correlationId: ctx.requestId, ...input }))),

  cancel: procedure('analyst').input(runRef)
    .mutation(async ({ ctx, input }) => unwrap(await cancelRun({ app: ctx.app, actor: ctx.user, correlationId: ctx.requestId, runId: input.runId }))),
});
