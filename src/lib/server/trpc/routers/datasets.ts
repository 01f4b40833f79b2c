import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { readDatasetPage } from '$runtime/datasets/read-dataset';
import type { DatasetSummary } from '$runtime/store/repositories/datasets';
import { procedure, router } from '../init';

const toDto = (d: DatasetSummary) => ({ ...d, uploadedAt: d.uploadedAt.toISOString() });

export const datasetsRouter = router({
  list: procedure('viewer').input(z.void()).query(async ({ ctx }) => (await ctx.app.repos.datasets.list()).map(toDto)),

  get: procedure('viewer').input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const d = await ctx.app.repos.datasets.get(input.id);
    if (!d) throw new TRPCError({ code: 'NOT_FOUND', message: 'No dataset with that id: it may have been deleted. Pick one from the Data page.' });
    return toDto(d);
  }),

  rows: procedure('viewer')
    .input(z.object({ id: z.uuid(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(100_000).default(10_000) }))
    .query(async ({ ctx, input }) => {
      const page = await readDatasetPage({ app: ctx.app, ...input });
      if (!page) throw new TRPCError({ code: 'NOT_FOUND', message: 'No dataset with that id: it may have been deleted. Pick one from the Data page.' });
      return page;
    }),
});
