import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { callerFor } from '$lib/server/caller';
import { problemOf } from '$lib/server/trpc/problem';
import type { RequestHandler } from './$types';

/**
 * Downloads a template version's document as `<name>.template.json` (the latest version, or
 * ?version=<versionId>). The file imports back through the Templates page.
 */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.user) error(401, 'Sign in to export templates.');
  const versionId = event.url.searchParams.get('version') || undefined;
  if (!z.uuid().safeParse(event.params.id).success || (versionId && !z.uuid().safeParse(versionId).success)) error(404, 'No such template or version.');
  let exported;
  try {
    exported = await callerFor(event).templates.export({ templateId: event.params.id, versionId });
  } catch (e) {
    const problem = problemOf(e);
    if (!problem) throw e;
    error(problem.kind === 'not-found' ? 404 : problem.kind === 'forbidden' ? 403 : 400, problem.message);
  }
  const ascii = exported.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'");
  return new Response(`${JSON.stringify(exported.document, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(exported.fileName)}`,
      'cache-control': 'no-store',
    },
  });
};
