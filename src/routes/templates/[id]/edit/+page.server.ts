import { error } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { roleAtLeast } from '$runtime/auth/roles';
import { callerFor } from '$lib/server/caller';
import { requireRole } from '$lib/server/http/route-guard';
import type { PageServerLoad } from './$types';

/**
 * The template editor. It opens on the person's autosaved working draft when there is one,
 * else on the latest version; shipped starters and viewers get it read-only.
 */
export const load: PageServerLoad = async (event) => {
  if (!z.uuid().safeParse(event.params.id).success) error(404, 'No such template');
  const user = requireRole(event.locals, 'viewer');
  const api = callerFor(event);
  try {
    const detail = await api.templateVersions.detail({ templateId: event.params.id });
    const latest = [...detail.versions].sort((a, b) => b.version - a.version)[0] ?? null;
    const canEdit = roleAtLeast(user.role, 'analyst') && detail.template.origin !== 'shipped';
    const draft = canEdit ? await api.workingDrafts.get({ templateId: event.params.id }) : null;
    const datasets = await api.datasets.list();
    return {
      template: detail.template,
      latest: latest && { id: latest.id, version: latest.version, status: latest.status, document: latest.document, createdAt: latest.createdAt },
      draft,
      canEdit,
      canUpload: roleAtLeast(user.role, 'analyst'),
      readOnlyReason: canEdit ? null : detail.template.origin === 'shipped'
        ? 'This is a shipped starter and is read-only. Duplicate it from the Templates page to make it yours.'
        : 'You can look but not change: editing needs the analyst role.',
      datasets: datasets.map((d) => ({ id: d.id, name: d.name, format: d.format, rowCount: d.rowCount, uploadedAt: d.uploadedAt })),
    };
  } catch (e) {
    if (e instanceof TRPCError && e.code === 'NOT_FOUND') error(404, e.message);
    throw e;
  }
};
