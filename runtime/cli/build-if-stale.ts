import { spawn } from 'node:child_process';
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from './project-root';

const SOURCES = ['src', 'studio', 'runtime', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts'];
const STAMP = path.join(PROJECT_ROOT, 'build', '.opspilot-build-stamp');

/** Newest modification time among the files the studio is built from (tests excluded). */
async function newestSourceTime(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return /\.test\.ts$/.test(entry) ? 0 : info.mtimeMs;
  const children = await readdir(entry);
  const times = await Promise.all(children.map((c) => newestSourceTime(path.join(entry, c))));
  return Math.max(0, ...times);
}

export async function buildIsStale(): Promise<boolean> {
  const stamp = await stat(STAMP).catch(() => undefined);
  if (!stamp) return true;
  const newest = Math.max(...(await Promise.all(SOURCES.map((s) => newestSourceTime(path.join(PROJECT_ROOT, s))))));
  return newest > stamp.mtimeMs;
}

/** Runs `vite build` when there is no build or the sources changed since the last one. */
export async function buildIfStale(log: (line: string) => void): Promise<void> {
  if (!(await buildIsStale())) return;
  log('Building the studio (first start, or the sources changed)…');
  const vite = path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`The studio build failed (vite exit ${code}); see the output above.`);
  await writeFile(STAMP, new Date().toISOString());
}
