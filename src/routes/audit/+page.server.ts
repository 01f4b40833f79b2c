import { error } from '@sveltejs/kit';
import { callerFor } from '$lib/server/caller';
import { requireRole } from '$lib/server/http/route-guard';
import { problemOf } from '$lib/server/trpc/problem';
import type { PageServerLoad } from './$types';

/** The audit trail (approver and admin), filtered by action, actor and date range. */
export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, 'approver');
  const q = event.url.searchParams;
  const filter = {
    action: q.get('action') || undefined,
    actor: q.get('actor') || undefined,
    from: q.get('from') || undefined,
    to: q.get('to') || undefined,
  };
  const before = Number(q.get('before'));
  const beforeSeq = Number.isSafeInteger(before) && before > 0 ? before : undefined;
  const api = callerFor(event);
  try {
    const [page, actions, verification] = await Promise.all([
      api.audit.list({ ...filter, beforeSeq }),
      api.audit.actions(),
      q.get('verify') ? api.audit.verify() : Promise.resolve(null),
    ]);
    return { ...page, actions, filter, verification };
  } catch (e) {
    const problem = problemOf(e);
    if (problem) error(400, `${problem.message} Check the filters: dates are YYYY-MM-DD.`);
    throw e;
  }
};
