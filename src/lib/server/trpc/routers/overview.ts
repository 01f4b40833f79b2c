import { z } from 'zod';
import { procedure, router } from '../init';

export const templatesRouter = router({
  list: procedure('viewer').input(z.void()).query(async ({ ctx }) =>
    (await ctx.app.repos.templates.list()).map((t) => ({ ...t, updatedAt: t.updatedAt.toISOString() })),
  ),
});

export const runsRouter = router({
  list: procedure('viewer').input(z.void()).query(async ({ ctx }) =>
    (await ctx.app.repos.runs.list()).map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null })),
  ),
});

export const breaksRouter = router({
  counts: procedure('viewer').input(z.void()).query(({ ctx }) => ctx.app.repos.breaks.countByStatus()),
});

export const systemRouter = router({
  info: procedure('viewer').input(z.void()).query(({ ctx }) => ({
    db: ctx.app.dbKind,
    migrations: ctx.app.migrations.applied.length,
    handsontableLicense: ctx.app.config.handsontableLicenseKey === 'non-commercial-and-evaluation' ? 'evaluation' : 'commercial',
  })),
});
