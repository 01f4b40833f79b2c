import * as XLSX from '@e965/xlsx';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main';
import { runCli } from '../testing';

let dir: string;

async function run(argv: string[], { tty = false } = {}) {
  return runCli({ argv, cwd: dir, tty });
}

describe('opspilot ingest', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-ingest-'));
    await writeFile(path.join(dir, 'positions.csv'), 'account,qty,price,trade_date\nA,10,"1,234.50",2026-11-20\nB,-5,(12.00),2026-11-21\nC,1\n');
    await writeFile(path.join(dir, 'junk.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    await writeFile(path.join(dir, 'report.xml'), '<r><Hdr><Dt>x</Dt></Hdr><Tx id="1"><Px>1.5</Px></Tx><Tx id="2"><Px>2</Px></Tx></r>');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['x'], [1]]), 'First');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Symbol', 'Px'], ['ESZ6', 6012.25]]), 'Prices');
    await writeFile(path.join(dir, 'book.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('prints the summary, the profile and the findings; exit 0 when nothing is an error', async () => {
    const { code, out } = await run(['ingest', 'positions.csv']);
    expect(code).toBe(0);
    expect(out).toMatch(/^positions\.csv: csv, 3 rows × 4 columns \(delimiter ",", encoding utf-8, header line 1\)/);
    expect(out).toMatch(/price\s+number\s+1\s+2\s+-12\s+1234\.5/);
    expect(out).toMatch(/trade_date\s+date\s+1\s+2\s+2026-11-20\s+2026-11-21/);
    expect(out).toContain('warning positions.csv, line 4: Line 4 has 2 fields but the header has 4');
  });

  it('writes the table as CSV or JSON with --out', async () => {
    expect((await run(['ingest', 'positions.csv', '--out', 'out.csv'])).code).toBe(0);
    expect(await readFile(path.join(dir, 'out.csv'), 'utf8')).toBe('account,qty,price,trade_date\r\nA,10,1234.5,2026-11-20\r\nB,-5,-12,2026-11-21\r\nC,1,,\r\n');
    await run(['ingest', 'positions.csv', '--out', 'out.json']);
    expect(JSON.parse(await readFile(path.join(dir, 'out.json'), 'utf8'))[1]).toEqual({ account: 'B', qty: -5, price: -12, trade_date: '2026-11-21' });
  });

  it('prints one JSON object with --json', async () => {
    const { code, out } = await run(['ingest', 'positions.csv', '--json', '--type', 'qty=text']);
    expect(code).toBe(0);
    const body = JSON.parse(out);
    expect(body).toMatchObject({ ok: true, file: 'positions.csv', format: 'csv', rows: 3, details: { delimiter: ',' } });
    expect(body.columns.map((c: { type: string }) => c.type)).toEqual(['text', 'text', 'number', 'date']);
    expect(body.findings[0]).toMatchObject({ code: 'ragged-row', location: { source: 'positions.csv', row: 4 } });
  });

  it('passes --sheet and --row-path to the readers they belong to', async () => {
    const sheet = JSON.parse((await run(['ingest', 'book.xlsx', '--sheet', 'Prices', '--json'])).out);
    expect(sheet).toMatchObject({ format: 'xlsx', rows: 1, details: { sheet: 'Prices' } });
    expect(JSON.parse((await run(['ingest', 'book.xlsx', '--sheet', '2', '--json'])).out).details.sheet).toBe('Prices');
    const xml = JSON.parse((await run(['ingest', 'report.xml', '--row-path', 'r/Tx', '--json'])).out);
    expect(xml).toMatchObject({ format: 'xml', rows: 2, details: { rowPath: 'r/Tx' } });
  });

  it('exits 1 when the file is refused (error findings)', async () => {
    const { code, out } = await run(['ingest', 'junk.csv']);
    expect(code).toBe(1);
    expect(out).toContain('junk.csv: csv, not read');
    expect(out).toMatch(/error\s+junk\.csv: junk\.csv looks like a binary file, not CSV/);
    expect((await run(['ingest', 'book.xlsx', '--sheet', 'Nope'])).code).toBe(1);
  });

  it('exits 2 on usage and input errors', async () => {
    expect((await run(['ingest'])).code).toBe(2);
    const missing = await run(['ingest', 'nope.csv']);
    expect(missing).toMatchObject({ code: 2, err: 'No such file: nope.csv\n' });
    const format = await run(['ingest', 'positions.csv', '--format', 'span']);
    expect(format.code).toBe(2);
    expect(format.err).toMatch(/Unknown format "span": the formats are csv, xlsx, json, xml, fpml/);
    expect((await run(['ingest', 'positions.csv', '--sheet', 'S'])).err).toMatch(/--sheet does not apply to csv files/);
    expect((await run(['ingest', 'positions.csv', '--out', 'x.txt'])).code).toBe(2);
    expect((await run(['ingest', 'positions.csv', '--type', 'qty=money'])).code).toBe(2);
  });

  it('draws a progress bar on stderr only when it is a terminal', async () => {
    expect((await run(['ingest', 'positions.csv'])).err).toBe('');
    const tty = await run(['ingest', 'positions.csv'], { tty: true });
    expect(tty.err).toContain('ingest');
    expect(tty.err).toContain('\r\x1b[K');
  });
});
