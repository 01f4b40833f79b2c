import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleBuild, freshBundle, readManifest } from './bundle-manifest.mjs';
import { PROJECT_ROOT } from '../cli/project-root';
import { cachedBundle } from './cached-bundle';

/** A small entry of our own, in the checkout (bundles hold paths relative to it), removed after. */
describe('cached bundles', () => {
  let dir: string;
  let cacheDir: string;
  let entry: string;
  let helper: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(PROJECT_ROOT, 'runtime', 'bundle', '.test-'));
    cacheDir = path.join(dir, 'cache');
    entry = path.join(dir, 'entry.ts');
    helper = path.join(dir, 'helper.ts');
    await writeFile(helper, 'export const here: string = import.meta.url;\nexport const answer = 41;\n');
    await writeFile(entry, "import { answer, here } from './helper';\nexport const result = { answer: answer + 1, here, lazy: () => import('./lazy') };\n");
    await writeFile(path.join(dir, 'lazy.ts'), 'export const lazy = "loaded when asked";\n');
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  const ESM = bundleBuild({ format: 'esm', packages: 'external' });
  const load = async (file: string) => (await import(`${pathToFileURL(file).href}?${Date.now()}`)).result;

  it('is built once and reused while its sources are unchanged', async () => {
    const built = await cachedBundle({ name: 'probe', entry, format: 'esm', packages: 'external', cacheDir });
    expect(built).toMatch(/probe-[0-9a-z]+-\d+\/entry\.mjs$/);
    expect(freshBundle(cacheDir, 'probe', PROJECT_ROOT, ESM)).toBe(built);
    expect(Object.keys(readManifest(cacheDir, 'probe')!.inputs).sort()).toEqual(['entry.ts', 'helper.ts', 'lazy.ts'].map((f) => path.relative(PROJECT_ROOT, path.join(dir, f))));
    expect(await cachedBundle({ name: 'probe', entry, format: 'esm', packages: 'external', cacheDir })).toBe(built);
    const result = await load(built!);
    expect(result.answer).toBe(42);
    // The module keeps its own source's URL, so paths it finds relative to itself still hold.
    expect(result.here).toBe(pathToFileURL(helper).href);
    // A dynamic import stays a chunk of its own, loaded when asked.
    expect((await readdir(path.dirname(built!))).length).toBeGreaterThan(1);
    expect((await result.lazy()).lazy).toBe('loaded when asked');
  });

  it('is rebuilt when a source changed, keeping the build before for processes still loading it', async () => {
    const first = await cachedBundle({ name: 'probe', entry, format: 'esm', packages: 'external', cacheDir });
    await writeFile(helper, 'export const here: string = import.meta.url;\nexport const answer = 99;\n');
    expect(freshBundle(cacheDir, 'probe', PROJECT_ROOT, ESM)).toBeUndefined();
    const second = await cachedBundle({ name: 'probe', entry, format: 'esm', packages: 'external', cacheDir });
    expect(second).not.toBe(first);
    expect((await load(second!)).answer).toBe(100);
    await writeFile(helper, 'export const here: string = import.meta.url;\nexport const answer = 7;\n');
    // A build younger than a minute may be another process's, still being written: it stays.
    const third = await cachedBundle({ name: 'probe', entry, format: 'esm', packages: 'external', cacheDir });
    const folder = (file: string | undefined) => path.basename(path.dirname(file!));
    const builds = async () => (await readdir(cacheDir)).filter((f) => f.startsWith('probe-')).sort();
    expect(await builds()).toEqual([folder(first), folder(second), folder(third)].sort());
    // Once older, all but the newest two go.
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(path.join(cacheDir, folder(first)), hourAgo, hourAgo);
    await writeFile(helper, 'export const here: string = import.meta.url;\nexport const answer = 8;\n');
    const fourth = await cachedBundle({ name: 'probe', entry, format: 'esm', packages: 'external', cacheDir });
    expect(await builds()).toEqual([folder(second), folder(third), folder(fourth)].sort());
    await utimes(path.join(cacheDir, folder(second)), hourAgo, hourAgo);
    await writeFile(helper, 'export const here: string = import.meta.url;\nexport const answer = 7;\n');
    const fifth = await cachedBundle({ name: 'probe', entry, format: 'esm', packages: 'external', cacheDir });
    expect(await builds()).toEqual([folder(third), folder(fourth), folder(fifth)].sort());
  });

  it('is rebuilt when asked to build another way', async () => {
    const esm = await cachedBundle({ name: 'probe', entry, format: 'esm', packages: 'external', cacheDir });
    expect(freshBundle(cacheDir, 'probe', PROJECT_ROOT, bundleBuild({ format: 'esm', packages: 'bundle' }))).toBeUndefined();
    const inlined = await cachedBundle({ name: 'probe', entry, format: 'esm', packages: 'bundle', cacheDir });
    expect(inlined).not.toBe(esm);
    expect(readManifest(cacheDir, 'probe')!.build).toBe(bundleBuild({ format: 'esm', packages: 'bundle' }));
    expect((await load(inlined!)).answer).toBe(8);
  });

  it('is not used from another checkout, whose paths differ', async () => {
    const built = await cachedBundle({ name: 'probe', entry, format: 'esm', packages: 'external', cacheDir });
    expect(freshBundle(cacheDir, 'probe', PROJECT_ROOT, ESM)).toBe(built);
    expect(freshBundle(cacheDir, 'probe', path.join(os.tmpdir(), 'elsewhere'), ESM)).toBeUndefined();
  });

  it('is undefined, for the caller to run the sources, when the entry does not build', async () => {
    const broken = path.join(dir, 'broken.ts');
    await writeFile(broken, 'export const x = ;\n');
    expect(await cachedBundle({ name: 'broken', entry: broken, format: 'cjs', packages: 'bundle', cacheDir })).toBeUndefined();
    expect((await readdir(cacheDir)).filter((f) => f.startsWith('broken'))).toEqual([]);
  });

  it('is undefined when the cache cannot be written', async () => {
    const file = path.join(dir, 'not-a-folder');
    await writeFile(file, '');
    expect(await cachedBundle({ name: 'probe', entry, format: 'esm', packages: 'external', cacheDir: path.join(file, 'cache') })).toBeUndefined();
    expect(await readFile(file, 'utf8')).toBe('');
  });
});
