import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIsStale, stampBuild, type BuildPaths } from './build-if-stale';

describe('whether the studio build is stale', () => {
  let root: string;
  let paths: BuildPaths;
  const file = (name: string) => path.join(root, name);
  /** A time before the stamp, as a file copied or moved in keeps its own. */
  const longAgo = new Date('2026-01-01T00:00:00Z');
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'opspilot-build-stale-'));
    paths = { root, stamp: file('build/.stamp') };
    await Promise.all(['src/routes', 'studio', 'build'].map((d) => mkdir(file(d), { recursive: true })));
    await writeFile(file('src/routes/+page.svelte'), '<h1>hi</h1>');
    await writeFile(file('studio/grid.ts'), 'export {};');
  });
  afterAll(async () => { await rm(root, { recursive: true, force: true }); });

  it('is stale with no build, and fresh right after one', async () => {
    expect(await buildIsStale(paths)).toBe(true);
    await stampBuild(paths);
    expect(await buildIsStale(paths)).toBe(false);
  });

  it('is stale when a source changed', async () => {
    await stampBuild(paths);
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(file('studio/grid.ts'), 'export const x = 1;');
    expect(await buildIsStale(paths)).toBe(true);
  });

  it('is stale when a source was removed, or one older than the build was added', async () => {
    await writeFile(file('src/routes/+layout.svelte'), '<slot />');
    await stampBuild(paths);
    await rm(file('src/routes/+layout.svelte'));
    expect(await buildIsStale(paths)).toBe(true);
    await stampBuild(paths);
    await writeFile(file('src/routes/+layout.svelte'), '<slot />');
    await utimes(file('src/routes/+layout.svelte'), longAgo, longAgo);
    expect(await buildIsStale(paths)).toBe(true);
  });

  it('ignores tests and dot-files', async () => {
    await stampBuild(paths);
    await writeFile(file('studio/grid.test.ts'), 'test');
    await mkdir(file('studio/.scratch'));
    await writeFile(file('studio/.scratch/x.ts'), 'x');
    expect(await buildIsStale(paths)).toBe(false);
  });
});
