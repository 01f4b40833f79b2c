import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from './columns';
import { concatTables, folderDatasetId, readFpmlFiles, SOURCE_FILE_COLUMN } from './folder';
import { readFpmlBytes } from './reader';
import { fileSource } from '../byte-source';
import { rowOf, SHARED_FIXTURES, textSource as bytesSource, xmlFilesUnder } from './test-sources';

const FPML = join(SHARED_FIXTURES, 'fpml');
const DRR = join(SHARED_FIXTURES, 'regulatory/samples/emir-refit-drr/fpml-input');
const two = `<dataDocument xmlns="http://www.fpml.org/FpML-5/confirmation">${['T1', 'T2'].map((id) => `<trade><tradeHeader><partyTradeIdentifier><tradeId>${id}</tradeId></partyTradeIdentifier><tradeDate>2024-01-02</tradeDate></tradeHeader><fra><notional><currency>EUR</currency><amount>5</amount></notional><fixedRate>0.03</fixedRate></fra></trade>`).join('')}</dataDocument>`;

describe('readFpmlFiles: a folder of FpML files', () => {
  it('reads every shared fixture into one table, one row per trade, with no findings', async () => {
    const sources = await Promise.all([...xmlFilesUnder(FPML), ...xmlFilesUnder(DRR)].map((filePath) => fileSource({ filePath })));
    const result = await readFpmlFiles({ sources });
    expect(result.findings).toEqual([]);
    expect(result.files).toHaveLength(50);
    expect(result.table!.rowCount).toBe(50);
    expect(result.datasetIds).toEqual(sources.map((s) => s.sha256));
    expect(result.table!.origin.datasetId).toBe(folderDatasetId(sources.map((s) => s.sha256)));
    const productTypes = new Set(Array.from({ length: 50 }, (_, r) => rowOf(result.table!, r)['Product Type']));
    expect([...productTypes].sort()).toEqual([
      'Basis Swap', 'CDS', 'CDS Index', 'Cap', 'Commodity Swap', 'Cross Currency Swap', 'Equity Option', 'Equity Swap',
      'FRA', 'FX Forward', 'FX NDF', 'FX Option', 'FX Spot', 'FX Swap', 'IRS', 'OIS', 'Swaption',
    ]);
  });

  it('keeps per-row lineage: Source File, the trade index within its file, the file hash', async () => {
    const good = bytesSource('two.xml', two);
    const spot = await fileSource({ filePath: join(FPML, 'fpml-5-13-confirmation/fx/fx-ex01-fx-spot.xml') });
    const broken = bytesSource('broken.xml', '<dataDocument xmlns="http://www.fpml.org/FpML-5/confirmation"><trade>');
    const result = await readFpmlFiles({ sources: [good, broken, spot] });
    const table = result.table!;
    expect(table.columns.map((c) => c.name)).toEqual([SOURCE_FILE_COLUMN, ...COLUMNS.map((c) => c.name)]);
    expect(table.rowCount).toBe(3);
    expect([0, 1, 2].map((r) => rowOf(table, r)[SOURCE_FILE_COLUMN])).toEqual(['two.xml', 'two.xml', 'fx-ex01-fx-spot.xml']);
    expect([0, 1, 2].map((r) => rowOf(table, r)['Trade ID'])).toEqual(['T1', 'T2', 'CITI123']);
    expect(table.origin.rowNumbers).toEqual(Int32Array.of(1, 2, 1));
    expect(result.datasetIds).toEqual([good.sha256, good.sha256, spot.sha256]);
    expect(result.files.map((f) => [f.name, f.rowCount])).toEqual([['two.xml', 2], ['broken.xml', 0], ['fx-ex01-fx-spot.xml', 1]]);
    expect(result.findings).toMatchObject([{ code: 'fpml-truncated', severity: 'error', location: { source: 'broken.xml' } }]);
    // Text dictionaries are merged; numbers and blanks survive the concatenation.
    expect(rowOf(table, 0)).toMatchObject({ 'Product Type': 'FRA', 'Fixed Rate': 0.03, 'Notional 1': 5, 'Currency 1': 'EUR' });
    expect(rowOf(table, 2)).toMatchObject({ 'Product Type': 'FX Spot', 'Fixed Rate': undefined, 'Currency 1': 'GBP', 'Exchange Rate': 1.48 });
    expect(result.profile.find((p) => p.name === SOURCE_FILE_COLUMN)).toMatchObject({ distinct: 2, nulls: 0 });
  });

  it('returns findings and no table when no file can be read', async () => {
    const result = await readFpmlFiles({ sources: [bytesSource('a.xml', 'not xml'), bytesSource('b.xml', '')] });
    expect(result.table).toBeUndefined();
    expect(result.findings.map((f) => `${f.location.source} ${f.code}`)).toEqual(['a.xml fpml-not-xml', 'b.xml fpml-empty']);
  });
});

describe('concatTables', () => {
  it('refuses tables whose columns differ (a programming error)', () => {
    const a = readFpmlBytes({ bytes: new TextEncoder().encode(two), name: 'a', datasetId: 'a' }).table!;
    const b = { ...a, columns: a.columns.slice(1) };
    expect(() => concatTables([{ table: a, sourceName: 'a' }, { table: b, sourceName: 'b' }])).toThrow(/different columns/);
  });
});
