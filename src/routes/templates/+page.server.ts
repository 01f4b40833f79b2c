import { roleAtLeast } from '$runtime/auth/roles';
import { callerFor } from '$lib/server/caller';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  templates: await callerFor(event).templates.list(),
  canCreate: event.locals.user ? roleAtLeast(event.locals.user.role, 'analyst') : false,
});
