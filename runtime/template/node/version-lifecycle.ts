import type { App } from '../../app/open-app';
import { refuse, succeed, type Outcome } from '../../app/outcome';
import { actorLabel, roleAtLeast, type Actor } from '../../auth/roles';
import { inTransaction, type Repositories } from '../../store/index';
import type { TemplateVersionRecord } from '../../store/repositories/template-versions';
import type { VersionStatus } from '../../store/schema';
import { documentProblem, templateContentHash } from './content-hash';

/**
 * Maker-checker for template versions:
 *
 *   draft ──submit (author)──► submitted ──approve (another approver)──► approved ──activate──► active
 *                                  └──reject (another approver, comment)──► rejected
 *
 * The approver must be a different user from the author; an admin is an approver for this and
 * is held to the same rule. Every transition and its audit entry commit together.
 */
type Ctx = { app: App; actor: Actor; correlationId?: string | null };

const notFound = () => refuse<never>('not-found', 'no-version', 'No template version with that id; reload the template page.');
const wrongStatus = (v: TemplateVersionRecord, wanted: VersionStatus, action: string) =>
  refuse<never>('conflict', 'wrong-status', `Version ${v.version} is ${v.status}; only a ${wanted} version can be ${action}. Reload to see its current state.`);
/** Shipped templates are starters everyone shares: nobody edits them in place. */
export const shippedReadOnly = (name: string) =>
  refuse<never>('forbidden', 'shipped-read-only', `"${name}" is a shipped starter and stays read-only. Use Duplicate to edit your own copy.`);
const needsUser = () => refuse<never>('forbidden', 'no-user', 'Sign in as a named user: template changes are attributed to a person.');

async function record(repos: Repositories, ctx: Ctx, action: string, version: TemplateVersionRecord, before: unknown, extra: Record<string, unknown> = {}) {
  await repos.audit.append({
    actor: actorLabel(ctx.actor), action, entity: `template-version:${version.id}`, correlationId: ctx.correlationId,
    summary: { templateId: version.templateId, version: version.version, contentHash: version.contentHash, before, after: { status: version.status }, ...extra },
  });
}

/**
 * A new template with its first version as a draft. `audit` names the action when the template
 * comes from a duplicate or an import (template.duplicate, template.import) and what to record with it.
 */
export async function createTemplate(ctx: Ctx & {
  name: string; kind: string; description?: string; document: unknown; message?: string;
  audit?: { action: string; extra?: Record<string, unknown> };
}): Promise<Outcome<TemplateVersionRecord>> {
  if (!ctx.actor.id) return needsUser();
  const name = ctx.name.trim();
  if (!name || name.length > 120) return refuse('invalid', 'bad-name', 'Give the template a name of 1 to 120 characters.', 'name');
  const problem = documentProblem({ document: ctx.document });
  if (problem) return refuse('invalid', 'bad-document', problem, 'document');
  if (await ctx.app.repos.templates.findByName(name)) return refuse('conflict', 'name-taken', `A template named "${name}" already exists; pick another name or open that template.`, 'name');
  return inTransaction({ db: ctx.app.db, work: async (repos) => {
    const { id } = await repos.templateVersions.insertTemplate({ name, kind: ctx.kind.trim() || 'mapping', description: ctx.description?.trim() ?? '', createdBy: ctx.actor.id });
    const version = (await repos.templateVersions.insertNext({ templateId: id, document: ctx.document, contentHash: templateContentHash({ document: ctx.document }), message: ctx.message?.trim() ?? '', authorId: ctx.actor.id }))!;
    await record(repos, ctx, ctx.audit?.action ?? 'template.create', version, null, { name, kind: ctx.kind.trim() || 'mapping', ...ctx.audit?.extra });
    return succeed(version);
  } });
}

