import * as XLSX from '@e965/xlsx';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app/open-app';
import { openTestApp } from '../app/testing';
import { importDataset } from './import-dataset';
import { readDatasetPage } from './read-dataset';

const bytes = (s: string) => new TextEncoder().encode(s);
const storedFiles = async (app: App) => readdir(path.join(app.config.dataDir, 'files')).catch(() => [] as string[]);

describe('importDataset', () => {
  let app: App;
  beforeAll(async () => { app = await openTestApp({ env: { MAX_UPLOAD_MB: '1' } }); });
  afterAll(async () => { await app?.close(); });

  it('stores a CSV by content hash with its row count and column types, and reads it back', async () => {
    const result = await importDataset({ app, name: 'positions.csv', bytes: bytes('account,qty,price,trade_date\nA,10,"1,234.50",2026-11-20\nB,-5,(12.00),2026-11-21\n') });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset).toMatchObject({ name: 'positions.csv', rowCount: 2, format: 'csv' });
    expect(result.dataset.columns).toEqual([
      { name: 'account', type: 'text' }, { name: 'qty', type: 'number' },
      { name: 'price', type: 'number' }, { name: 'trade_date', type: 'date' },
    ]);
    expect(await storedFiles(app)).toEqual([result.dataset.sha256]);
    const page = await readDatasetPage({ app, id: result.dataset.id, offset: 1, limit: 10 });
    expect(page).toEqual({ columns: ['account', 'qty', 'price', 'trade_date'], rows: [['B', '-5', '(12.00)', '2026-11-21']], offset: 1, total: 2 });
  });

  it.each([
    ['binary', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]), /binary file, not CSV/],
    ['empty', new Uint8Array(), /is empty/],
    ['header only', bytes('a,b,c\n'), /no data rows/],
    ['too large', new Uint8Array(1024 * 1024 + 1).fill(0x61), /limit is 1\.0 MB/],
  ])('refuses a %s upload and leaves nothing behind', async (_label, input, message) => {
    const before = { datasets: await app.repos.datasets.count(), files: (await storedFiles(app)).length };
    const result = await importDataset({ app, name: 'bad.csv', bytes: input });
    expect(result.ok).toBe(false);
    expect(result.findings[0].message).toMatch(message);
    expect(result.findings[0].location.source).toBe('bad.csv');
    expect({ datasets: await app.repos.datasets.count(), files: (await storedFiles(app)).length }).toEqual(before);
  });

  it('imports Excel, JSON and XML through the reader registry and records the real format', async () => {
    const book = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet([['Account', 'Trade', null], [null, 'Date', 'Price'], ['A', 46345, 1234.5]]);
    ws['!merges'] = [{ s: { r: 0, c: 1 }, e: { r: 0, c: 2 } }];
    ws.B3.z = 'dd/mm/yyyy';
    XLSX.utils.book_append_sheet(book, ws, 'Blotter');
    const xlsx = await importDataset({ app, name: 'blotter.xlsx', bytes: new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' })) });
    if (!xlsx.ok) throw new Error(JSON.stringify(xlsx.findings));
    expect(xlsx.dataset).toMatchObject({ format: 'xlsx', rowCount: 1, columns: [{ name: 'Account', type: 'text' }, { name: 'Trade Date', type: 'date' }, { name: 'Trade Price', type: 'number' }] });
    expect(await readDatasetPage({ app, id: xlsx.dataset.id, offset: 0, limit: 5 })).toEqual({ columns: ['Account', 'Trade Date', 'Trade Price'], rows: [['A', '19/11/2026', '1234.5']], offset: 0, total: 1 });

    const json = await importDataset({ app, name: 'trades.json', bytes: bytes(JSON.stringify({ data: [{ id: 'T1', px: 1.5 }, { id: 'T2', px: 2 }] })) });
    expect(json).toMatchObject({ ok: true, dataset: { format: 'json', rowCount: 2, columns: [{ name: 'id', type: 'text' }, { name: 'px', type: 'number' }] } });
    const xml = await importDataset({ app, name: 'report.xml', bytes: bytes('<r><Tx id="1"><Px>1.5</Px></Tx><Tx id="2"><Px>2</Px></Tx></r>') });
    expect(xml).toMatchObject({ ok: true, dataset: { format: 'xml', rowCount: 2 } });
  });

  it('refuses a hostile XML and stores nothing', async () => {
    const before = await app.repos.datasets.count();
    const result = await importDataset({ app, name: 'xxe.xml', bytes: bytes('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>') });
    expect(result).toMatchObject({ ok: false, findings: [{ code: 'xml-external-entity', severity: 'error' }] });
    expect(await app.repos.datasets.count()).toBe(before);
  });

  it('keeps one copy of identical bytes uploaded twice, and reuses it when asked to', async () => {
    const body = bytes('k\n1\n');
    const first = await importDataset({ app, name: 'one.csv', bytes: body });
    const second = await importDataset({ app, name: 'two.csv', bytes: body });
    const seeded = await importDataset({ app, name: 'three.csv', bytes: body, onlyIfNew: true });
    if (!first.ok || !second.ok || !seeded.ok) throw new Error('expected uploads to succeed');
    expect(second.dataset.sha256).toBe(first.dataset.sha256);
    expect(seeded).toMatchObject({ created: false, dataset: { id: first.dataset.id } });
    expect((await storedFiles(app)).filter((f) => f === first.dataset.sha256)).toHaveLength(1);
  });

  it('returns undefined for a page of a dataset that does not exist', async () => {
    expect(await readDatasetPage({ app, id: '00000000-0000-0000-0000-000000000000', offset: 0, limit: 1 })).toBeUndefined();
  });
});
