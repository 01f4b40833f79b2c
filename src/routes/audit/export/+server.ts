import { error } from '@sveltejs/kit';
import { auditCsv } from '$runtime/audit/audit-csv';
import { callerFor } from '$lib/server/caller';
import { requireRole } from '$lib/server/http/route-guard';
import { problemOf } from '$lib/server/trpc/problem';
import type { RequestHandler } from './$types';

/** The filtered audit trail as CSV (approver and admin), up to the newest 100,000 entries per file. */
const PAGE = 1000;
const MAX_ROWS = 100_000;

export const GET: RequestHandler = async (event) => {
  requireRole(event.locals, 'approver');
  const q = event.url.searchParams;
  const filter = { action: q.get('action') || undefined, actor: q.get('actor') || undefined, from: q.get('from') || undefined, to: q.get('to') || undefined };
  const api = callerFor(event);
  const entries = [];
  try {
    let beforeSeq: number | undefined;
    while (entries.length < MAX_ROWS) {
      const page = await api.audit.list({ ...filter, beforeSeq, limit: PAGE });
      entries.push(...page.entries);
      if (!page.more) break;
      beforeSeq = page.entries[page.entries.length - 1].seq;
    }
  } catch (e) {
    const problem = problemOf(e);
    if (problem) error(400, problem.message);
    throw e;
  }
  const csv = auditCsv({ entries: entries.reverse().map((e) => ({ ...e, ts: new Date(e.ts) })) });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  event.locals.log.info({ rows: entries.length }, 'audit exported');
  return new Response(csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="opspilot-audit-${stamp}.csv"`, 'cache-control': 'no-store' },
  });
};
