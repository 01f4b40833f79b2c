import { fail, redirect } from '@sveltejs/kit';
import { callerFor } from '$lib/server/caller';
import { requireRole } from '$lib/server/http/route-guard';
import { problemOf } from '$lib/server/trpc/problem';
import type { Actions, PageServerLoad } from './$types';

/** A new template with its first version as a draft (analyst and above). */
export const load: PageServerLoad = ({ locals }) => {
  requireRole(locals, 'analyst');
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    requireRole(event.locals, 'analyst');
    const form = await event.request.formData();
    const values = {
      name: String(form.get('name') ?? ''),
      kind: String(form.get('kind') ?? 'mapping'),
      description: String(form.get('description') ?? ''),
      documentText: String(form.get('document') ?? ''),
      message: String(form.get('message') ?? ''),
    };
    let document: Record<string, unknown>;
    try {
      document = JSON.parse(values.documentText);
    } catch (e) {
      return fail(400, { ...values, field: 'document', message: `The template document is not valid JSON: ${(e as Error).message}. Fix it and save again.` });
    }
    let created;
    try {
      created = await callerFor(event).templateVersions.createTemplate({ name: values.name, kind: values.kind, description: values.description, document, message: values.message });
    } catch (e) {
      const problem = problemOf(e);
      if (!problem) throw e;
      return fail(400, { ...values, field: problem.field ?? null, message: problem.message });
    }
    redirect(303, `/templates/${created.templateId}/versions`);
  },
};
