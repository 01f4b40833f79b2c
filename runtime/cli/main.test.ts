import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

  it('answers the same from its bundle as from the TypeScript sources, failures included', async () => {
    const bin = path.resolve(__dirname, '../../bin/opspilot.js');
    const left = path.join(dataDir, 'left.csv');
    const right = path.join(dataDir, 'right.csv');
    await writeFile(left, 'id,qty,price\nA,1,10.5\nB,2,11\nC,3,12\n');
    await writeFile(right, 'id,qty,price\nA,1,10.52\nB,5,11\nD,4,13\n');
    const cli = async (args: string[], bundle: '0' | '1') => {
      const child = await promisify(execFile)(process.execPath, [bin, ...args], { cwd: dataDir, env: { ...process.env, OPSPILOT_BUNDLE: bundle } })
        .then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));
      return { ...child, stdout: child.stdout.replace(/,"duration_ms":\d+/, '') };
    };
    for (const args of [
      ['recon', '--left', 'left.csv', '--right', 'right.csv', '--on', 'id', '--tolerance', 'price=abs:0.05', '--json'],
      ['recon', '--left', 'left.csv', '--right', 'right.csv', '--on', 'ident'],
      ['formula', '=ROUND(1.005, 2)'],
    ]) {
      const [bundled, fromSource] = [await cli(args, '1'), await cli(args, '0')];
      expect(bundled).toEqual(fromSource);
    }
    expect(JSON.parse((await cli(['recon', '--left', 'left.csv', '--right', 'right.csv', '--on', 'id', '--json'], '1')).stdout)).toMatchObject({ common: 2, only_left: 1, only_right: 1, unequal_rows: 2 });
    // The bundle it ran from is in the cache, with the sources it was built from.
    const manifest = JSON.parse(await readFile(path.resolve(__dirname, '../../node_modules/.cache/opspilot/cli.json'), 'utf8'));
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(['runtime/cli/main.ts', 'runtime/cli/commands/recon.ts']));
  });
});
