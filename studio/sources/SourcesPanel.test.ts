import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readerOptionsForm } from '$runtime/ingest/reader-options-form';
import { columnProfiles } from '$runtime/table/profile';
import type { SourceSample } from '$runtime/table/source-sample';
import type { Table } from '$runtime/table/table';
import { tableToWire } from '$runtime/table/table-wire';
import SourcesPanel from './SourcesPanel.svelte';
import type { SourceState } from './source-types';

function sampleOf(table: Table, extra: Partial<SourceSample> = {}): SourceSample {
  return {
    dataset: { id: 'd1', name: 'broker.csv', format: 'csv', sha256: 'a'.repeat(64) },
    format: 'csv', options: {}, ...tableToWire({ table }), totalRows: 1200,
    findings: [], profile: columnProfiles({ table, distinctCap: 2 }), details: { delimiter: ';', header: 'line 2' },
    readerOptions: readerOptionsForm({ format: 'csv' })!, ...extra,
  };
}

const table: Table = {
  rowCount: 3,
  columns: [
    { name: 'Account', type: 'text', dictionary: ['A1', 'B2'], codes: Int32Array.from([0, 1, -1]) },
    { name: 'Qty', type: 'number', values: Float64Array.from([10, -5, 7]) },
  ],
  origin: { datasetId: 'a'.repeat(64), rowNumbers: Int32Array.from([3, 4, 5]) },
};

const datasets = [{ id: 'd1', name: 'broker.csv', format: 'csv', rowCount: 1200 }, { id: 'd2', name: 'ccp.xlsx', format: 'xlsx', rowCount: 40 }];
const source = (over: Partial<SourceState> = {}): SourceState => ({ name: 'left', format: 'csv', options: {}, datasetId: null, sample: null, ...over });
const handlers = () => ({ onDatasetChange: vi.fn(), onOptionsChange: vi.fn(), onFormatChange: vi.fn() });

describe('SourcesPanel', () => {
  afterEach(cleanup);

  it('says what to do when a source has no sample yet, and reports a picked dataset', async () => {
    const h = handlers();
    render(SourcesPanel, { sources: [source()], datasets, ...h });
    expect(screen.getByTestId('sources-empty').textContent).toBe('No sample yet: upload a file or pick a dataset');
    expect(screen.queryByTestId('reader-options')).toBeNull();
    await fireEvent.change(screen.getByTestId('dataset-select'), { target: { value: 'd2' } });
    expect(h.onDatasetChange).toHaveBeenCalledWith({ source: 'left', datasetId: 'd2', format: 'xlsx' });
  });

  it('renders the column profile: type, blanks, distinct (capped as "at least"), examples', () => {
    render(SourcesPanel, { sources: [source({ datasetId: 'd1', sample: sampleOf(table) })], datasets, ...handlers() });
    expect(screen.getByTestId('sample-summary').textContent).toMatch(/showing 3 of 1,200 rows, read as csv · detected delimiter ";", header "line 2"/);
    const account = screen.getByTestId('column-profile').querySelector('tr[data-column="Account"]') as HTMLElement;
    const cells = within(account).getAllByRole('cell').map((c) => c.textContent?.trim());
    expect(cells[0]).toBe('Account');
    expect(cells.slice(2, 5)).toEqual(['1 (33%)', '2', 'A1B2']);
    const qty = screen.getByTestId('column-profile').querySelector('tr[data-column="Qty"]') as HTMLElement;
    expect(within(qty).getAllByRole('cell').map((c) => c.textContent?.trim()).slice(2)).toEqual(['0 (0%)', '≥ 2', '10-57', '-5', '10']);
    expect((within(qty).getByRole('combobox', { name: 'Type of Qty' }) as HTMLSelectElement).value).toBe('');
  });

  it('reports each option change at once, as the whole options object', async () => {
    const h = handlers();
    render(SourcesPanel, { sources: [source({ datasetId: 'd1', options: { encoding: 'utf-8' }, sample: sampleOf(table) })], datasets, ...h });
    const delimiter = screen.getByLabelText('Delimiter') as HTMLInputElement;
    expect(delimiter.placeholder).toBe('detected: ;');
    await fireEvent.change(delimiter, { target: { value: '|' } });
    expect(h.onOptionsChange).toHaveBeenLastCalledWith({ source: 'left', options: { encoding: 'utf-8', delimiter: '|' } });
    await fireEvent.change(screen.getByLabelText('Header line'), { target: { value: '2' } });
    expect(h.onOptionsChange).toHaveBeenLastCalledWith({ source: 'left', options: { encoding: 'utf-8', headerRow: 2 } });
    await fireEvent.change(screen.getByLabelText('Encoding'), { target: { value: '' } });
    expect(h.onOptionsChange).toHaveBeenLastCalledWith({ source: 'left', options: {} });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Type of Qty' }), { target: { value: 'text' } });
    expect(h.onOptionsChange).toHaveBeenLastCalledWith({ source: 'left', options: { encoding: 'utf-8', types: { Qty: 'text' } } });
    await fireEvent.change(screen.getByLabelText('Blank values'), { target: { value: 'N/A, NULL' } });
    expect(h.onOptionsChange).toHaveBeenLastCalledWith({ source: 'left', options: { encoding: 'utf-8', nullValues: ['N/A', 'NULL'] } });
    expect(h.onOptionsChange).toHaveBeenCalledTimes(5);
  });

  it('refuses an out-of-range number in place, without calling back', async () => {
    const h = handlers();
    render(SourcesPanel, { sources: [source({ datasetId: 'd1', sample: sampleOf(table) })], datasets, ...h });
    await fireEvent.change(screen.getByLabelText('Header line'), { target: { value: '0' } });
    expect(h.onOptionsChange).not.toHaveBeenCalled();
    expect(screen.getByText('Header line is at least 1.')).toBeTruthy();
  });

  it('shows the reader findings and switches between sources', async () => {
    const bad = sampleOf({ ...table, rowCount: 0, columns: [] }, {
      findings: [{ code: 'no-such-sheet', severity: 'error', message: 'ccp.xlsx has no sheet "Pos"; its sheets are 1 "Trades". Set the reader option sheet to one of them.', location: { source: 'ccp.xlsx' } }],
      readerOptions: readerOptionsForm({ format: 'xlsx' })!, totalRows: 0, profile: [],
    });
    render(SourcesPanel, { sources: [source({ datasetId: 'd1', sample: sampleOf(table) }), source({ name: 'right', format: 'xlsx', datasetId: 'd2', options: { sheet: 'Pos' }, sample: bad })], datasets, ...handlers() });
    expect(screen.queryByText(/has no sheet/)).toBeNull();
    await fireEvent.click(screen.getByRole('tab', { name: /right/ }));
    expect(screen.getByRole('listitem').textContent).toMatch(/Set the reader option sheet/);
    expect((screen.getByLabelText('Sheet') as HTMLInputElement).value).toBe('Pos');
    expect(screen.queryByTestId('column-profile')).toBeNull();
  });

  it('is read-only for shipped templates and viewers, who can still preview over a file of theirs', () => {
    render(SourcesPanel, { sources: [source({ datasetId: 'd1', sample: sampleOf(table) })], datasets, readOnly: true, canUpload: false, ...handlers() });
    expect((screen.getByLabelText('Delimiter') as HTMLInputElement).disabled).toBe(true);
    // Choosing the sample changes no template: it is what the preview runs over.
    expect((screen.getByTestId('dataset-select') as HTMLSelectElement).disabled).toBe(false);
    expect(screen.queryByTestId('upload-input')).toBeNull();
  });
});
