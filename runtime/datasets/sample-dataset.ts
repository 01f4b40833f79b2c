import type { App } from '../app/open-app';
import type { Finding } from '../finding';
import { bytesSource } from '../ingest/byte-source';
import { ingest } from '../ingest/ingest';
import { readerOptionsForm } from '../ingest/reader-options-form';
import { readStoredFile } from '../store/file-store';
import { columnProfiles } from '../table/profile';
import type { SourceSample } from '../table/source-sample';
import { tableToWire } from '../table/table-wire';

export const DEFAULT_SAMPLE_ROWS = 10_000;
export const MAX_SAMPLE_ROWS = 100_000;

/**
 * A stored dataset read again with the reader options a template source gives, for the Sources
 * panel: the first `limit` rows, the profile of every row read, the findings. The bytes are the
 * truth, so changing an option (delimiter, header line, sheet, row path…) re-reads them.
 * Bad options are findings with the remedy (the readers write those), never an exception; a read
 * that yields no rows says which options to look at.
 */
export async function sampleDataset({ app, datasetId, format, options = {}, limit = DEFAULT_SAMPLE_ROWS }: {
  app: App; datasetId: string; format?: string; options?: Readonly<Record<string, unknown>>; limit?: number;
}): Promise<SourceSample | undefined> {
  const dataset = await app.repos.datasets.get(datasetId);
  if (!dataset) return undefined;
  const bytes = await readStoredFile({ dataDir: app.config.dataDir, sha256: dataset.sha256 });
  const source = bytesSource({ name: dataset.name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  const chosen = format ?? dataset.format;
  const result = await ingest({ source, format: chosen, options, limits: { maxBytes: app.config.maxUploadBytes } });
  const form = readerOptionsForm({ format: result.format ?? chosen }) ?? { format: chosen, fields: [] };
  const table = result.table;
  const findings: Finding[] = [...result.findings];
  if (table && table.rowCount === 0) findings.push(noRows(dataset.name, form.fields.map((f) => f.name)));
  const empty = { rowCount: 0, columns: [], origin: { datasetId: dataset.sha256, rowRuns: [] } };
  return {
    dataset: { id: dataset.id, name: dataset.name, format: dataset.format, sha256: dataset.sha256 },
    format: result.format ?? chosen,
    options,
    ...(table ? tableToWire({ table, limit: Math.min(limit, MAX_SAMPLE_ROWS) }) : empty),
    totalRows: table?.rowCount ?? 0,
    findings,
    profile: table ? columnProfiles({ table }) : [],
    details: result.details ?? {},
    readerOptions: form,
  };
}

function noRows(source: string, optionNames: readonly string[]): Finding {
  const hints = ['headerRow', 'sheet', 'rowPath', 'path'].filter((n) => optionNames.includes(n)).map((n) => `\`${n}\``);
  return {
    code: 'no-rows-with-options', severity: 'warning',
    message: `${source} gives no data rows with these reader options.${hints.length ? ` Check ${hints.join(' and ')}: the header or row path may point past the data.` : ''}`,
    location: { source },
  };
}
