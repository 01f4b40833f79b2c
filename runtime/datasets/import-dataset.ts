import type { App } from '../app/open-app';
import { bytesSource } from '../ingest/byte-source';
import type { Finding } from '../ingest/finding';
import { ingest } from '../ingest/ingest';
import type { DatasetSummary } from '../store/repositories/datasets';
import { storeFile, sha256Hex } from '../store/file-store';

export type ImportResult =
  | { readonly ok: true; readonly dataset: DatasetSummary; readonly created: boolean; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/**
 * An uploaded file becomes a dataset: read first by whichever reader the registry detects
 * (CSV and other delimited text, Excel, JSON, XML), and only a file that reads is stored
 * (bytes by content hash, then its row, with the reader's format and column types). A refused
 * file leaves nothing behind.
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
  const result = await ingest({ source: bytesSource({ name: source, bytes }), limits: { maxBytes: app.config.maxUploadBytes } });
  if (!result.table || !result.format) return { ok: false, findings: result.findings };
  if (result.table.rowCount === 0) {
    return refuse(source, 'no-rows', `${source} has a header row but no data rows. Upload a file with at least one row below the header.`);
  }
  const columns = result.profile.map((p) => ({ name: p.name, type: p.type }));
  const stored = await storeFile({ dataDir: app.config.dataDir, bytes });
  const dataset = await app.repos.datasets.insert({
    name: source, sha256: stored.sha256, sizeBytes: stored.sizeBytes, format: result.format,
    rowCount: result.table.rowCount, columns, uploadedBy: uploadedBy ?? null,
  });
  return { ok: true, dataset, created: true, findings: result.findings };
}

function refuse(source: string, code: string, message: string): ImportResult {
  return { ok: false, findings: [{ code, severity: 'error', message, location: { source } }] };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
