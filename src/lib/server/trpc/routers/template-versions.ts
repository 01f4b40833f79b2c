import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { activateVersion, approveVersion, createTemplate, rejectVersion, saveDraft, submitVersion } from '$runtime/template/node/version-lifecycle';
import type { TemplateVersionRecord } from '$runtime/store/repositories/template-versions';
import type { Context, RequestUser } from '../context';
import { procedure, router } from '../init';
import { unwrap } from '../problem';

/**
 * Template versions and maker-checker approval. The template document stays opaque JSON here;
 * its schema is checked by runtime/template when that lands.
 */
export const versionDto = (v: TemplateVersionRecord) => ({
  id: v.id, templateId: v.templateId, version: v.version, status: v.status, document: v.document,
  contentHash: v.contentHash, message: v.message, authorId: v.authorId, authorEmail: v.authorEmail,
  createdAt: v.createdAt.toISOString(), submittedAt: v.submittedAt?.toISOString() ?? null,
  reviewedBy: v.reviewedBy, reviewerEmail: v.reviewerEmail, reviewedAt: v.reviewedAt?.toISOString() ?? null,
  reviewComment: v.reviewComment, activatedAt: v.activatedAt?.toISOString() ?? null,
});

const document = z.record(z.string(), z.unknown());

/** A stored document's sources by name and format; drafts may be partial, so only what is there. */
function sourcesOf(doc: unknown): { name: string; format: string }[] {
  const sources = (doc as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(sources)) return [];
  return sources.flatMap((s) => (s && typeof s.name === 'string' ? [{ name: s.name, format: typeof s.format === 'string' ? s.format : '' }] : []));
}
const versionRef = z.object({ versionId: z.uuid() });
const ctxOf = (ctx: Pick<Context, 'app' | 'requestId'> & { user: RequestUser }) => ({ app: ctx.app, actor: ctx.user, correlationId: ctx.requestId });

export const templateVersionsRouter = router({
  detail: procedure('viewer').input(z.object({ templateId: z.uuid() })).query(async ({ ctx, input }) => {
    const template = await ctx.app.repos.templateVersions.getTemplate({ id: input.templateId });
    if (!template) throw new TRPCError({ code: 'NOT_FOUND', message: 'No template with that id; it may have been deleted. Pick one from the Templates page.' });
    const versions = await ctx.app.repos.templateVersions.listForTemplate({ templateId: input.templateId });
    return {
      template: { id: template.id, name: template.name, kind: template.kind, description: template.description, origin: template.origin },
      versions: versions.map(versionDto),
    };
  }),

  /** What can run: approved and active versions, grouped by template, with each version's sources. */
  runnable: procedure('analyst').input(z.void()).query(async ({ ctx }) => {
    const versions = await ctx.app.repos.templateVersions.listByStatus({ statuses: ['approved', 'active'] });
    const byTemplate = new Map<string, { id: string; name: string; kind: string; versions: { id: string; version: number; status: string; sources: { name: string; format: string }[] }[] }>();
    for (const v of versions) {
      const t = byTemplate.get(v.templateId) ?? { id: v.templateId, name: v.templateName, kind: v.templateKind, versions: [] };
      t.versions.push({ id: v.id, version: v.version, status: v.status, sources: sourcesOf(v.document) });
      byTemplate.set(v.templateId, t);
    }
    return [...byTemplate.values()];
  }),

  createTemplate: procedure('analyst')
    .input(z.object({ name: z.string().max(200), kind: z.string().max(40).default('mapping'), description: z.string().max(2000).default(''), document, message: z.string().max(2000).default('') }))
    .mutation(async ({ ctx, input }) => versionDto(unwrap(await createTemplate({ ...ctxOf(ctx), ...input })))),

  saveDraft: procedure('analyst')
    .input(z.object({ templateId: z.uuid(), versionId: z.uuid().optional(), document, message: z.string().max(2000).optional() }))
    .mutation(async ({ ctx, input }) => versionDto(unwrap(await saveDraft({ ...ctxOf(ctx), ...input })))),

  submit: procedure('analyst').input(versionRef)
    .mutation(async ({ ctx, input }) => versionDto(unwrap(await submitVersion({ ...ctxOf(ctx), ...input })))),

  approve: procedure('approver').input(versionRef.extend({ comment: z.string().max(2000).optional() }))
    .mutation(async ({ ctx, input }) => versionDto(unwrap(await approveVersion({ ...ctxOf(ctx), ...input })))),

  reject: procedure('approver').input(versionRef.extend({ comment: z.string().max(2000) }))
    .mutation(async ({ ctx, input }) => versionDto(unwrap(await rejectVersion({ ...ctxOf(ctx), ...input })))),

  activate: procedure('approver').input(versionRef)
    .mutation(async ({ ctx, input }) => versionDto(unwrap(await activateVersion({ ...ctxOf(ctx), ...input })))),
});
