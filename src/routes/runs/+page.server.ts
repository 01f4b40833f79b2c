import { roleAtLeast } from '$runtime/auth/roles';
import { callerFor } from '$lib/server/caller';
import { requireRole } from '$lib/server/http/route-guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event.locals, 'viewer');
  return { runs: await callerFor(event).runs.list(), canRun: roleAtLeast(user.role, 'analyst') };
};
