import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellValue, type Table } from '../../table/table';
import { fileSource } from '../byte-source';
import { ingest } from '../ingest';
import { readFileAt } from './read-file';
import { readFilesInParallel } from './parallel-read';
import { PROGRESS_STEP_BYTES } from './read-protocol';

const snapshot = (t: Table | undefined) => t && ({
  rowCount: t.rowCount,
  columns: t.columns.map((c) => ({ name: c.name, type: c.type, cells: Array.from({ length: t.rowCount }, (_, r) => cellValue(c, r)) })),
  rows: Array.from(t.origin.rowNumbers),
  datasetId: t.origin.datasetId,
});

describe('readFilesInParallel', () => {
  let dir: string;
  const files: Record<string, string> = {};
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-parallel-read-'));
    const write = async (name: string, text: string) => { files[name] = path.join(dir, name); await writeFile(files[name], text); };
    const lines = Array.from({ length: 3000 }, (_, i) => `T${i},${i % 7 === 0 ? '' : (i * 1.25).toFixed(2)},2026-11-${String(1 + (i % 28)).padStart(2, '0')},Zürich ${i % 13}`);
    await write('left.csv', `id,price,day,desk\n${lines.join('\n')}\n`);
    await write('right.csv', `id;qty;note\n${lines.slice(0, 500).map((l, i) => `${l.split(',')[0]};${i};"a; b"`).join('\n')}\n`);
    await write('bad.csv', '\u0000\u0001\u0002 binary');
    await write('positions.json', JSON.stringify([{ a: 1, b: { c: 'x' } }, { a: 2, b: { c: 'y' } }]));
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('gives for every file exactly what reading it in place gives, in the order asked', async () => {
    const asked = ['left.csv', 'positions.json', 'right.csv', 'bad.csv'].map((n) => ({ filePath: files[n] }));
    const failures: Error[] = [];
    const parallel = await readFilesInParallel({ files: asked, workers: 2, minWorkerBytes: 0, onWorkerFailure: (_, e) => failures.push(e) });
    expect(failures).toEqual([]);
    const inPlace = await Promise.all(asked.map((f) => readFileAt(f)));
    expect(parallel.map((r) => snapshot(r.table))).toEqual(inPlace.map((r) => snapshot(r.table)));
    expect(parallel.map((r) => [r.format, r.findings, r.profile, r.details])).toEqual(inPlace.map((r) => [r.format, r.findings, r.profile, r.details]));
    expect(parallel[0].table?.rowCount).toBe(3000);
    // A file no reader takes is a finding from the worker too, never a thrown error.
    expect(parallel[3].table).toBeUndefined();
    expect(parallel[3].findings[0]).toMatchObject({ severity: 'error', code: 'binary-file' });
  });

  it('tells how many bytes of each file are read, in workers and in place, up to its size', async () => {
    // Larger than one progress step, so its worker reports on the way as well as at the end.
    const big = path.join(dir, 'big.csv');
    const row = 'ACC00001,XCME,ES,2026-12-18,1000,C,-4,5805.50,1990287.05,USD\n';
    await writeFile(big, `account,exchange,product,expiry,strike,put_call,quantity,price,cash,currency\n${row.repeat(Math.ceil((PROGRESS_STEP_BYTES * 2.5) / row.length))}`);
    const sizes = await Promise.all([big, files['right.csv']].map(async (f) => (await stat(f)).size));
    for (const workers of [1, 0]) {
      const seen: [number, number][] = [];
      const results = await readFilesInParallel({ files: [{ filePath: big }, { filePath: files['right.csv'] }], workers, minWorkerBytes: 1024, onProgress: (i, bytes) => seen.push([i, bytes]) });
      expect(results.map((r) => r.findings.filter((f) => f.severity === 'error'))).toEqual([[], []]);
      for (const i of [0, 1]) {
        const told = seen.filter(([k]) => k === i).map(([, b]) => b);
        expect(told.length, `file ${i}, ${workers} worker(s)`).toBeGreaterThan(0);
        expect(told).toEqual([...told].sort((a, b) => a - b));
        expect(told.at(-1)).toBe(sizes[i]);
      }
      expect(seen.filter(([k]) => k === 0).length, `${workers} worker(s)`).toBeGreaterThanOrEqual(3);
    }
  });

  it('reads a file in place when its worker cannot start', async () => {
    const failures: string[] = [];
    const results = await readFilesInParallel({
      files: [{ filePath: files['left.csv'] }, { filePath: files['right.csv'] }],
      workers: 1, minWorkerBytes: 0, workerEntry: { file: path.join(dir, 'no-such-worker.mjs') },
      onWorkerFailure: (f, e) => failures.push(`${path.basename(f.filePath)}: ${e.message}`),
    });
    // The worker had the large file and the small one after it: both are read here instead.
    expect(failures).toEqual([expect.stringMatching(/^left\.csv: .*no-such-worker/), expect.stringMatching(/^right\.csv: .*no-such-worker/)]);
    expect(snapshot(results[0].table)).toEqual(snapshot((await readFileAt({ filePath: files['left.csv'] })).table));
    expect(results[1].table?.rowCount).toBe(500);
  });

  it('reads files below the size that repays a worker in place', async () => {
    const failures: Error[] = [];
    const small = await readFilesInParallel({ files: [{ filePath: files['left.csv'] }, { filePath: files['right.csv'] }], workers: 2, workerEntry: { file: path.join(dir, 'no-such-worker.mjs') }, onWorkerFailure: (_, e) => failures.push(e) });
    expect(small.map((r) => r.table?.rowCount)).toEqual([3000, 500]);
    expect(failures).toEqual([]);
  });

  it('reads a file held in memory exactly as streamed from disk, hash included', async () => {
    for (const name of ['left.csv', 'right.csv', 'bad.csv', 'positions.json']) {
      const [held, streamed] = await Promise.all([readFileAt({ filePath: files[name] }), ingest({ source: await fileSource({ filePath: files[name] }) })]);
      expect(snapshot(held.table)).toEqual(snapshot(streamed.table));
      expect([held.findings, held.profile, held.details, held.format]).toEqual([streamed.findings, streamed.profile, streamed.details, streamed.format]);
    }
    expect((await readFileAt({ filePath: files['left.csv'] })).table?.origin.datasetId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('skips the column profile when asked, for CSV and Excel alike, and reads the same table', async () => {
    for (const filePath of [files['left.csv'], path.resolve(__dirname, '../../../templates/excel-trade-blotter/samples/trade-blotter.xlsx')]) {
      const [full, bare] = await Promise.all([readFileAt({ filePath }), readFileAt({ filePath, profile: false })]);
      expect(full.profile.length).toBeGreaterThan(0);
      expect(bare.profile).toEqual([]);
      expect(snapshot(bare.table)).toEqual(snapshot(full.table));
    }
  });

  it('uses no worker when told none', async () => {
    const failures: Error[] = [];
    const one = await readFilesInParallel({ files: [{ filePath: files['left.csv'] }, { filePath: files['right.csv'] }], workers: 0, minWorkerBytes: 0, workerEntry: { file: path.join(dir, 'no-such-worker.mjs') }, onWorkerFailure: (_, e) => failures.push(e) });
    expect(one.map((r) => r.table?.rowCount)).toEqual([3000, 500]);
    expect(failures).toEqual([]);
  });
});