/** Saves a draft: updates the given draft (its author only), or adds the next version as a draft. */
export async function saveDraft(ctx: Ctx & { templateId: string; versionId?: string; document: unknown; message?: string }): Promise<Outcome<TemplateVersionRecord>> {
  if (!ctx.actor.id) return needsUser();
  const problem = documentProblem({ document: ctx.document });
  if (problem) return refuse('invalid', 'bad-document', problem, 'document');
  const contentHash = templateContentHash({ document: ctx.document });
  return inTransaction({ db: ctx.app.db, work: async (repos) => {
    const template = await repos.templates.get({ id: ctx.templateId });
    if (template?.origin === 'shipped') return shippedReadOnly(template.name);
    if (ctx.versionId) {
      const current = await repos.templateVersions.get({ id: ctx.versionId });
      if (!current || current.templateId !== ctx.templateId) return notFound();
      if (current.authorId !== ctx.actor.id) return refuse('forbidden', 'not-author', `Version ${current.version} is ${current.authorEmail ?? 'someone else'}'s draft; save yours as a new version instead.`);
      if (current.status !== 'draft') return wrongStatus(current, 'draft', 'edited');
      const saved = (await repos.templateVersions.updateDraft({ id: current.id, document: ctx.document, contentHash, message: ctx.message?.trim() ?? current.message }))!;
      await record(repos, ctx, 'template.save-draft', saved, { status: 'draft', contentHash: current.contentHash });
      return succeed(saved);
    }
    const saved = await repos.templateVersions.insertNext({ templateId: ctx.templateId, document: ctx.document, contentHash, message: ctx.message?.trim() ?? '', authorId: ctx.actor.id });
    if (!saved) return refuse('not-found', 'no-template', 'No template with that id; it may have been deleted. Pick one from the Templates page.');
    await record(repos, ctx, 'template.save-draft', saved, null);
    return succeed(saved);
  } });
}

export async function submitVersion(ctx: Ctx & { versionId: string }): Promise<Outcome<TemplateVersionRecord>> {
  if (!ctx.actor.id) return needsUser();
  return inTransaction({ db: ctx.app.db, work: async (repos) => {
    const v = await repos.templateVersions.get({ id: ctx.versionId });
    if (!v) return notFound();
    if (v.authorId !== ctx.actor.id) return refuse('forbidden', 'not-author', `Only the author (${v.authorEmail ?? 'unknown'}) submits version ${v.version} for approval.`);
    const moved = await repos.templateVersions.transition({ id: v.id, from: 'draft', to: 'submitted', at: new Date() });
    if (!moved) return wrongStatus(v, 'draft', 'submitted');
    await record(repos, ctx, 'template.submit', moved, { status: v.status });
    return succeed(moved);
  } });
}

async function review(ctx: Ctx & { versionId: string; decision: 'approved' | 'rejected'; comment?: string }): Promise<Outcome<TemplateVersionRecord>> {
  if (!ctx.actor.id) return needsUser();
  if (!roleAtLeast(ctx.actor.role, 'approver')) return refuse('forbidden', 'not-approver', 'Reviewing needs the approver role. Ask an admin for it.');
  const comment = ctx.comment?.trim() ?? '';
  if (ctx.decision === 'rejected' && !comment) return refuse('invalid', 'comment-required', 'Say why the version is rejected, so its author knows what to change.', 'comment');
  return inTransaction({ db: ctx.app.db, work: async (repos) => {
    const v = await repos.templateVersions.get({ id: ctx.versionId });
    if (!v) return notFound();
    if (v.authorId === ctx.actor.id || v.authorId === null) {
      return refuse('forbidden', 'own-version', `You authored version ${v.version}, so another approver must review it (maker-checker).`);
    }
    const moved = await repos.templateVersions.transition({ id: v.id, from: 'submitted', to: ctx.decision, reviewerId: ctx.actor.id, comment: comment || null, at: new Date() });
    if (!moved) return wrongStatus(v, 'submitted', ctx.decision);
    await record(repos, ctx, ctx.decision === 'approved' ? 'template.approve' : 'template.reject', moved, { status: v.status }, comment ? { comment } : {});
    return succeed(moved);
  } });
}

export const approveVersion = (ctx: Ctx & { versionId: string; comment?: string }) => review({ ...ctx, decision: 'approved' });
export const rejectVersion = (ctx: Ctx & { versionId: string; comment: string }) => review({ ...ctx, decision: 'rejected' });

/** Makes an approved version the one runs use; the previously active version returns to approved. */
export async function activateVersion(ctx: Ctx & { versionId: string }): Promise<Outcome<TemplateVersionRecord>> {
  if (!ctx.actor.id) return needsUser();
  if (!roleAtLeast(ctx.actor.role, 'approver')) return refuse('forbidden', 'not-approver', 'Activating needs the approver role. Ask an admin for it.');
  return inTransaction({ db: ctx.app.db, work: async (repos) => {
    const v = await repos.templateVersions.get({ id: ctx.versionId });
    if (!v) return notFound();
    const done = await repos.templateVersions.activate({ id: v.id, templateId: v.templateId, by: ctx.actor.id, at: new Date() });
    if (!done) return wrongStatus(v, 'approved', 'activated');
    await record(repos, ctx, 'template.activate', done.version, { status: v.status }, done.previous ? { replaced: { versionId: done.previous.id, version: done.previous.version } } : {});
    return succeed(done.version);
  } });
}
