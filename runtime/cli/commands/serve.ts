import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { readConfig } from '../../config';
import { parseOptions } from '../args';
import { buildIfStale } from '../build-if-stale';
import { EXIT, UsageError, type Command } from '../command';
import { PROJECT_ROOT } from '../project-root';

export const serveCommand: Command = {
  path: ['serve'],
  help: `Usage: opspilot serve [--port N] [--data-dir DIR]

Serves the studio at http://localhost:3000. On first start (or after the sources change) it
builds the studio first. Migrations run and the shipped demo content is put in place on start.

Options:
  --port N        listen on port N (default: PORT, else 3000)
  --data-dir DIR  embedded database and stored files (default: DATA_DIR, else ./data)
  -h, --help      show this help

Environment: DATABASE_URL (use PostgreSQL instead of the embedded database), DATA_DIR, PORT,
ORIGIN (the address users open, default http://localhost:PORT; set it behind a proxy or when
users reach the studio by another name), HANDSONTABLE_LICENSE_KEY, MAX_UPLOAD_MB, LOG_LEVEL,
SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS, SIGN_IN_MAX_FAILURES, TRUSTED_ORIGINS.`,
  async run(args, io) {
    const { values } = parseOptions(args, { port: { type: 'string' }, 'data-dir': { type: 'string' } }, false);
    if (values.port !== undefined) {
      if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) throw new UsageError(`--port must be a port number, got ${values.port}`);
      process.env.PORT = values.port;
    }
    if (values['data-dir']) process.env.DATA_DIR = path.resolve(io.cwd, values['data-dir']);
    const config = readConfig(process.env, io.cwd);
    process.env.PORT = String(config.port);
    process.env.DATA_DIR = config.dataDir;
    process.env.TEMPLATES_DIR ??= path.join(PROJECT_ROOT, 'templates');
    // adapter-node assumes https unless told the public address; the studio's sign-in form and
    // cross-site checks compare against it. Behind a proxy, set ORIGIN=https://your.host.
    process.env.ORIGIN ||= `http://localhost:${config.port}`;
    await buildIfStale((line) => io.stderr.write(`${line}\n`));
    await import(pathToFileURL(path.join(PROJECT_ROOT, 'build', 'index.js')).href);
    // The server keeps the process alive; this command returns once it is listening.
    return EXIT.OK;
  },
};
