import { fail, redirect } from '@sveltejs/kit';
import { callerFor } from '$lib/server/caller';
import { requireRole } from '$lib/server/http/route-guard';
import { problemOf } from '$lib/server/trpc/problem';
import type { Actions, PageServerLoad } from './$types';

const RUNNABLE = new Set(['approved', 'active']);

interface SourceRef { readonly name: string; readonly format: string }

function sourcesOf(document: unknown): SourceRef[] {
  const sources = (document as { sources?: unknown })?.sources;
  if (!Array.isArray(sources)) return [];
  return sources.flatMap((s) => (s && typeof s.name === 'string' ? [{ name: s.name, format: typeof s.format === 'string' ? s.format : '' }] : []));
}

/** Start a run: a runnable (approved or active) template version, a dataset per source, a business date. */
export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, 'analyst');
  const api = callerFor(event);
  const [templates, datasets] = await Promise.all([api.templates.list(), api.datasets.list()]);
  const runnable = [];
  for (const t of templates) {
    const detail = await api.templateVersions.detail({ templateId: t.id });
    const versions = detail.versions
      .filter((v) => RUNNABLE.has(v.status))
      .sort((a, b) => b.version - a.version)
      .map((v) => ({ id: v.id, version: v.version, status: v.status, sources: sourcesOf(v.document) }));
    if (versions.length) runnable.push({ id: t.id, name: t.name, kind: t.kind, versions });
  }
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
