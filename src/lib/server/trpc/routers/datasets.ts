import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { readDatasetPage } from '$runtime/datasets/read-dataset';
import { DEFAULT_SAMPLE_ROWS, MAX_SAMPLE_ROWS, sampleDataset } from '$runtime/datasets/sample-dataset';
import { readerRegistry } from '$runtime/ingest/registry';
import type { DatasetSummary } from '$runtime/store/repositories/datasets';
import { procedure, router } from '../init';

const NOT_FOUND = 'No dataset with that id: it may have been deleted. Pick one from the Data page.';
const formats = readerRegistry.list().map((r) => r.format) as [string, ...string[]];

const toDto = (d: DatasetSummary) => ({ ...d, uploadedAt: d.uploadedAt.toISOString() });

export const datasetsRouter = router({
  list: procedure('viewer').input(z.void()).query(async ({ ctx }) => (await ctx.app.repos.datasets.list()).map(toDto)),

  get: procedure('viewer').input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const d = await ctx.app.repos.datasets.get(input.id);
    if (!d) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND });
    return toDto(d);
  }),

  rows: procedure('viewer')
    .input(z.object({ id: z.uuid(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(100_000).default(10_000) }))
    .query(async ({ ctx, input }) => {
      const page = await readDatasetPage({ app: ctx.app, ...input });
      if (!page) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND });
      return page;
    }),

  /**
   * The dataset read again with a template source's reader options, for the Sources panel:
   * the first `limit` rows as a wire Table (runtime/table/table-wire), the profile of every row
   * read, the reader's findings (bad options among them, with the remedy) and its option form.
   */
  sample: procedure('viewer')
    .input(z.object({
      datasetId: z.uuid(),
      format: z.enum(formats).optional(),
      options: z.record(z.string(), z.unknown()).default({}),
      limit: z.number().int().min(1).max(MAX_SAMPLE_ROWS).default(DEFAULT_SAMPLE_ROWS),
    }))
    .query(async ({ ctx, input }) => {
      const sample = await sampleDataset({ app: ctx.app, ...input });
      if (!sample) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND });
      return sample;
    }),
});
