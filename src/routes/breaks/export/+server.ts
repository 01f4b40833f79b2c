import { error } from '@sveltejs/kit';
import { BreakFilterSchema } from '$runtime/recon/break-view';
import { exportBreaks } from '$runtime/runs/break-export';
import { requireRole } from '$lib/server/http/route-guard';
import type { RequestHandler } from './$types';

/**
 * The review grid's filtered breaks as CSV or XLSX (any signed-in user):
 *   /breaks/export?filter=<BreakFilter as JSON>&format=csv|xlsx
 * Every matching break, not one page, up to the export's row cap.
 */
export const GET: RequestHandler = async (event) => {
  requireRole(event.locals, 'viewer');
  const q = event.url.searchParams;
  const format = q.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') error(400, `format must be csv or xlsx, got "${format}".`);
  let raw: unknown = {};
  try {
    raw = JSON.parse(q.get('filter') || '{}');
  } catch {
    error(400, 'filter must be the review grid\'s filter as JSON, e.g. {"runId":"…","status":["open"]}.');
  }
  const parsed = BreakFilterSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    error(400, `filter.${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const outcome = await exportBreaks({ app: event.locals.app, filter: parsed.data, format });
  if (!outcome.ok) error(400, outcome.problem.message);
  const { body, fileName, contentType, rows } = outcome.value;
  event.locals.log.info({ rows, format }, 'breaks exported');
  return new Response(body as BodyInit, {
    headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'no-store' },
  });
};
