import type { App } from '../app/open-app';
import { readCsv } from '../ingest/csv-reader';
import { readStoredFile } from '../store/file-store';

export interface DatasetPage {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly offset: number;
  readonly total: number;
}

/** A page of a dataset's rows, read back from its stored bytes (the bytes are the truth). */
export async function readDatasetPage({ app, id, offset, limit }: { app: App; id: string; offset: number; limit: number }): Promise<DatasetPage | undefined> {
  const dataset = await app.repos.datasets.get(id);
  if (!dataset) return undefined;
  const bytes = await readStoredFile({ dataDir: app.config.dataDir, sha256: dataset.sha256 });
  const csv = readCsv({ bytes, source: dataset.name });
  return { columns: csv.header, rows: csv.rows.slice(offset, offset + limit), offset, total: csv.rows.length };
}
