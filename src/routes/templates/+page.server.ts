import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { roleAtLeast } from '$runtime/auth/roles';
import type { Finding } from '$runtime/finding';
import { TEMPLATE_KINDS, type TemplateKind } from '$runtime/template/blank-template';
import { callerFor } from '$lib/server/caller';
import { requireRole } from '$lib/server/http/route-guard';
import { problemOf } from '$lib/server/trpc/problem';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * The Templates list and its operations: new (from a blank starter), duplicate, rename, delete,
 * import a .template.json. Each action answers with the outcome for the row or form it came from,
 * so errors show where the user acted.
 */
export const load: PageServerLoad = async (event) => ({
  templates: await callerFor(event).templates.list(),
  canEdit: event.locals.user ? roleAtLeast(event.locals.user.role, 'analyst') : false,
});

type Outcome = { action: string; templateId?: string; ok: boolean; message: string; findings?: readonly Finding[]; values?: Record<string, string> };
/** Every action answers in this one shape, so the page reads any outcome the same way. */
const out = (o: Outcome): Outcome => o;

async function attempt(action: string, templateId: string | undefined, run: () => Promise<Outcome | ActionFailure<Outcome>>, values?: Record<string, string>) {
  try {
    return await run();
  } catch (e) {
    const problem = problemOf(e);
    if (!problem) throw e;
    return fail(problem.kind === 'forbidden' ? 403 : problem.kind === 'not-found' ? 404 : 400, out({ action, templateId, ok: false, message: problem.message, values }));
  }
}

async function formOf(event: RequestEvent) {
  requireRole(event.locals, 'analyst');
  const form = await event.request.formData();
  return { form, text: (key: string) => String(form.get(key) ?? '').trim() };
}

export const actions: Actions = {
  create: async (event) => {
    const { text } = await formOf(event);
    const values = { name: text('name'), kind: text('kind') || 'mapping' };
    const kind = TEMPLATE_KINDS.find((k) => k === values.kind);
    if (!kind) return fail(400, out({ action: 'create', ok: false, message: `Choose a kind: ${TEMPLATE_KINDS.join(', ')}.`, values }));
    return attempt('create', undefined, async () => {
      const v = await callerFor(event).templates.create({ name: values.name, kind: kind satisfies TemplateKind });
      redirect(303, `/templates/${v.templateId}/edit`);
    }, values);
  },

  duplicate: async (event) => {
    const { text } = await formOf(event);
    const templateId = text('templateId');
    return attempt('duplicate', templateId, async () => {
      const v = await callerFor(event).templates.duplicate({ templateId });
      redirect(303, `/templates/${v.templateId}/edit`);
    });
  },

  rename: async (event) => {
    const { text } = await formOf(event);
    const templateId = text('templateId');
    return attempt('rename', templateId, async () => {
      const renamed = await callerFor(event).templates.rename({ templateId, name: text('name') });
      return out({ action: 'rename', templateId, ok: true, message: `Renamed to "${renamed.name}".` });
    }, { name: text('name') });
  },

  delete: async (event) => {
    const { text } = await formOf(event);
    const templateId = text('templateId');
    return attempt('delete', templateId, async () => {
      const done = await callerFor(event).templates.delete({ templateId });
      const message = done.mode === 'deleted'
        ? `"${done.name}" was deleted.`
        : `"${done.name}" was archived, not deleted: ${done.runs} run${done.runs === 1 ? '' : 's'} were made from it, and their lineage keeps its versions.`;
      return out({ action: 'delete', ok: true, message });
    });
  },

  import: async (event) => {
    const { form } = await formOf(event);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return fail(400, out({ action: 'import', ok: false, message: 'Choose a .template.json file to import.' }));
    return attempt('import', undefined, async () => {
      const result = await callerFor(event).templates.import({ fileName: file.name, text: await file.text() });
      if (!result.ok) return fail(422, out({ action: 'import', ok: false, message: `${file.name} was not imported: fix what is listed below and import it again.`, findings: result.findings }));
      redirect(303, `/templates/${result.version.templateId}/edit`);
    });
  },
};
