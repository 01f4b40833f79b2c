/**
 * TypeScript entry points as bundled scripts, built with esbuild (tsx's own compiler) on first use
 * and kept in node_modules/.cache/opspilot. Loading sixty or two hundred TypeScript modules
 * through tsx costs a process or worker 150–300 ms before it does anything; a bundle loads in a
 * fraction of that. A bundle is rebuilt whenever a file it was built from changed
 * (bundle-manifest.mjs). Without esbuild, or with nowhere to write, there is no bundle and
 * callers run the TypeScript through tsx: slower to start, the same answers.
 *
 * Each build goes to a folder of its own and the manifest, written last under a temporary name
 * and renamed, points at it: a process starting meanwhile loads either the old build or the new,
 * never half of one. The build before the newest is kept, for processes still loading its lazy
 * chunks; older ones are removed once they are a minute old (a younger one may be a concurrent
 * build's, about to be named by its manifest).
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { PROJECT_ROOT } from '../cli/project-root';
import { bundleBuild, bundleCacheDir, freshBundle, readManifest } from './bundle-manifest.mjs';

const DEFAULT_CACHE_DIR = bundleCacheDir(PROJECT_ROOT);

export interface BundleSpec {
  /** The bundle's name: its folder and manifest in the cache are named after it. */
  readonly name: string;
  /** The entry point's path. */
  readonly entry: string;
  /**
   * cjs: one script, for vm.Script and V8's code cache. esm: an entry module and chunks, so
   * dynamic imports stay lazy.
   */
  readonly format: 'cjs' | 'esm';
  /**
   * bundle: packages are inlined, so the script runs from anywhere (the read worker's parsers
   * are plain JavaScript). external: packages load from node_modules as usual, which the cache
   * sits in; packages with files of their own (PGlite's and QuickJS's wasm) need this.
   */
  readonly packages: 'bundle' | 'external';
  readonly cacheDir?: string;
}

const pending = new Map<string, Promise<string | undefined>>();

/** The bundle's entry script, built or rebuilt if needed; undefined when it cannot be built. */
export function cachedBundle(spec: BundleSpec): Promise<string | undefined> {
  const cacheDir = spec.cacheDir ?? DEFAULT_CACHE_DIR;
  const key = `${cacheDir}\0${spec.name}`;
  let built = pending.get(key);
  if (!built) {
    built = ensureBundle({ ...spec, cacheDir });
    pending.set(key, built);
    // A failed or stale answer is asked again next time; a fresh one is checked again too.
    void built.finally(() => pending.delete(key));
  }
  return built;
}

async function ensureBundle(spec: BundleSpec & { cacheDir: string }): Promise<string | undefined> {
  const { name, cacheDir } = spec;
  const build = bundleBuild(spec);
  const fresh = freshBundle(cacheDir, name, PROJECT_ROOT, build);
  if (fresh) return fresh;
  const folder = `${name}-${Date.now().toString(36)}-${process.pid}`;
  const manifestFile = path.join(cacheDir, `${name}.json`);
  const temp = `${manifestFile}.${process.pid}.tmp`;
  try {
    const esbuild = await import('esbuild');
    const recorded = readManifest(cacheDir, name)?.entry;
    const previous = recorded && path.dirname(recorded);
    await mkdir(cacheDir, { recursive: true });
    const result = await esbuild.build({
      entryPoints: [spec.entry], absWorkingDir: PROJECT_ROOT, outdir: path.join(cacheDir, folder), bundle: true,
      platform: 'node', format: spec.format, splitting: spec.format === 'esm', packages: spec.packages === 'external' ? 'external' : undefined,
      outExtension: { '.js': spec.format === 'cjs' ? '.cjs' : '.mjs' },
      target: `node${process.versions.node.split('.')[0]}`, metafile: true, logLevel: 'silent', plugins: [moduleUrls],
    });
    const inputs: Record<string, [number, number]> = {};
    await Promise.all(Object.keys(result.metafile.inputs).map(async (input) => {
      const info = await stat(path.resolve(PROJECT_ROOT, input));
      inputs[input] = [info.size, info.mtimeMs];
    }));
    const output = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint !== undefined && path.resolve(PROJECT_ROOT, o.entryPoint) === path.resolve(spec.entry))![0];
    const entry = path.resolve(PROJECT_ROOT, output);
    await writeFile(temp, JSON.stringify({ root: PROJECT_ROOT, build, entry: path.relative(cacheDir, entry), inputs }));
    await rename(temp, manifestFile);
    await removeOldBuilds(cacheDir, name, [folder, previous]);
    return entry;
  } catch {
    // Nothing half-built is left behind; where even that fails, there was nothing to leave.
    await Promise.all([rm(temp, { force: true }), rm(path.join(cacheDir, folder), { recursive: true, force: true })]).catch(() => undefined);
    return undefined;
  }
}

/** Builds older than this, other than the newest two, are removed; a younger one may be another process's build still being written. */
const OLD_BUILD_MS = 60_000;

async function removeOldBuilds(cacheDir: string, name: string, keep: readonly (string | undefined)[]): Promise<void> {
  const own = new RegExp(`^${name}-[0-9a-z]+-\\d+$`);
  const now = Date.now();
  await Promise.all((await readdir(cacheDir)).filter((f) => own.test(f) && !keep.includes(f)).map(async (f) => {
    const folder = path.join(cacheDir, f);
    const info = await stat(folder).catch(() => undefined);
    if (info && now - info.mtimeMs > OLD_BUILD_MS) await rm(folder, { recursive: true, force: true });
  }));
}

/**
 * Bundled code runs from the cache, so `import.meta.url` would name the bundle. Each module gets
 * its own source file's URL instead: paths it finds relative to itself (the project root, worker
 * entry scripts, the QuickJS wasm) stay what they are when it runs from source.
 */
const moduleUrls: Plugin = {
  name: 'opspilot-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js',
      };
    });
  },
};
