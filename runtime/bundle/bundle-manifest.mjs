// Whether a cached bundle (cached-bundle.ts) may still be run: plain JavaScript, because the CLI
// asks before anything can load TypeScript. A bundle is fresh while it was built in this very
// checkout (its code holds absolute paths), the same way, by this Node, and no file it was built
// from changed size or time.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {object} BundleManifest
 * @property {string} root The checkout it was built in.
 * @property {string} build How it was built (bundleBuild).
 * @property {string} entry The entry script, relative to the manifest's folder.
 * @property {Record<string, [number, number]>} inputs Every source file (relative to root) with its size and modification time.
 */

/**
 * Where a checkout keeps its bundles.
 * @param {string} root
 * @returns {string}
 */
export function bundleCacheDir(root) {
  return path.join(root, 'node_modules', '.cache', 'opspilot');
}

/**
 * The manifest of bundle `name` in `cacheDir`, whether fresh or not; undefined when there is none.
 * @param {string} cacheDir
 * @param {string} name
 * @returns {BundleManifest | undefined}
 */
export function readManifest(cacheDir, name) {
  try {
    return JSON.parse(readFileSync(path.join(cacheDir, `${name}.json`), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * How a bundle is built, as its manifest records it: another format or packages choice, or
 * another Node, asks for a new build.
 * @param {{ format: 'cjs' | 'esm', packages: 'bundle' | 'external' }} spec
 * @returns {string}
 */
export function bundleBuild({ format, packages }) {
  return `${format} ${packages} node${process.versions.node}`;
}

/**
 * The entry script of bundle `name` when it is fresh for checkout `root` and built as `build`
 * says (bundleBuild); undefined otherwise.
 * @param {string} cacheDir
 * @param {string} name
 * @param {string} root
 * @param {string} build
 * @returns {string | undefined}
 */
export function freshBundle(cacheDir, name, root, build) {
  const manifest = readManifest(cacheDir, name);
  if (!manifest || manifest.root !== root || manifest.build !== build) return undefined;
  const entries = Object.entries(manifest.inputs ?? {});
  if (entries.length === 0) return undefined;
  for (const [input, [size, mtime]] of entries) {
    const info = statSync(path.resolve(root, input), { throwIfNoEntry: false });
    if (!info || info.size !== size || info.mtimeMs !== mtime) return undefined;
  }
  const entry = path.join(cacheDir, manifest.entry);
  return existsSync(entry) ? entry : undefined;
}
