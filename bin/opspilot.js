#!/usr/bin/env node
// The CLI is TypeScript, so a fresh clone needs no build step before `npx opspilot`. It runs from
// an esbuild bundle of runtime/cli (runtime/cli/cli-bundle.ts), made on first use and again
// whenever a source file changed; where no bundle can be made or loaded, or OPSPILOT_BUNDLE=0
// asks for the sources (as a debugger or a stack trace wants), it runs the TypeScript through tsx.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleBuild, bundleCacheDir, freshBundle } from '../runtime/bundle/bundle-manifest.mjs';
import { CLI_BUNDLE } from '../runtime/cli/cli-bundle-spec.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let tsx = false;
async function registerTsx() {
  if (tsx) return;
  tsx = true;
  (await import('tsx/esm/api')).register();
}

/** The bundled CLI's main, built first if need be; undefined when there is no bundle to run. */
async function bundledMain() {
  let entry = freshBundle(bundleCacheDir(root), CLI_BUNDLE.name, root, bundleBuild(CLI_BUNDLE));
  if (entry === undefined) {
    await registerTsx();
    entry = await (await import('../runtime/cli/cli-bundle.ts')).cliBundle();
  }
  if (entry === undefined) return undefined;
  try {
    return (await import(pathToFileURL(entry).href)).main;
  } catch {
    // Removed or damaged between the check and the load: the sources give the same answers.
    return undefined;
  }
}

let main = process.env.OPSPILOT_BUNDLE === '0' ? undefined : await bundledMain();
if (main === undefined) {
  await registerTsx();
  ({ main } = await import('../runtime/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
