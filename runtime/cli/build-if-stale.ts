import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from './project-root';

const SOURCES = ['src', 'studio', 'runtime', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts'];

export interface BuildPaths {
  /** The checkout whose SOURCES the studio is built from. */
  readonly root: string;
  /** Written after each build: its time, and which source files there were. */
  readonly stamp: string;
}

const DEFAULT_PATHS: BuildPaths = { root: PROJECT_ROOT, stamp: path.join(PROJECT_ROOT, 'build', '.opspilot-build-stamp') };

/** Every file the studio is built from (tests and dot-files excluded), with its modification time. */
async function sourceFiles(entry: string, out: Map<string, number>): Promise<void> {
  const info = await stat(entry).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory()) {
    if (!/\.test\.ts$/.test(entry)) out.set(entry, info.mtimeMs);
    return;
  }
  const children = (await readdir(entry)).filter((c) => !c.startsWith('.'));
  await Promise.all(children.map((c) => sourceFiles(path.join(entry, c), out)));
}

/** The newest source time and a digest of which files there are: a deleted or renamed file changes the digest, not the time. */
async function sources(root: string): Promise<{ newest: number; digest: string }> {
  const files = new Map<string, number>();
  await Promise.all(SOURCES.map((s) => sourceFiles(path.join(root, s), files)));
  const names = [...files.keys()].map((f) => path.relative(root, f)).sort();
  return { newest: Math.max(0, ...files.values()), digest: createHash('sha256').update(names.join('\n')).digest('hex') };
}

export async function buildIsStale(paths: BuildPaths = DEFAULT_PATHS): Promise<boolean> {
  const [stamp, recorded] = await Promise.all([stat(paths.stamp).catch(() => undefined), readFile(paths.stamp, 'utf8').catch(() => '')]);
  if (!stamp) return true;
  const now = await sources(paths.root);
  return now.newest > stamp.mtimeMs || recorded.trim() !== now.digest;
}

/** Records a build of the sources as they are now. */
export async function stampBuild(paths: BuildPaths = DEFAULT_PATHS): Promise<void> {
  await writeFile(paths.stamp, (await sources(paths.root)).digest);
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
  await stampBuild();
}
