import { readConfig, pgliteDir } from '../../config';
import { openDatabase } from '../../store/database';
import { migrateToLatest } from '../../store/migrate';
import { parseOptions } from '../args';
import { EXIT, type Command } from '../command';

export const dbMigrateCommand: Command = {
  path: ['db', 'migrate'],
  help: `Usage: opspilot db migrate [--json]

Brings the database schema to the latest migration. Uses PostgreSQL when DATABASE_URL is set,
otherwise the embedded database under DATA_DIR (default ./data). The server also migrates on start.

Options:
  --json      print {"ok":true,"db":"pglite|postgres","applied":[...]} on one line
  -h, --help  show this help

Exit codes: 0 migrated (or already up to date), 2 the database could not be opened or a migration failed.`,
  async run(args, io) {
    const { values } = parseOptions(args, { json: { type: 'boolean' } }, false);
    const config = readConfig(io.env, io.cwd);
    let opened;
    try {
      opened = await openDatabase({ url: config.databaseUrl, pgliteDir: pgliteDir(config) });
    } catch (e) {
      return fail(io, values.json, `Could not open the database: ${(e as Error).message}. Check DATABASE_URL or DATA_DIR.`);
    }
    try {
      const outcome = await migrateToLatest(opened.db);
      if (outcome.error) {
        return fail(io, values.json, `Migration ${outcome.error.migration ?? '(unknown)'} failed: ${outcome.error.message}. Earlier migrations stay applied; fix the cause and run again.`);
      }
      if (values.json) io.stdout.write(`${JSON.stringify({ ok: true, db: opened.kind, applied: outcome.applied })}\n`);
      else io.stdout.write(outcome.applied.length ? `Applied ${outcome.applied.length} migration(s) on ${opened.kind}:\n${outcome.applied.map((m) => `  ${m}`).join('\n')}\n` : `The ${opened.kind} database is up to date.\n`);
      return EXIT.OK;
    } catch (e) {
      return fail(io, values.json, `Migrating failed: ${(e as Error).message}`);
    } finally {
      await opened.close();
    }
  },
};

function fail(io: Parameters<Command['run']>[1], json: boolean | undefined, message: string) {
  if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: { message } })}\n`);
  else io.stderr.write(`${message}\n`);
  return EXIT.USAGE;
}
