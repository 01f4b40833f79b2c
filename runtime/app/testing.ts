import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../config';
import { createLogger } from '../observability/logger';
import { openTestDatabase } from '../store/testing';
import { openApp, type App } from './open-app';

/** A real app for tests: a migrated test database and a temporary DATA_DIR, removed on close. */
export async function openTestApp({ kind = 'pglite', env = {} }: { kind?: 'pglite' | 'postgres'; env?: NodeJS.ProcessEnv } = {}): Promise<App> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-test-'));
  const database = await openTestDatabase(kind);
  const config = readConfig({ ...env, DATA_DIR: dataDir });
  const app = await openApp({ config, logger: createLogger({ level: 'silent' }), database });
  return {
    ...app,
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
