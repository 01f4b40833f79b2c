#!/usr/bin/env node
// The CLI is TypeScript, so a fresh clone needs no build step before `npx opspilot`. It runs from
// an esbuild bundle of runtime/cli (runtime/cli/cli-bundle.ts), made on first use and again
// whenever a source file changed; where no bundle can be made, or OPSPILOT_BUNDLE=0 asks for the
// sources (as a debugger or a stack trace wants), it runs the TypeScript through tsx.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleBuild, freshBundle } from '../runtime/bundle/bundle-manifest.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fromSource = process.env.OPSPILOT_BUNDLE === '0';
let entry = fromSource ? undefined : freshBundle(path.join(root, 'node_modules', '.cache', 'opspilot'), 'cli', root, bundleBuild({ format: 'esm', packages: 'external' }));
if (entry === undefined) {
  const { register } = await import('tsx/esm/api');
  register();
  if (!fromSource) entry = await (await import('../runtime/cli/cli-bundle.ts')).cliBundle();
}
const { main } = await import(entry === undefined ? '../runtime/cli/main.ts' : pathToFileURL(entry).href);
const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
