import { z } from 'zod';
import { BreakActionSchema, BreakFilterSchema, type BreakPage } from '$runtime/recon/break-view';
import { actOnBreaks } from '$runtime/runs/break-actions';
import { procedure, router } from '../init';
import { unwrap } from '../problem';

/**
 * The break review grid's API: a filtered, sorted page with facet counts over the whole filter,
 * bulk review actions (assign and comment: analyst; resolve and reopen: approver, checked per
 * action by the service), and a break's comments.
 */
export const MAX_PAGE = 500;

export const breaksRouter = router({
  counts: procedure('viewer').input(z.void()).query(({ ctx }) => ctx.app.repos.breaks.countByStatus()),

  page: procedure('viewer')
    .input(BreakFilterSchema.extend({ limit: z.number().int().min(1).max(MAX_PAGE).default(100), offset: z.number().int().min(0).default(0) }))
    .query(({ ctx, input }): Promise<BreakPage> => {
      const { limit, offset, ...filter } = input;
      return ctx.app.repos.breaks.page({ filter, limit, offset });
    }),

  act: procedure('analyst').input(BreakActionSchema)
    .mutation(async ({ ctx, input }) => unwrap(await actOnBreaks({ app: ctx.app, actor: ctx.user, correlationId: ctx.requestId, action: input }))),

  comments: procedure('viewer').input(z.object({ breakId: z.number().int() }))
    .query(async ({ ctx, input }) => (await ctx.app.repos.breakReview.comments(input)).map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }))),
});
