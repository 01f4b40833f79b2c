import path from 'node:path';
import { readAuthConfig, type AuthConfig } from './auth/auth-config';

/** Process configuration from the environment, read in one place. */
export interface Config {
  /** postgres://… to use PostgreSQL; absent → embedded PGlite under DATA_DIR/db. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly port: number;
  readonly handsontableLicenseKey: string;
  /** Largest accepted upload, in bytes. */
  readonly maxUploadBytes: number;
  /** Session lifetimes, sign-in throttling, trusted origins (runtime/auth/auth-config.ts). */
  readonly auth: AuthConfig;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${JSON.stringify(env.PORT)}`);
  const maxMb = Number(env.MAX_UPLOAD_MB ?? 200);
  return {
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    dataDir: path.resolve(cwd, env.DATA_DIR ?? 'data'),
    port,
    handsontableLicenseKey: env.HANDSONTABLE_LICENSE_KEY?.trim() || 'non-commercial-and-evaluation',
    maxUploadBytes: Math.max(1, maxMb) * 1024 * 1024,
    auth: readAuthConfig(env),
  };
}

/** PGlite's own files live beside the content-addressed file store. */
export const pgliteDir = (config: Config) => path.join(config.dataDir, 'db');
