import { verifyAuditChain } from '../../audit/audit-hash';
import { pgliteDir, readConfig } from '../../config';
import { openDatabase } from '../../store/database';
import { auditLogRepository } from '../../store/repositories/audit-log';
import { parseOptions } from '../args';
import { EXIT, type Command } from '../command';

const HELP = `Usage: opspilot audit verify [--json]

Recomputes the audit trail's hash chain from the first entry to the last: every entry's hash over
its contents and the previous entry's hash. Reports the first entry that does not verify (edited,
or a gap where entries were removed), or the head of an intact chain. Keep the head's seq and
hash somewhere else: a later run that shows the same entry proves nothing was cut from the end.

Options:
  --json      print {"ok":true,"entries":N,"head":{"seq":S,"hash":H}} or
              {"ok":false,"entries":N,"firstBad":{"seq":S,"problem":...,"message":...}}
  -h, --help  show this help

Uses PostgreSQL when DATABASE_URL is set, else the embedded database under DATA_DIR.

Exit codes: 0 the chain is intact, 1 the chain is broken, 2 the database could not be read.`;

export const auditVerifyCommand: Command = {
  path: ['audit', 'verify'],
  help: HELP,
  async run(args, io) {
    const { values } = parseOptions(args, { json: { type: 'boolean' } }, false);
    const config = readConfig(io.env, io.cwd);
    let opened;
    try {
      opened = await openDatabase({ url: config.databaseUrl, pgliteDir: pgliteDir(config) });
    } catch (e) {
      io.stderr.write(`Could not open the database: ${(e as Error).message}. Check DATABASE_URL or DATA_DIR.\n`);
      return EXIT.USAGE;
    }
    try {
      const result = await verifyAuditChain({ audit: auditLogRepository(opened.db) });
      if (values.json) {
        io.stdout.write(`${JSON.stringify(result)}\n`);
      } else if (result.ok) {
        io.stdout.write(result.head
          ? `Audit chain intact: ${result.entries} entries; head ${result.head.seq} ${result.head.hash}\n`
          : 'Audit chain intact: the log is empty.\n');
      } else {
        io.stdout.write(`Audit chain BROKEN at entry ${result.firstBad.seq} (${result.firstBad.problem}): ${result.firstBad.message}\n` +
          `Entries before ${result.firstBad.seq} verify (${result.entries}). Restore the log from a backup, and investigate who had write access to the database.\n`);
      }
      return result.ok ? EXIT.OK : EXIT.FINDINGS;
    } catch (e) {
      io.stderr.write(`Could not read the audit log: ${(e as Error).message}. Run \`opspilot db migrate\` if the database is new.\n`);
      return EXIT.USAGE;
    } finally {
      await opened.close();
    }
  },
};
