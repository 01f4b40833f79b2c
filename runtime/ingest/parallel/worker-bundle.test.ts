import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledReadWorkerEntry, readFilesInParallel, readWorkerEntry, type ReadWorkerEntry } from './parallel-read';
import { readManifest } from '../../bundle/bundle-manifest.mjs';
import { readWorkerBundle } from './worker-bundle';

describe('the read worker bundle', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-worker-bundle-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('is one CommonJS script built from the readers, fresh until one of them changes', async () => {
    const cacheDir = path.join(dir, 'cache');
    const built = await readWorkerBundle({ cacheDir });
    expect(built).toMatch(/read-worker-[0-9a-z]+-\d+\/read-worker\.cjs$/);
    const inputs = Object.keys(readManifest(cacheDir, 'read-worker')!.inputs);
    expect(inputs).toEqual(expect.arrayContaining(['runtime/ingest/parallel/read-worker.ts', 'runtime/ingest/delimited/delimited-reader.ts']));
    expect(await readWorkerBundle({ cacheDir })).toBe(built);
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
    const bundle = (await readWorkerBundle({ cacheDir: path.join(dir, 'cache') }))!;
    const bundled = bundledReadWorkerEntry(bundle);
    const cacheFile = `${bundle}.v8cache`;
    await rm(cacheFile, { force: true });
    const fromSource = await read(readWorkerEntry()!);
    // The first bundled worker makes the code cache; the next one starts from it. Same answers all three ways.
    expect(await read(bundled)).toEqual(fromSource);
    expect((await stat(cacheFile)).size).toBeGreaterThan(1000);
    expect(await read(bundled)).toEqual(fromSource);
  });
});
