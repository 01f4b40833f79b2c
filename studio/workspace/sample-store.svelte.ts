/**
 * The editor's samples: which uploaded dataset each template source previews over, the sample
 * read with the source's format and reader options, and that sample as a Table for the preview.
 * The choice of dataset is the person's, not the template's, so it lives in this browser
 * (localStorage, per template) rather than in the template document.
 */
import type { SourceSample } from '$runtime/table/source-sample';
import { tableFromWire } from '$runtime/table/table-wire';
import type { Table } from '$runtime/table/table';
import type { TemplateDraft } from '$studio/editor/template-draft';
import type { DatasetChoice, SourceState } from '$studio/sources/source-types';
import type { UploadedDataset } from '$studio/sources/upload-dataset';
import { api } from '$lib/trpc';

/** Rows a sample carries: enough to see patterns, small enough that each edit previews instantly. */
export const SAMPLE_ROWS = 10_000;

export function createSampleStore({ templateId, doc }: { templateId: string; doc: () => TemplateDraft }) {
  const storageKey = `opspilot:samples:${templateId}`;
  const chosen: Record<string, string> = $state({});
  // Raw: a sample's column arrays must not become deep proxies (10k rows × columns).
  let samples: Readonly<Record<string, SourceSample | null>> = $state.raw({});
  const loadingBy: Record<string, boolean> = $state({});
  const errors: Record<string, string | null> = $state({});
  const uploadedDatasets: DatasetChoice[] = $state([]);
  const tables = new WeakMap<SourceSample, Table>();
  const requests: Record<string, number> = {};

  function persist() {
    try {
      localStorage.setItem(storageKey, JSON.stringify(chosen));
    } catch {
      // Private mode or a full quota: the choice just is not remembered.
    }
  }

  async function fetchSample(source: string) {
    const datasetId = chosen[source];
    const s = doc().sources.find((x) => x.name === source);
    if (!datasetId || !s) return;
    const request = (requests[source] = (requests[source] ?? 0) + 1);
    loadingBy[source] = true;
    errors[source] = null;
    try {
      const sample = await api.datasets.sample.query({ datasetId, format: s.format, options: (s.options ?? {}) as Record<string, unknown>, limit: SAMPLE_ROWS });
      if (request === requests[source]) samples = { ...samples, [source]: sample };
    } catch (e) {
      if (request === requests[source]) errors[source] = `The sample could not be read: ${(e as Error).message}. Pick the file again, or check the Data page.`;
    } finally {
      if (request === requests[source]) loadingBy[source] = false;
    }
  }

  return {
    get states(): SourceState[] {
      return doc().sources.map((s) => ({
        name: s.name, format: s.format, options: (s.options ?? {}) as Record<string, unknown>,
        datasetId: chosen[s.name] ?? null, sample: samples[s.name] ?? null, loading: loadingBy[s.name] ?? false, error: errors[s.name] ?? null,
      }));
    },
    /** Restores the remembered choices and reads their samples. */
    async restore() {
      let remembered: Record<string, string> = {};
      try {
        remembered = JSON.parse(localStorage.getItem(storageKey) ?? '{}');
      } catch {
        remembered = {};
      }
      const names = new Set(doc().sources.map((s) => s.name));
      await Promise.all(Object.entries(remembered).filter(([s]) => names.has(s)).map(([s, id]) => {
        chosen[s] = id;
        return fetchSample(s);
      }));
    },
    choose({ source, datasetId }: { source: string; datasetId: string }) {
      chosen[source] = datasetId;
      persist();
      void fetchSample(source);
    },
    reload: (source: string) => void fetchSample(source),
    uploaded({ source, dataset }: { source: string; dataset: UploadedDataset }) {
      uploadedDatasets.push({ id: dataset.id, name: dataset.name, format: dataset.format, rowCount: dataset.rowCount });
      this.choose({ source, datasetId: dataset.id });
    },
    datasets(base: readonly DatasetChoice[]): DatasetChoice[] {
      const seen = new Set(base.map((d) => d.id));
      return [...uploadedDatasets.filter((d) => !seen.has(d.id)), ...base];
    },
    loading: (source: string) => loadingBy[source] ?? false,
    table(source: string): Table | undefined {
      const sample = samples[source];
      if (!sample) return undefined;
      let table = tables.get(sample);
      if (!table) tables.set(sample, (table = tableFromWire({ wire: sample })));
      return table;
    },
    /** Each loaded source's column names: what formulas can read. */
    columnNames(): Record<string, string[]> {
      return Object.fromEntries(Object.entries(samples).flatMap(([s, sample]) => (sample ? [[s, sample.columns.map((c) => c.name)]] : [])));
    },
  };
}
