import { BreakFilterSchema, type BreakFilter } from '$runtime/recon/break-view';
import { roleAtLeast } from '$runtime/auth/roles';
import { callerFor } from '$lib/server/caller';
import { requireRole } from '$lib/server/http/route-guard';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 200;

/** The filter travels in the URL (?filter=<json>) so a view can be linked, reloaded and exported. */
function filterFrom(url: URL): { filter: BreakFilter; problem: string | null } {
  const raw = url.searchParams.get('filter');
  if (!raw) return { filter: { status: ['open', 'assigned'] }, problem: null };
  try {
    const parsed = BreakFilterSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return { filter: parsed.data, problem: null };
    const issue = parsed.error.issues[0];
    return { filter: {}, problem: `The link's filter is not valid (${issue.path.join('.') || 'filter'}: ${issue.message}); showing every break instead.` };
  } catch {
    return { filter: {}, problem: 'The link\'s filter is not valid JSON; showing every break instead.' };
  }
}

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event.locals, 'viewer');
  const api = callerFor(event);
  const { filter, problem } = filterFrom(event.url);
  const [page, users, run] = await Promise.all([
    api.breaks.page({ ...filter, limit: PAGE_SIZE, offset: 0 }),
    api.users.assignable(),
    filter.runId ? api.runs.get({ runId: filter.runId }).catch(() => null) : Promise.resolve(null),
  ]);
  const clusters = run?.summary?.match?.summary.clusters ?? [];
  return {
    filter,
    problem,
    page,
    users,
    run: run && { id: run.id, templateName: run.templateName, templateVersion: run.templateVersion, businessDate: run.businessDate },
    clusterDescriptions: Object.fromEntries(clusters.map((c) => [c.signature, c.description])),
    canEdit: roleAtLeast(user.role, 'analyst'),
    canResolve: roleAtLeast(user.role, 'approver'),
    pageSize: PAGE_SIZE,
  };
};
