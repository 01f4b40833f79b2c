import type { Command } from '../command';

/**
 * Every CLI command, in the order `opspilot --help` lists them. A command's module is imported
 * only when it runs: each one pulls in its own part of the runtime (the database, the sandbox,
 * the readers), and loading them all through tsx cost about 2 s on every invocation.
 */
export interface CommandEntry {
  /** Words that select the command, e.g. ['db', 'migrate']. */
  readonly path: readonly string[];
  readonly summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { path: ['serve'], summary: 'Run the studio and API server', load: async () => (await import('./serve')).serveCommand },
  { path: ['db', 'migrate'], summary: 'Apply pending database migrations', load: async () => (await import('./db-migrate')).dbMigrateCommand },
  { path: ['formula'], summary: 'Evaluate one formula over one row', load: async () => (await import('./formula')).formulaCommand },
  { path: ['script'], summary: 'Run a script step over one row in the sandbox', load: async () => (await import('./script')).scriptCommand },
  { path: ['ingest'], summary: 'Read a file (CSV, Excel, JSON, XML, FpML): profile, findings, table', load: async () => (await import('./ingest')).ingestCommand },
  { path: ['run'], summary: 'Run a template on input files and write its outputs', load: async () => (await import('./run')).runCommand },
  { path: ['recon'], summary: 'Compare two files on a key, datacompy style, and write the breaks', load: async () => (await import('./recon')).reconCommand },
  { path: ['user', 'add'], summary: 'Add a user account (e.g. the first admin)', load: async () => (await import('./user-add')).userAddCommand },
  { path: ['audit', 'verify'], summary: 'Verify the audit trail hash chain', load: async () => (await import('./audit-verify')).auditVerifyCommand },
];
