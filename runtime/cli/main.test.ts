import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations/index';
import { COMMANDS } from './commands/index';
import { main } from './main';
import { runCli } from './testing';

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  return runCli({ argv, env });
}

describe('opspilot CLI', () => {
  let dataDir: string;
  beforeAll(async () => { dataDir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-cli-')); });
  afterAll(async () => { await rm(dataDir, { recursive: true, force: true }); });

  it('lists every command in --help and exits 0', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    for (const c of COMMANDS) expect(out).toContain(c.path.join(' '));
  });

  it.each(COMMANDS.map((c) => [c.path.join(' '), c] as const))('`%s --help` prints its usage and exits 0', async (_name, entry) => {
    expect((await entry.load()).path).toEqual(entry.path);
    const { code, out } = await run([...entry.path, '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: opspilot /);
  });

  it('exits 2 with a hint on an unknown command, and on no command', async () => {
    expect(await run(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining('opspilot --help') });
    expect(await run(['db', 'nope'])).toMatchObject({ code: 2, err: expect.stringContaining('db migrate') });
    expect((await run([])).code).toBe(2);
  });

  it('exits 2 and shows the help on an unknown option', async () => {
    const { code, err } = await run(['db', 'migrate', '--bogus']);
    expect(code).toBe(2);
    expect(err).toMatch(/Unknown option '--bogus'[\s\S]*Usage: opspilot db migrate/);
  });

  it('migrates an embedded database, then finds it up to date', async () => {
    const first = await run(['db', 'migrate', '--json'], { DATA_DIR: dataDir });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toEqual({ ok: true, db: 'pglite', applied: Object.keys(MIGRATIONS) });
    const again = await run(['db', 'migrate', '--json'], { DATA_DIR: dataDir });
    expect(JSON.parse(again.out)).toEqual({ ok: true, db: 'pglite', applied: [] });
  });

  it('exits 2 with a clear message when PostgreSQL is unreachable', async () => {
    const { code, out } = await run(['db', 'migrate', '--json'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(code).toBe(2);
    expect(JSON.parse(out)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/ECONNREFUSED|connect/) } });
  });

  it('runs as a real process through the package bin, with no build step', async () => {
    const bin = path.resolve(__dirname, '../../bin/opspilot.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--help']);
    expect(stdout).toContain('Usage: opspilot <command>');
  });
});
