import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { procedure, router } from '../init';

/** A run's lineage for the run page: template version and content hash, inputs by content hash. */
export const lineageRouter = router({
  run: procedure('viewer').input(z.object({ runId: z.uuid() })).query(async ({ ctx, input }) => {
    const lineage = await ctx.app.repos.runLineage.get({ runId: input.runId });
    if (!lineage) throw new TRPCError({ code: 'NOT_FOUND', message: 'No run with that id; pick one from the Runs page.' });
    return {
      ...lineage,
      createdAt: lineage.createdAt.toISOString(),
      /** True when the hash recorded at start still matches the version: the template is unchanged since. */
      templateHashMatches: lineage.template && lineage.templateHash ? lineage.template.contentHash === lineage.templateHash : null,
    };
  }),
});
