import { error, fail } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { roleAtLeast } from '$runtime/auth/roles';
import { callerFor } from '$lib/server/caller';
import { requireRole } from '$lib/server/http/route-guard';
import { problemOf } from '$lib/server/trpc/problem';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** A template's versions and their approval: save drafts, submit, approve or reject, activate. */
export const load: PageServerLoad = async (event) => {
  if (!z.uuid().safeParse(event.params.id).success) error(404, 'No such template');
  const user = requireRole(event.locals, 'viewer');
  try {
    const detail = await callerFor(event).templateVersions.detail({ templateId: event.params.id });
    return { ...detail, me: { id: user.id, canEdit: roleAtLeast(user.role, 'analyst'), canReview: roleAtLeast(user.role, 'approver') } };
  } catch (e) {
    if (e instanceof TRPCError && e.code === 'NOT_FOUND') error(404, e.message);
    throw e;
  }
};

async function attempt(action: string, run: () => Promise<{ version: number; status: string }>) {
  try {
    const v = await run();
    return { action, ok: true as const, message: action === 'save' ? `Version ${v.version} saved as a draft.` : `Version ${v.version} is now ${v.status}.` };
  } catch (e) {
    const problem = problemOf(e);
    if (!problem) throw e;
    return fail(problem.kind === 'forbidden' ? 403 : 400, { action, ok: false as const, message: problem.message });
  }
}

async function versionForm(event: RequestEvent) {
  const form = await event.request.formData();
  return { form, versionId: String(form.get('versionId') ?? '') };
}

export const actions: Actions = {
  save: async (event) => {
    requireRole(event.locals, 'analyst');
    const { form, versionId } = await versionForm(event);
    let document: Record<string, unknown>;
    try {
      document = JSON.parse(String(form.get('document') ?? ''));
    } catch (e) {
      return fail(400, { action: 'save', ok: false as const, message: `The template document is not valid JSON: ${(e as Error).message}.` });
    }
    const message = String(form.get('message') ?? '');
    return attempt('save', () => callerFor(event).templateVersions.saveDraft({ templateId: event.params.id, versionId: versionId || undefined, document, message }));
  },
  submit: async (event) => {
    requireRole(event.locals, 'analyst');
    const { versionId } = await versionForm(event);
    return attempt('submit', () => callerFor(event).templateVersions.submit({ versionId }));
  },
  approve: async (event) => {
    requireRole(event.locals, 'approver');
    const { form, versionId } = await versionForm(event);
    return attempt('approve', () => callerFor(event).templateVersions.approve({ versionId, comment: String(form.get('comment') ?? '') }));
  },
  reject: async (event) => {
    requireRole(event.locals, 'approver');
    const { form, versionId } = await versionForm(event);
    return attempt('reject', () => callerFor(event).templateVersions.reject({ versionId, comment: String(form.get('comment') ?? '') }));
  },
  activate: async (event) => {
    requireRole(event.locals, 'approver');
    const { versionId } = await versionForm(event);
    return attempt('activate', () => callerFor(event).templateVersions.activate({ versionId }));
  },
};
