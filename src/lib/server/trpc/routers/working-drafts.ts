import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { App } from '$runtime/app/open-app';
import { saveDraft } from '$runtime/template/node/version-lifecycle';
import { procedure, router } from '../init';
import { unwrap } from '../problem';
import { versionDto } from './template-versions';

/**
 * The editor's autosave and "Save version". Autosave keeps one working draft per person and
 * template (not audited: nothing anyone else sees changes); saving a version is the audited,
 * numbered step, and it clears the working draft.
 */
const ref = z.object({ templateId: z.uuid() });

function userIdOf(user: { id: string | null }): string {
  if (!user.id) throw new TRPCError({ code: 'FORBIDDEN', message: 'Sign in as a named user: drafts belong to a person.' });
  return user.id;
}

async function requireTemplate(ctx: { app: App }, templateId: string) {
  const template = await ctx.app.repos.templateVersions.getTemplate({ id: templateId });
  if (!template) throw new TRPCError({ code: 'NOT_FOUND', message: 'No template with that id; it may have been deleted. Pick one from the Templates page.' });
  return template;
}

export const workingDraftsRouter = router({
  get: procedure('analyst').input(ref).query(async ({ ctx, input }) => {
    const userId = userIdOf(ctx.user);
    const draft = await ctx.app.repos.workingDrafts.get({ templateId: input.templateId, userId });
    return draft ? { document: draft.document, baseVersionId: draft.baseVersionId, updatedAt: draft.updatedAt.toISOString() } : null;
  }),

  save: procedure('analyst')
    .input(ref.extend({ document: z.record(z.string(), z.unknown()), baseVersionId: z.uuid().nullable() }))
    .mutation(async ({ ctx, input }) => {
      const userId = userIdOf(ctx.user);
      const template = await requireTemplate(ctx, input.templateId);
      if (template.origin === 'shipped') throw new TRPCError({ code: 'FORBIDDEN', message: 'Shipped templates are read-only starters: duplicate it to edit your own copy.' });
      const updatedAt = await ctx.app.repos.workingDrafts.save({ templateId: input.templateId, userId, document: input.document, baseVersionId: input.baseVersionId });
      return { updatedAt: updatedAt.toISOString() };
    }),

  discard: procedure('analyst').input(ref).mutation(async ({ ctx, input }) => ({
    discarded: await ctx.app.repos.workingDrafts.discard({ templateId: input.templateId, userId: userIdOf(ctx.user) }),
  })),

  /** The working draft becomes the template's next version (a draft in maker-checker terms), with its message. */
  saveVersion: procedure('analyst')
    .input(ref.extend({ document: z.record(z.string(), z.unknown()), message: z.string().trim().min(1, 'Say what this version changes.').max(2000) }))
    .mutation(async ({ ctx, input }) => {
      const userId = userIdOf(ctx.user);
      const template = await requireTemplate(ctx, input.templateId);
      if (template.origin === 'shipped') throw new TRPCError({ code: 'FORBIDDEN', message: 'Shipped templates are read-only starters: duplicate it to edit your own copy.' });
      const saved = unwrap(await saveDraft({ app: ctx.app, actor: ctx.user, correlationId: ctx.requestId, templateId: input.templateId, document: input.document, message: input.message }));
      await ctx.app.repos.workingDrafts.discard({ templateId: input.templateId, userId });
      return versionDto(saved);
    }),
});
