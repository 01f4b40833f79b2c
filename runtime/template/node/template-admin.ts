import type { App } from '../../app/open-app';
import { refuse, succeed, type Outcome } from '../../app/outcome';
import { actorLabel, type Actor } from '../../auth/roles';
import { inTransaction, type Repositories } from '../../store/index';
import type { TemplateVersionRecord } from '../../store/repositories/template-versions';
import { blankTemplate, type TemplateKind } from '../blank-template';
import { createTemplate, shippedReadOnly } from './version-lifecycle';

/**
 * The Templates page's operations on whole templates: create from a blank starter, duplicate,
 * rename, delete. Shipped starters are read-only (duplicate them to edit). Delete keeps lineage:
 * a template that runs were made from is archived (hidden, its name freed, its versions kept for
 * those runs); one that never ran is deleted for good. Every change is audited.
 */
type Ctx = { app: App; actor: Actor; correlationId?: string | null };

const MAX_NAME = 120;
const noTemplate = () => refuse<never>('not-found', 'no-template', 'No template with that id; it may have been deleted. Reload the Templates page.');
const needsUser = () => refuse<never>('forbidden', 'no-user', 'Sign in as a named user: template changes are attributed to a person.');

/** `base`, or `base (2)`, `base (3)`… whichever no live template has (case-insensitive). */
export async function uniqueTemplateName({ repos, base }: { repos: Pick<Repositories, 'templates'>; base: string }): Promise<string> {
  const trimmed = base.trim().slice(0, MAX_NAME) || 'Untitled template';
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const candidate = `${trimmed.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!(await repos.templates.findByName(candidate))) return candidate;
  }
  return `${trimmed.slice(0, MAX_NAME - 14)} ${Date.now()}`;
}

/** A document whose `name` is the template's, when it has one (template documents carry their name). */
export function withName(document: unknown, name: string): unknown {
  if (document && typeof document === 'object' && !Array.isArray(document)) return { ...(document as object), name };
  return document;
}

export async function createFromBlank(ctx: Ctx & { name: string; kind: TemplateKind; description?: string }): Promise<Outcome<TemplateVersionRecord>> {
  const name = ctx.name.trim();
  const document = blankTemplate({ kind: ctx.kind, name, description: ctx.description?.trim() ?? '' });
  return createTemplate({ ...ctx, name, document, message: 'Blank starter' });
}

/** A new template (draft v1) from the latest or a chosen version of another, named "Copy of …". */
export async function duplicateTemplate(ctx: Ctx & { templateId: string; versionId?: string; name?: string }): Promise<Outcome<TemplateVersionRecord>> {
  if (!ctx.actor.id) return needsUser();
  const template = await ctx.app.repos.templates.get({ id: ctx.templateId });
  if (!template) return noTemplate();
  const versions = await ctx.app.repos.templateVersions.listForTemplate({ templateId: template.id });
  const from = ctx.versionId ? versions.find((v) => v.id === ctx.versionId) : versions[0];
  if (!from) return refuse('not-found', 'no-version', `"${template.name}" has no such version to copy; reload the Templates page.`);
  const name = ctx.name?.trim() || (await uniqueTemplateName({ repos: ctx.app.repos, base: `Copy of ${template.name}` }));
  return createTemplate({
    ...ctx, name, kind: template.kind, description: template.description,
    document: withName(from.document, name),
    message: `Copied from "${template.name}" v${from.version}`,
    audit: { action: 'template.duplicate', extra: { from: { templateId: template.id, versionId: from.id, version: from.version, contentHash: from.contentHash } } },
  });
}

export async function renameTemplate(ctx: Ctx & { templateId: string; name: string }): Promise<Outcome<{ id: string; name: string }>> {
  if (!ctx.actor.id) return needsUser();
  const name = ctx.name.trim();
  if (!name || name.length > MAX_NAME) return refuse('invalid', 'bad-name', `Give the template a name of 1 to ${MAX_NAME} characters.`, 'name');
  return inTransaction({ db: ctx.app.db, work: async (repos) => {
    const template = await repos.templates.get({ id: ctx.templateId });
    if (!template) return noTemplate();
    if (template.origin === 'shipped') return shippedReadOnly(template.name);
    const holder = await repos.templates.findByName(name);
    if (holder && holder.id !== template.id) return refuse('conflict', 'name-taken', `A template named "${holder.name}" already exists; pick another name.`, 'name');
    if (template.name === name) return succeed({ id: template.id, name });
    await repos.templates.rename({ id: template.id, name });
    await audit(repos, ctx, 'template.rename', template.id, { before: { name: template.name }, after: { name } });
    return succeed({ id: template.id, name });
  } });
}

export type DeleteMode = 'deleted' | 'archived';

export async function deleteTemplate(ctx: Ctx & { templateId: string }): Promise<Outcome<{ id: string; name: string; mode: DeleteMode; runs: number }>> {
  if (!ctx.actor.id) return needsUser();
  return inTransaction({ db: ctx.app.db, work: async (repos) => {
    const template = await repos.templates.get({ id: ctx.templateId });
    if (!template) return noTemplate();
    if (template.origin === 'shipped') return shippedReadOnly(template.name);
    const runs = await repos.templates.runCount({ id: template.id });
    // remove() re-checks for runs in its own statement; if one appeared since, archive instead.
    const mode: DeleteMode = runs === 0 && (await repos.templates.remove({ id: template.id })) ? 'deleted' : 'archived';
    if (mode === 'archived') await repos.templates.archive({ id: template.id });
    await audit(repos, ctx, 'template.delete', template.id, { before: { name: template.name, kind: template.kind }, after: { mode }, runs });
    return succeed({ id: template.id, name: template.name, mode, runs });
  } });
}

async function audit(repos: Repositories, ctx: Ctx, action: string, templateId: string, summary: Record<string, unknown>) {
  await repos.audit.append({ actor: actorLabel(ctx.actor), action, entity: `template:${templateId}`, correlationId: ctx.correlationId, summary });
}
