import { error, json } from '@sveltejs/kit';
import { appendAudit } from '$runtime/audit/append-audit';
import { importDataset } from '$runtime/datasets/import-dataset';
import { roleAtLeast } from '$lib/server/trpc/roles';
import type { RequestHandler } from './$types';

/**
 * Upload: the raw file as the body, its name in ?name=. Kept out of tRPC so a large file streams
 * as bytes rather than as base64 JSON. Same role rule as a tRPC procedure: analyst and above.
 * The request hook refuses it from another origin; a stored file is audited.
 */
export const POST: RequestHandler = async ({ request, url, locals }) => {
  if (!locals.user) error(401, 'Sign in to upload.');
  if (!roleAtLeast(locals.user.role, 'analyst')) error(403, `Uploading needs the analyst role; you are ${locals.user.role}.`);
  const name = (url.searchParams.get('name') ?? '').trim();
  if (!name) return json({ ok: false, findings: [{ code: 'no-name', severity: 'error', message: 'The upload has no file name (?name=…).', location: { source: 'upload' } }] }, { status: 400 });
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > locals.app.config.maxUploadBytes) {
    return json({ ok: false, findings: [{ code: 'file-too-large', severity: 'error', message: `${name} is larger than the ${Math.round(locals.app.config.maxUploadBytes / 1048576)} MB upload limit (MAX_UPLOAD_MB).`, location: { source: name } }] }, { status: 413 });
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  const result = await importDataset({ app: locals.app, name, bytes, uploadedBy: locals.user.id });
  if (!result.ok) {
    locals.log.info({ name, findings: result.findings.map((f) => f.code) }, 'upload refused');
    return json({ ok: false, findings: result.findings }, { status: 422 });
  }
  locals.log.info({ datasetId: result.dataset.id, name, rows: result.dataset.rowCount }, 'dataset uploaded');
  await appendAudit({
    app: locals.app, actor: locals.user, action: 'dataset.upload', entity: `dataset:${result.dataset.id}`, correlationId: locals.requestId,
    summary: { before: null, after: { name: result.dataset.name, sha256: result.dataset.sha256, rows: result.dataset.rowCount, sizeBytes: result.dataset.sizeBytes, created: result.created } },
  });
  return json({ ok: true, dataset: { ...result.dataset, uploadedAt: result.dataset.uploadedAt.toISOString() }, findings: result.findings });
};
