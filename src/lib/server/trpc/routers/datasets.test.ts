import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '$runtime/app/open-app';
import { openTestApp } from '$runtime/app/testing';
import { importDataset } from '$runtime/datasets/import-dataset';
import { createLogger } from '$runtime/observability/logger';
import { cellValue, originOf } from '$runtime/table/table';
import { tableFromWire } from '$runtime/table/table-wire';
import { createCaller } from '../router';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('datasets.sample', () => {
  let app: App;
  const ids: Record<string, string> = {};
  const viewer = () => createCaller({ app, log: createLogger({ level: 'silent' }), requestId: 't', user: { id: null, name: 'v', role: 'viewer' } });

  async function stored(name: string, body: Uint8Array) {
    const result = await importDataset({ app, name, bytes: body });
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    ids[name] = result.dataset.id;
  }

  beforeAll(async () => {
    app = await openTestApp();
    await stored('eu-broker.csv', bytes('Statement 2026-11-20\nAccount;Qty;Price;Trade Date\nA1;10;101.5;20/11/2026\nB2;-5;99.25;21/11/2026\nA1;;100;22/11/2026\n'));
    const rows = ['id,px,side', ...Array.from({ length: 2500 }, (_, i) => `T${i},${(i * 0.25).toFixed(2)},${i % 2 ? 'SELL' : 'BUY'}`)];
    await stored('trades.csv', bytes(`${rows.join('\n')}\n`));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Notes'], ['Prepared by ops']]), 'Cover');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Trade', 'Qty'], ['T1', 5], ['T2', 7]]), 'Trades');
    await stored('blotter.xlsx', new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' })));
    await stored('report.xml', bytes('<Doc><Rpt><Tx id="1"><Px>1.5</Px></Tx><Tx id="2"><Px>2</Px></Tx></Rpt></Doc>'));
  });
  afterAll(async () => { await app?.close(); });

  it('reads with the detected options by default and gives a typed, profiled sample with the option form', async () => {
    const s = await viewer().datasets.sample({ datasetId: ids['eu-broker.csv'] });
    expect(s).toMatchObject({ format: 'csv', rowCount: 3, totalRows: 3, details: { delimiter: ';', header: 'line 2' }, readerOptions: { format: 'csv' } });
    expect(s.columns.map((c) => [c.name, c.type])).toEqual([['Account', 'text'], ['Qty', 'number'], ['Price', 'number'], ['Trade Date', 'date']]);
    expect(s.findings).toEqual([expect.objectContaining({ code: 'lines-before-header', location: { source: 'eu-broker.csv', row: 2 } })]);
    expect(s.profile.find((p) => p.name === 'Qty')).toMatchObject({ type: 'number', nulls: 1, distinct: 2, min: -5, max: 10 });
    expect(s.profile.find((p) => p.name === 'Trade Date')).toMatchObject({ minText: '2026-11-20', maxText: '2026-11-22', examples: ['2026-11-20', '2026-11-21', '2026-11-22'] });
    expect(s.readerOptions.fields.map((f) => f.name)).toContain('delimiter');
    const table = tableFromWire({ wire: s });
    expect([cellValue(table.columns[2], 0), originOf(table, 0).rowNumber, originOf(table, 2).rowNumber]).toEqual([101.5, 3, 5]);
  });

  it('re-reads the stored bytes when options change the parse: delimiter and header line', async () => {
    const commas = await viewer().datasets.sample({ datasetId: ids['eu-broker.csv'], options: { delimiter: ',' } });
    expect(commas.columns.map((c) => c.name)).not.toEqual(['Account', 'Qty', 'Price', 'Trade Date']);
    expect(commas.details).toMatchObject({ delimiter: ',' });
    const header3 = await viewer().datasets.sample({ datasetId: ids['eu-broker.csv'], options: { delimiter: 'semicolon', header: true, headerRow: 3 } });
    expect(header3.columns.map((c) => c.name)).toEqual(['A1', '10', '101.5', '20/11/2026']);
    expect(header3.rowCount).toBe(2);
    const typed = await viewer().datasets.sample({ datasetId: ids['eu-broker.csv'], options: { types: { Qty: 'text' } } });
    expect(typed.columns.find((c) => c.name === 'Qty')?.type).toBe('text');
  });

  it('turns bad options into findings with the remedy, never a server error', async () => {
    const unknown = await viewer().datasets.sample({ datasetId: ids['eu-broker.csv'], options: { delimitr: ';' } });
    expect(unknown).toMatchObject({ rowCount: 0, totalRows: 0, columns: [], profile: [], findings: [{ code: 'bad-reader-option', message: expect.stringMatching(/unknown option `delimitr`.*It takes `delimiter`/) }] });
    expect(unknown.readerOptions.fields.length).toBeGreaterThan(0);
    const sheet = await viewer().datasets.sample({ datasetId: ids['blotter.xlsx'], options: { sheet: 'Positions' } });
    expect(sheet.findings).toEqual([expect.objectContaining({ code: 'no-such-sheet', message: expect.stringMatching(/its sheets are .*"Cover".*"Trades".*Set the reader option sheet/) })]);
    const rowPath = await viewer().datasets.sample({ datasetId: ids['report.xml'], options: { rowPath: 'Doc/Rpt/Trade' } });
    expect(rowPath.findings[0]).toMatchObject({ code: 'no-rows-at-path', severity: 'error' });
    const pastEnd = await viewer().datasets.sample({ datasetId: ids['eu-broker.csv'], options: { headerRow: 40 } });
    expect(pastEnd.findings.at(-1)).toMatchObject({ code: 'no-rows-with-options', severity: 'warning', message: expect.stringMatching(/Check `headerRow`/) });
  });

  it('picks a sheet by name or position, and an XML row path', async () => {
    const byName = await viewer().datasets.sample({ datasetId: ids['blotter.xlsx'], options: { sheet: 'Trades' } });
    expect(byName).toMatchObject({ format: 'xlsx', rowCount: 2, details: expect.objectContaining({ sheet: 'Trades' }) });
    expect(byName.columns.map((c) => c.name)).toEqual(['Trade', 'Qty']);
    expect((await viewer().datasets.sample({ datasetId: ids['blotter.xlsx'], options: { sheet: 1 } })).columns.map((c) => c.name)).toEqual(['Notes']);
    const xml = await viewer().datasets.sample({ datasetId: ids['report.xml'], options: { rowPath: 'Doc/Rpt/Tx' } });
    expect(xml).toMatchObject({ rowCount: 2, format: 'xml' });
  });

  it('limits the rows it sends but profiles and counts them all', async () => {
    const s = await viewer().datasets.sample({ datasetId: ids['trades.csv'], limit: 100 });
    expect(s).toMatchObject({ rowCount: 100, totalRows: 2500, origin: { rowRuns: [2, 100] } });
    expect(s.columns.find((c) => c.name === 'id')).toMatchObject({ dictionary: expect.any(Array) });
    expect(s.profile.find((p) => p.name === 'id')).toMatchObject({ distinct: 2500, nulls: 0 });
    expect(s.profile.find((p) => p.name === 'side')).toMatchObject({ distinct: 2, examples: ['BUY', 'SELL'] });
    // Another reader than the dataset's own can be asked for (a .txt that is really JSON, say).
    const asJson = await viewer().datasets.sample({ datasetId: ids['trades.csv'], format: 'json' });
    expect(asJson).toMatchObject({ format: 'json', rowCount: 0, readerOptions: { format: 'json' } });
    expect(asJson.findings[0].severity).toBe('error');
  });

  it('refuses unknown datasets, formats and oversized limits', async () => {
    await expect(viewer().datasets.sample({ datasetId: '00000000-0000-0000-0000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/Data page/) });
    await expect(viewer().datasets.sample({ datasetId: ids['trades.csv'], limit: 100_001 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(viewer().datasets.sample({ datasetId: ids['trades.csv'], format: 'pdf' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
