import type { App } from '../app/open-app';
import { bytesSource } from '../ingest/byte-source';
import { ingest } from '../ingest/ingest';
import { readStoredFile } from '../store/file-store';
import { tableTextRows } from '../table/table-text';

export interface DatasetPage {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly offset: number;
  readonly total: number;
}

/** Every column as text: the grid shows cells as the file wrote them ("1,234.50", "(12.00)"). */
const AS_WRITTEN = { types: { '*': 'text' } };

/**
 * A page of a dataset's rows, read back from its stored bytes (the bytes are the truth) by the
 * reader of the dataset's format. Readers whose options cannot keep text as written (a fixed
 * column set, like FpML's) are read typed and shown as the Table's text.
 */
export async function readDatasetPage({ app, id, offset, limit }: { app: App; id: string; offset: number; limit: number }): Promise<DatasetPage | undefined> {
  const dataset = await app.repos.datasets.get(id);
  if (!dataset) return undefined;
  const bytes = await readStoredFile({ dataDir: app.config.dataDir, sha256: dataset.sha256 });
  const source = bytesSource({ name: dataset.name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  let result = await ingest({ source, format: dataset.format, options: AS_WRITTEN });
  if (result.findings.some((f) => f.code === 'bad-reader-option')) result = await ingest({ source, format: dataset.format });
  const table = result.table;
  if (!table) return { columns: dataset.columns.map((c) => c.name), rows: [], offset, total: 0 };
  return {
    columns: table.columns.map((c) => c.name),
    rows: tableTextRows({ table, offset, limit }),
    offset,
    total: table.rowCount,
  };
}
