/**
 * The CLI as bundled ES modules (runtime/bundle/cached-bundle.ts), which bin/opspilot.js runs
 * when they are fresh: through tsx, the CLI spends about 150 ms registering and transforming
 * TypeScript before a command starts. Commands stay in chunks of their own, loaded when run.
 */
import path from 'node:path';
import { cachedBundle } from '../bundle/cached-bundle';
import { CLI_BUNDLE } from './cli-bundle-spec.mjs';
import { PROJECT_ROOT } from './project-root';

/** The bundled CLI's entry module, built or rebuilt if needed; undefined when it cannot be built. */
export function cliBundle(): Promise<string | undefined> {
  return cachedBundle({ ...CLI_BUNDLE, entry: path.join(PROJECT_ROOT, CLI_BUNDLE.entry) });
}
