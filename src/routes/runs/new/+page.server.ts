import { fail, redirect } from '@sveltejs/kit';
import { callerFor } from '$lib/server/caller';
import { requireRole } from '$lib/server/http/route-guard';
import { problemOf } from '$lib/server/trpc/problem';
import type { Actions, PageServerLoad } from './$types';

/** Start a run: a runnable (approved or active) template version, a dataset per source, a business date. */
export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, 'analyst');
  const api = callerFor(event);
  const [runnable, datasets] = await Promise.all([api.templateVersions.runnable(), api.datasets.list()]);
  return {
    runnable,
    datasets: datasets.map((d) => ({ id: d.id, name: d.name, format: d.format, rowCount: d.rowCount, uploadedAt: d.uploadedAt })),
    preselect: { versionId: event.url.searchParams.get('version') },
    today: new Date().toISOString().slice(0, 10),
  };
};

export const actions: Actions = {
  default: async (event) => {
    requireRole(event.locals, 'analyst');
    const form = await event.request.formData();
    const versionId = String(form.get('versionId') ?? '');
    const businessDate = String(form.get('businessDate') ?? '');
    const inputs: Record<string, string[]> = {};
    for (const [name, value] of form.entries()) {
      if (name.startsWith('source:') && value) (inputs[name.slice('source:'.length)] ??= []).push(String(value));
    }
    let started;
    try {
      started = await callerFor(event).runs.start({ versionId, businessDate, inputs });
    } catch (e) {
      const problem = problemOf(e);
      if (!problem) throw e;
      return fail(400, { message: problem.message, versionId, businessDate, inputs });
    }
    redirect(303, `/runs/${started.runId}`);
  },
};
