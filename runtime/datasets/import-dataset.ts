import type { App } from '../app/open-app';
import { readCsv } from '../ingest/csv-reader';
import type { Finding } from '../ingest/finding';
import type { DatasetSummary } from '../store/repositories/datasets';
import { storeFile, sha256Hex } from '../store/file-store';
import { inferColumnType } from './infer-column-type';

export type ImportResult =
  | { readonly ok: true; readonly dataset: DatasetSummary; readonly created: boolean; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/**
 * An uploaded file becomes a dataset: parsed first, and only a file that reads is stored (bytes
 * by content hash, then its row). A refused file leaves nothing behind.
 */
export async function importDataset({ app, name, bytes, uploadedBy, onlyIfNew = false }: {
  app: App; name: string; bytes: Uint8Array; uploadedBy?: string | null; onlyIfNew?: boolean;
}): Promise<ImportResult> {
  const source = name.trim() || 'upload';
  if (bytes.byteLength > app.config.maxUploadBytes) {
    return refuse(source, 'file-too-large', `${source} is ${mb(bytes.byteLength)} MB; the limit is ${mb(app.config.maxUploadBytes)} MB (MAX_UPLOAD_MB). Split the file or raise the limit.`);
  }
  if (onlyIfNew) {
    const dataset = await app.repos.datasets.findBySha256(sha256Hex(bytes));
    if (dataset) return { ok: true, dataset, created: false, findings: [] };
  }
  const csv = readCsv({ bytes, source });
  if (!csv.ok) return { ok: false, findings: csv.findings };
  if (csv.rows.length === 0) {
    return refuse(source, 'no-rows', `${source} has a header row but no data rows. Upload a file with at least one row below the header.`);
  }
  const columns = csv.header.map((column, i) => ({ name: column, type: inferColumnType(csv.rows.map((r) => r[i])) }));
  const stored = await storeFile({ dataDir: app.config.dataDir, bytes });
  const dataset = await app.repos.datasets.insert({
    name: source, sha256: stored.sha256, sizeBytes: stored.sizeBytes, format: 'csv',
    rowCount: csv.rows.length, columns, uploadedBy: uploadedBy ?? null,
  });
  return { ok: true, dataset, created: true, findings: csv.findings };
}

function refuse(source: string, code: string, message: string): ImportResult {
  return { ok: false, findings: [{ code, severity: 'error', message, location: { source } }] };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
