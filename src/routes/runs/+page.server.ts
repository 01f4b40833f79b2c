import { callerFor } from '$lib/server/caller';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ runs: await callerFor(event).runs.list() });
