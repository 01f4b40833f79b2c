import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledReadWorkerEntry, readFilesInParallel, readWorkerEntry, type ReadWorkerEntry } from './parallel-read';
import { readWorkerBundle } from './worker-bundle';

describe('the read worker bundle', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-worker-bundle-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('is built once, reused while its inputs are unchanged, and rebuilt when one changed', async () => {
    const cacheDir = path.join(dir, 'cache');
    const built = await readWorkerBundle({ cacheDir });
    expect(built).toBe(path.join(cacheDir, 'read-worker.cjs'));
    const manifestFile = path.join(cacheDir, 'read-worker.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(['runtime/ingest/parallel/read-worker.ts', 'runtime/ingest/delimited/delimited-reader.ts']));
    const first = (await stat(built!)).mtimeMs;
    expect(await readWorkerBundle({ cacheDir })).toBe(built);
    expect((await stat(built!)).mtimeMs).toBe(first);
    // As if a reader's source had been edited since the bundle was built.
    manifest.inputs['runtime/ingest/delimited/delimited-reader.ts'][1] -= 1000;
    await writeFile(manifestFile, JSON.stringify(manifest));
    await new Promise((r) => setTimeout(r, 20));
    expect(await readWorkerBundle({ cacheDir })).toBe(built);
    expect((await stat(built!)).mtimeMs).toBeGreaterThan(first);
    expect(JSON.parse(await readFile(manifestFile, 'utf8')).inputs['runtime/ingest/delimited/delimited-reader.ts']).not.toEqual(manifest.inputs['runtime/ingest/delimited/delimited-reader.ts']);
  });

  it('reads the same as the worker booted through tsx', async () => {
    const file = path.join(dir, 'trades.csv');
    await writeFile(file, `id,price,day\n${Array.from({ length: 200 }, (_, i) => `T${i},${i / 4},2026-11-${String(1 + (i % 28)).padStart(2, '0')}`).join('\n')}\n`);
    const other = path.join(dir, 'other.csv');
    await writeFile(other, 'a,b\n1,2\n');
    const read = async (workerEntry: ReadWorkerEntry) => {
      const failures: Error[] = [];
      const [r] = await readFilesInParallel({ files: [{ filePath: file }, { filePath: other }], workers: 1, minWorkerBytes: 0, workerEntry, onWorkerFailure: (_, e) => failures.push(e) });
      expect(failures).toEqual([]);
      return { columns: r.table!.columns, rows: Array.from(r.table!.origin.rowNumbers), findings: r.findings, profile: r.profile };
    };
    const bundled = bundledReadWorkerEntry((await readWorkerBundle({ cacheDir: path.join(dir, 'cache') }))!);
    const cacheFile = path.join(dir, 'cache', 'read-worker.cjs.v8cache');
    await rm(cacheFile, { force: true });
    const fromSource = await read(readWorkerEntry()!);
    // The first bundled worker makes the code cache; the next one starts from it. Same answers all three ways.
    expect(await read(bundled)).toEqual(fromSource);
    expect((await stat(cacheFile)).size).toBeGreaterThan(1000);
    expect(await read(bundled)).toEqual(fromSource);
  });
});
