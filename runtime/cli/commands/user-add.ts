import os from 'node:os';
import { createInterface } from 'node:readline';
import { openApp } from '../../app/open-app';
import { createUser } from '../../auth/accounts';
import { isRole, ROLES } from '../../auth/roles';
import { readConfig } from '../../config';
import { createLogger } from '../../observability/logger';
import { parseOptions } from '../args';
import { EXIT, UsageError, type Command, type CommandIO } from '../command';

const HELP = `Usage: opspilot user add --email ADDRESS --role ROLE [--name NAME] [--password-stdin] [--json]

Adds a user account, headless: the first admin of a new installation (instead of the setup page),
or anyone else. There is no default password: give it on standard input with --password-stdin, or
type it at the prompt (asked twice, not echoed). At least 12 characters.

Options:
  --email ADDRESS     the sign-in email (unique, case-insensitive)
  --role ROLE         one of: ${ROLES.join(', ')}
  --name NAME         display name (default: the part of the email before @)
  --password-stdin    read the password from standard input (one line)
  --json              print {"ok":true,"user":{...}} or {"ok":false,"error":{...}} on one line
  -h, --help          show this help

Uses PostgreSQL when DATABASE_URL is set, else the embedded database under DATA_DIR. The embedded
database is single-process: stop the server first, or add users on its Users page instead.

Examples:
  printf '%s\\n' "$ADMIN_PASSWORD" | opspilot user add --email ops-admin@firm.com --role admin --password-stdin
  opspilot user add --email ana@firm.com --role analyst --name "Ana Lyst"

Exit codes: 0 added, 2 bad input (unknown role, weak password, email taken) or no database.`;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text;
}

/** One line from a terminal without echoing it. */
function promptHidden(io: CommandIO, question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: io.stdin as NodeJS.ReadableStream, output: io.stderr, terminal: true });
    const writer = rl as unknown as { _writeToOutput: (s: string) => void };
    io.stderr.write(question);
    writer._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      io.stderr.write('\n');
      resolve(answer);
    });
  });
}

async function readPassword(io: CommandIO, fromStdin: boolean): Promise<string> {
  if (fromStdin) return (await readAll(io.stdin)).replace(/\r?\n$/, '');
  if (!(io.stdin as { isTTY?: boolean }).isTTY) throw new UsageError('No password: pass --password-stdin and pipe it in, or run in a terminal to be prompted.');
  const first = await promptHidden(io, 'Password: ');
  const again = await promptHidden(io, 'Password again: ');
  if (first !== again) throw new UsageError('The two passwords differ; run the command again.');
  return first;
}

export const userAddCommand: Command = {
  path: ['user', 'add'],
  help: HELP,
  async run(args, io) {
    const { values } = parseOptions(args, {
      email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' },
      'password-stdin': { type: 'boolean' }, json: { type: 'boolean' },
    }, false);
    if (!values.email) throw new UsageError('--email is required.');
    if (!values.role || !isRole(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}${values.role ? `, got ${values.role}` : ''}.`);
    const password = await readPassword(io, Boolean(values['password-stdin']));
    const say = (ok: boolean, body: Record<string, unknown>, text: string) => {
      if (values.json) io.stdout.write(`${JSON.stringify({ ok, ...body })}\n`);
      else (ok ? io.stdout : io.stderr).write(`${text}\n`);
    };
    let app;
    try {
      app = await openApp({ config: readConfig(io.env, io.cwd), logger: createLogger({ level: 'silent' }) });
    } catch (e) {
      say(false, { error: { code: 'no-database', message: (e as Error).message } }, `Could not open the database: ${(e as Error).message}. Check DATABASE_URL or DATA_DIR.`);
      return EXIT.USAGE;
    }
    try {
      const outcome = await createUser({
        app, actor: `cli:${os.userInfo().username}`, role: values.role,
        account: { email: values.email, displayName: values.name, password },
      });
      if (!outcome.ok) {
        say(false, { error: outcome.problem }, outcome.problem.message);
        return EXIT.USAGE;
      }
      const u = outcome.value;
      say(true, { user: { id: u.id, email: u.email, displayName: u.displayName, role: u.role } }, `Added ${u.email} (${u.role}).`);
      return EXIT.OK;
    } finally {
      await app.close();
    }
  },
};
