import { callerFor } from '$lib/server/caller';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ info: await callerFor(event).system.info() });
