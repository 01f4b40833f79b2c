import * as XLSX from '@e965/xlsx';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main';
import { runCli } from '../testing';

let dir: string;

async function run(argv: string[], options: { tty?: boolean } = {}) {
  return runCli({ argv: ['recon', ...argv], cwd: dir, tty: options.tty });
}

const json = (out: string) => {
  const lines = out.trim().split('\n');
  expect(lines).toHaveLength(1);
  const { duration_ms, ...rest } = JSON.parse(lines[0]);
  expect(typeof duration_ms).toBe('number');
  return rest;
};

const HEADER = 'account,product,price,qty,cash,trade_date,desk';

describe('opspilot recon', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-recon-'));
    const files: Record<string, string[]> = {
      'left.csv': [HEADER, 'A1,ES,5300.25,10,100.00,2026-11-19,Rates', 'A1,ZN,110.5,5,200.00,2026-11-19,Rates', 'A2,ES,5300.00,3,50.00,2026-11-20,Equity'],
      'same.csv': [HEADER, 'A2,ES,5300.00,3,50.00,2026-11-20,Equity', 'A1,ES,5300.25,10,100.00,2026-11-19,Rates', 'A1,ZN,110.5,5,200.00,2026-11-19,Rates'],
      // ES one tick off; ZN price off 1/64 (half a tick) and cash off 0.04; A2 missing; A3 extra.
      'right.csv': [HEADER, 'A1,ES,5300.00,10,100.00,2026-11-19,rates ', 'A1,ZN,110.515625,5,200.04,2026-11-20,Rates', 'A3,ES,5300.00,1,10.00,2026-11-20,Equity'],
      'ticks.csv': ['product,tick_size', 'ES,0.25', 'ZN,0.03125'],
    };
    for (const [name, lines] of Object.entries(files)) await writeFile(path.join(dir, name), `${lines.join('\n')}\n`);
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('exits 0 when the files match, whatever the row order', async () => {
    const { code, out } = await run(['--left', 'left.csv', '--right', 'same.csv', '--on', 'account,product', '--json']);
    expect(code).toBe(0);
    expect(json(out)).toEqual({ common: 3, only_left: 0, only_right: 0, unequal_rows: 0, by_column: { price: 0, qty: 0, cash: 0, trade_date: 0, desk: 0 } });
  });

  it('exits 1 on breaks with datacompy counts per column', async () => {
    const { code, out } = await run(['--left', 'left.csv', '--right', 'right.csv', '--on', 'account,product', '--json']);
    expect(code).toBe(1);
    expect(json(out)).toEqual({ common: 2, only_left: 1, only_right: 1, unequal_rows: 2, by_column: { price: 2, qty: 0, cash: 1, trade_date: 1, desk: 1 } });
  });

  it('prints a readable summary without --json', async () => {
    const { code, out } = await run(['--left', 'left.csv', '--right', 'right.csv', '--on', 'account,product']);
    expect(code).toBe(1);
    expect(out).toMatch(/Rows in common\s+2/);
    expect(out).toMatch(/Only in right\s+1/);
    expect(out).toMatch(/price\s+2\s+rule: exact/);
  });

  it('applies abs, rel, ticks, days and text tolerances from the command line', async () => {
    const base = ['--left', 'left.csv', '--right', 'right.csv', '--on', 'account,product', '--json'];
    const ticks = ['--tolerance', 'price=ticks:1', '--tick-table', 'ticks.csv'];
    expect(json((await run([...base, ...ticks])).out).by_column).toMatchObject({ price: 0 });
    expect(json((await run([...base, '--tolerance', 'price=abs:0.1'])).out).by_column).toMatchObject({ price: 1 });
    expect(json((await run([...base, '--tolerance', 'cash=abs:0.05'])).out).by_column).toMatchObject({ cash: 0 });
    expect(json((await run([...base, '--tolerance', 'cash=abs:0.03'])).out).by_column).toMatchObject({ cash: 1 });
    expect(json((await run([...base, '--tolerance', 'cash=rel:0.001'])).out).by_column).toMatchObject({ cash: 0 });
    expect(json((await run([...base, '--tolerance', 'cash=rel:0.0001', '--rel-mode', 'right'])).out).by_column).toMatchObject({ cash: 1 });
    expect(json((await run([...base, '--tolerance', 'trade_date=days:1'])).out).by_column).toMatchObject({ trade_date: 0 });
    expect(json((await run([...base, '--ignore-case'])).out).by_column).toMatchObject({ desk: 1 });
    expect(json((await run([...base, '--ignore-case', '--ignore-spaces'])).out).by_column).toMatchObject({ desk: 0 });
    const all = await run([...base, ...ticks, '--tolerance', 'cash=abs:0.05', '--tolerance', 'trade_date=days:1', '--ignore-case', '--ignore-spaces']);
    expect(all.code).toBe(1); // the missing rows still break
    expect(json(all.out)).toMatchObject({ common: 2, unequal_rows: 0 });
  });

  it('writes breaks.csv and breaks.xlsx with one row per break', async () => {
    const { code } = await run(['--left', 'left.csv', '--right', 'right.csv', '--on', 'account,product', '--tolerance', 'price=ticks:1', '--tick-table', 'ticks.csv', '--tolerance', 'cash=abs:0.05', '--out', 'out']);
    expect(code).toBe(1);
    const csv = (await readFile(path.join(dir, 'out/breaks.csv'), 'utf8')).trim().split('\r\n');
    expect(csv[0]).toBe('kind,account,product,trade_date_left,trade_date_right,trade_date_diff,trade_date_rule,desk_left,desk_right,desk_diff,desk_rule,severity,cluster,left_rows,right_rows');
    expect(csv).toHaveLength(5); // header + four breaks
    const rows = csv.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => [r[0], r[1], r[2], r.at(-2), r.at(-1)]).sort()).toEqual([
      ['field', 'A1', 'ES', '2', '2'],
      ['field', 'A1', 'ZN', '3', '3'],
      ['only-left', 'A2', 'ES', '4', ''],
      ['only-right', 'A3', 'ES', '', '4'],
    ].sort());
    const zn = csv.find((l) => l.startsWith('field,A1,ZN'))!;
    expect(zn).toContain('-1,trade_date'); // left − right in days, then the rule
    expect(zn).toContain(',,,,'); // desk agrees on this row: its cells are blank
    const es = csv.find((l) => l.startsWith('field,A1,ES'))!;
    expect(es).toContain('"rates "'); // the trailing space is kept, quoted
    const book = XLSX.read(await readFile(path.join(dir, 'out/breaks.xlsx')));
    expect(book.SheetNames).toEqual(['Breaks', 'Summary']);
    expect(XLSX.utils.sheet_to_json(book.Sheets.Breaks)).toHaveLength(4);
    expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Summary, { header: 1 })).toContainEqual(['Rows in common', 2]);
  });

  it('exits 2 naming a missing key column and listing the available ones', async () => {
    const { code, err } = await run(['--left', 'left.csv', '--right', 'right.csv', '--on', 'account,acct_type']);
    expect(code).toBe(2);
    expect(err).toContain('Key column `acct_type` is not in left.csv; its columns are: account, product, price, qty, cash, trade_date, desk.');
  });

  it('exits 2 on an unreadable or absent file, with the reader’s finding', async () => {
    await writeFile(path.join(dir, 'junk.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const junk = await run(['--left', 'junk.bin', '--right', 'right.csv', '--on', 'account']);
    expect(junk.code).toBe(2);
    expect(junk.err).toMatch(/junk\.bin/);
    const absent = await run(['--left', 'nope.csv', '--right', 'right.csv', '--on', 'account']);
    expect(absent).toMatchObject({ code: 2, err: expect.stringContaining('No such file: nope.csv') });
  });

  it('exits 2 on bad usage, with the help', async () => {
    for (const argv of [
      ['--left', 'left.csv', '--on', 'account'],
      ['--left', 'left.csv', '--right', 'right.csv'],
      ['--left', 'left.csv', '--right', 'right.csv', '--on', 'account', '--tolerance', 'price=pips:1'],
      ['--left', 'left.csv', '--right', 'right.csv', '--on', 'account', '--tolerance', 'price=ticks:1'],
      ['--left', 'left.csv', '--right', 'right.csv', '--on', 'account', '--rel-mode', 'left'],
      ['--left', 'left.csv', '--right', 'right.csv', '--on', 'account', '--bogus'],
    ]) {
      const { code, err } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err).toContain('Usage: opspilot recon');
    }
    const unknownField = await run(['--left', 'left.csv', '--right', 'right.csv', '--on', 'account,product', '--tolerance', 'px=abs:1']);
    expect(unknownField).toMatchObject({ code: 2, err: expect.stringContaining('--tolerance names px') });
    await expect(stat(path.join(dir, 'nothing'))).rejects.toThrow();
  });

  it('shows its stages on stderr only when it is a terminal, and leaves the line clean', async () => {
    const args = ['--left', 'left.csv', '--right', 'right.csv', '--on', 'account,product', '--out', 'staged'];
    const piped = await run(args);
    expect(piped.err).toBe('');
    const tty = await run(args, { tty: true });
    expect(tty.code).toBe(1);
    expect(tty.err).toContain('ingest   2 files');
    expect(tty.err).toContain('match    3 × 3 rows on account, product');
    expect(tty.err).toContain('write    4 break(s) to breaks.csv, breaks.xlsx');
    expect(tty.err.endsWith('\r\x1b[K')).toBe(true);
    // The report on stdout is the same either way.
    const timeless = (text: string) => text.replace(/in [\d,]+ ms/, 'in N ms');
    expect(timeless(tty.out)).toBe(timeless(piped.out));
  });
});
