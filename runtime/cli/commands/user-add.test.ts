import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/database';
import { repositories } from '../../store/index';
import { main } from '../main';
import { runCli } from '../testing';

async function run(argv: string[], env: NodeJS.ProcessEnv, stdinText?: string) {
  return runCli({ argv, env, stdin: stdinText });
}

describe('opspilot user add', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-user-add-'));
    env = { DATA_DIR: dataDir };
  });
  afterAll(async () => { await rm(dataDir, { recursive: true, force: true }); });

  it('adds the first admin with the password from stdin, and prints no password', async () => {
    const r = await run(['user', 'add', '--email', 'Ops-Admin@Firm.com', '--role', 'admin', '--name', 'Ops Admin', '--password-stdin', '--json'], env, 'Saffron-Glacier-Tundra-77\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ ok: true, user: { id: expect.any(String), email: 'ops-admin@firm.com', displayName: 'Ops Admin', role: 'admin' } });
    expect(r.out + r.err).not.toContain('Saffron');
    const human = await run(['user', 'add', '--email', 'ana@firm.com', '--role', 'analyst', '--password-stdin'], env, 'Copper-Willow-Beacon-31');
    expect(human).toMatchObject({ code: 0, out: 'Added ana@firm.com (analyst).\n' });
  });

  it('exits 2 with the remedy for a weak password, a taken email, an unknown role or no password source', async () => {
    const weak = await run(['user', 'add', '--email', 'v@firm.com', '--role', 'viewer', '--password-stdin'], env, 'short\n');
    expect(weak).toMatchObject({ code: 2, err: expect.stringContaining('at least 12 characters') });
    const taken = await run(['user', 'add', '--email', 'ANA@firm.com', '--role', 'viewer', '--password-stdin', '--json'], env, 'Copper-Willow-Beacon-32');
    expect(taken.code).toBe(2);
    expect(JSON.parse(taken.out)).toMatchObject({ ok: false, error: { code: 'email-taken' } });
    expect(await run(['user', 'add', '--email', 'x@firm.com', '--role', 'root', '--password-stdin'], env, 'whatever')).toMatchObject({ code: 2, err: expect.stringContaining('--role must be one of viewer, analyst, approver, admin') });
    expect(await run(['user', 'add', '--email', 'x@firm.com', '--role', 'viewer'], env)).toMatchObject({ code: 2, err: expect.stringContaining('--password-stdin') });
    expect(await run(['user', 'add', '--role', 'viewer', '--password-stdin'], env, 'x')).toMatchObject({ code: 2, err: expect.stringContaining('--email is required') });
  });

  it('stores a scrypt hash, and audits the additions as the CLI user', async () => {
    const opened = await openDatabase({ pgliteDir: path.join(dataDir, 'db') });
    try {
      const repos = repositories(opened.db);
      const user = await repos.users.findForSignIn({ email: 'ops-admin@firm.com' });
      expect(user?.passwordHash).toMatch(/^scrypt\$ln=15,r=8,p=1\$/);
      const entries = await repos.audit.list({ action: 'user.create' });
      expect(entries.map((e) => e.actor)).toEqual([`cli:${os.userInfo().username}`, `cli:${os.userInfo().username}`]);
      expect(await repos.users.adminExists()).toBe(true);
    } finally {
      await opened.close();
    }
  });
});
