import { z } from 'zod';
import { TEMPLATE_KINDS } from '$runtime/template/blank-template';
import { MAX_DOCUMENT_BYTES } from '$runtime/template/node/content-hash';
import { createFromBlank, deleteTemplate, duplicateTemplate, renameTemplate } from '$runtime/template/node/template-admin';
import { exportTemplate, importTemplate } from '$runtime/template/node/template-transfer';
import type { TemplateSummary } from '$runtime/store/repositories/templates';
import type { Context, RequestUser } from '../context';
import { procedure, router } from '../init';
import { unwrap } from '../problem';
import { versionDto } from './template-versions';

/**
 * The Templates page: list, create from a blank starter, duplicate, rename, delete, import and
 * export. Shipped starters are read-only (the services refuse with "Duplicate to edit"); deleting
 * a template that runs cite archives it instead, so their lineage stays whole.
 */
export const templateDto = (t: TemplateSummary) => ({
  id: t.id, name: t.name, kind: t.kind, description: t.description, origin: t.origin,
  latestVersion: t.latestVersion, latestVersionId: t.latestVersionId, latestStatus: t.latestStatus,
  latestAuthorEmail: t.latestAuthorEmail, versionCount: t.versionCount, updatedAt: t.updatedAt.toISOString(),
});

const templateRef = z.object({ templateId: z.uuid() });
const name = z.string().max(200);
const ctxOf = (ctx: Pick<Context, 'app' | 'requestId'> & { user: RequestUser }) => ({ app: ctx.app, actor: ctx.user, correlationId: ctx.requestId });

export const templatesRouter = router({
  list: procedure('viewer').input(z.void()).query(async ({ ctx }) => (await ctx.app.repos.templates.list()).map(templateDto)),

  create: procedure('analyst')
    .input(z.object({ name, kind: z.enum(TEMPLATE_KINDS), description: z.string().max(2000).default('') }))
    .mutation(async ({ ctx, input }) => versionDto(unwrap(await createFromBlank({ ...ctxOf(ctx), ...input })))),

  duplicate: procedure('analyst')
    .input(templateRef.extend({ versionId: z.uuid().optional(), name: name.optional() }))
    .mutation(async ({ ctx, input }) => versionDto(unwrap(await duplicateTemplate({ ...ctxOf(ctx), ...input })))),

  rename: procedure('analyst')
    .input(templateRef.extend({ name }))
    .mutation(async ({ ctx, input }) => unwrap(await renameTemplate({ ...ctxOf(ctx), ...input }))),

  delete: procedure('analyst')
    .input(templateRef)
    .mutation(async ({ ctx, input }) => unwrap(await deleteTemplate({ ...ctxOf(ctx), ...input }))),

  /** A `.template.json` file's text: a new template (draft v1), or `ok: false` with the findings at JSON paths. */
  import: procedure('analyst')
    .input(z.object({ fileName: z.string().max(255), text: z.string().max(MAX_DOCUMENT_BYTES + 1024), name: name.optional() }))
    .mutation(async ({ ctx, input }) => {
      const result = unwrap(await importTemplate({ ...ctxOf(ctx), ...input }));
      return result.ok ? { ok: true as const, version: versionDto(result.version), findings: result.findings } : result;
    }),

  /** The latest (or a chosen) version's document and the file name to save it under. */
  export: procedure('viewer')
    .input(templateRef.extend({ versionId: z.uuid().optional() }))
    .query(async ({ ctx, input }) => unwrap(await exportTemplate({ app: ctx.app, ...input }))),
});
