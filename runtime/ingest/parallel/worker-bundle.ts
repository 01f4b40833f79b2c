/**
 * The read worker as one bundled CommonJS script, built with esbuild (tsx's own compiler) on
 * first use and kept in node_modules/.cache/opspilot. A worker that loads the readers' sixty-odd
 * TypeScript modules through tsx spends about 300 ms before it reads a byte; the bundle, run by
 * read-worker-cached.cjs with V8's code cache, loads in about 50.
 * The bundle is rebuilt when any file it was built from changed (esbuild's metafile lists them,
 * with their size and time). Without esbuild, or with nowhere to write, there is no bundle and
 * the worker boots through tsx (read-worker-boot.mjs): slower to start, the same answers.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
const ENTRY = path.join(HERE, 'read-worker.ts');

interface Manifest {
  /** Every file the bundle was built from (relative to ROOT), with its size and modification time. */
  readonly inputs: Readonly<Record<string, readonly [number, number]>>;
}

export interface WorkerBundleOptions {
  /** Where the bundle and its manifest go (default node_modules/.cache/opspilot). */
  readonly cacheDir?: string;
}

let pending: Promise<string | undefined> | undefined;

/** The bundled worker's path, built or rebuilt if needed; undefined when it cannot be built. */
export function readWorkerBundle(options: WorkerBundleOptions = {}): Promise<string | undefined> {
  if (options.cacheDir) return ensureBundle(options.cacheDir);
  pending ??= ensureBundle(path.join(ROOT, 'node_modules', '.cache', 'opspilot'));
  return pending;
}

async function ensureBundle(dir: string): Promise<string | undefined> {
  const outfile = path.join(dir, 'read-worker.cjs');
  const manifestFile = path.join(dir, 'read-worker.json');
  if (await fresh(outfile, manifestFile)) return outfile;
  try {
    const esbuild = await import('esbuild');
    await mkdir(dir, { recursive: true });
    // Written under temporary names and renamed, so a concurrent run never loads half a bundle.
    const temp = `${outfile}.${process.pid}.tmp`;
    const result = await esbuild.build({
      entryPoints: [ENTRY], absWorkingDir: ROOT, outfile: temp, bundle: true, platform: 'node', format: 'cjs',
      target: `node${process.versions.node.split('.')[0]}`, metafile: true, logLevel: 'silent',
    });
    const inputs: Record<string, [number, number]> = {};
    await Promise.all(Object.keys(result.metafile.inputs).map(async (input) => {
      const info = await stat(path.resolve(ROOT, input));
      inputs[input] = [info.size, info.mtimeMs];
    }));
    const manifest: Manifest = { inputs };
    await writeFile(`${manifestFile}.${process.pid}.tmp`, JSON.stringify(manifest));
    // The old bundle's code cache would be refused anyway; the next worker makes a new one.
    await rm(`${outfile}.v8cache`, { force: true });
    await rename(temp, outfile);
    await rename(`${manifestFile}.${process.pid}.tmp`, manifestFile);
    return outfile;
  } catch {
    await Promise.all([rm(`${outfile}.${process.pid}.tmp`, { force: true }), rm(`${manifestFile}.${process.pid}.tmp`, { force: true })]);
    return undefined;
  }
}

/** Whether the bundle exists and none of its inputs changed since it was built. */
async function fresh(outfile: string, manifestFile: string): Promise<boolean> {
  try {
    const [manifest] = await Promise.all([readFile(manifestFile, 'utf8').then((t) => JSON.parse(t) as Manifest), stat(outfile)]);
    const checks = await Promise.all(Object.entries(manifest.inputs).map(async ([input, [size, mtime]]) => {
      const info = await stat(path.resolve(ROOT, input));
      return info.size === size && info.mtimeMs === mtime;
    }));
    return checks.length > 0 && checks.every(Boolean);
  } catch {
    return false;
  }
}
