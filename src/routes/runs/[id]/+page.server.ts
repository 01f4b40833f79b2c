import { error } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { roleAtLeast } from '$runtime/auth/roles';
import { callerFor } from '$lib/server/caller';
import { requireRole } from '$lib/server/http/route-guard';
import type { PageServerLoad } from './$types';

/** One run: live progress while it works, then its summary charts, findings and lineage. */
export const load: PageServerLoad = async (event) => {
  if (!z.uuid().safeParse(event.params.id).success) error(404, 'No such run');
  const user = requireRole(event.locals, 'viewer');
  const api = callerFor(event);
  try {
    const [run, lineage] = await Promise.all([api.runs.get({ runId: event.params.id }), api.lineage.run({ runId: event.params.id })]);
    return { run, lineage, canCancel: roleAtLeast(user.role, 'analyst') };
  } catch (e) {
    if (e instanceof TRPCError && e.code === 'NOT_FOUND') error(404, e.message);
    throw e;
  }
};
