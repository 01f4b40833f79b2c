import { callerFor } from '$lib/server/caller';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ templates: await callerFor(event).templates.list() });
