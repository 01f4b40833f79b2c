import { error } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { callerFor } from '$lib/server/caller';
import type { PageServerLoad } from './$types';

const PREVIEW_ROWS = 10_000;

export const load: PageServerLoad = async (event) => {
  if (!z.uuid().safeParse(event.params.id).success) error(404, 'No such dataset');
  const api = callerFor(event);
  try {
    const [dataset, page] = await Promise.all([
      api.datasets.get({ id: event.params.id }),
      api.datasets.rows({ id: event.params.id, offset: 0, limit: PREVIEW_ROWS }),
    ]);
    return { dataset, page };
  } catch (e) {
    if (e instanceof TRPCError && e.code === 'NOT_FOUND') error(404, e.message);
    throw e;
  }
};
