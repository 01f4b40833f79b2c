import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app/open-app';
import { openTestApp } from '../app/testing';
import { TEST_DATABASE_KINDS } from '../store/testing';
import { changeRole, createFirstAdmin, createUser, setUserDisabled } from './accounts';

const PASSWORD = 'a perfectly fine passphrase';

describe.each(TEST_DATABASE_KINDS)('accounts on %s', (kind) => {
  let app: App;
  beforeAll(async () => { app = await openTestApp({ kind }); });
  afterAll(async () => { await app?.close(); });

  it('creates the first admin exactly once, even when two setups race', async () => {
    expect(await app.repos.users.adminExists()).toBe(false);
    const [a, b] = await Promise.all([
      createFirstAdmin({ app, account: { email: 'root@firm.com', displayName: 'Root', password: PASSWORD }, correlationId: 'setup-1' }),
      createFirstAdmin({ app, account: { email: 'other@firm.com', password: PASSWORD } }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const refused = a.ok ? b : a;
    expect(refused).toMatchObject({ ok: false, problem: { code: 'already-set-up', message: expect.stringContaining('Sign in') } });
    expect(await app.repos.users.adminExists()).toBe(true);
    const [created] = await app.repos.audit.list({ action: 'user.create' });
    expect(created.summary).toMatchObject({ via: 'setup', before: null, after: { role: 'admin' } });
  });

  it('validates new accounts, with the remedy, and keeps emails unique in any case', async () => {
    const add = (email: string, password = PASSWORD) => createUser({ app, actor: 'test', role: 'viewer', account: { email, password } });
    expect(await add('not-an-email')).toMatchObject({ ok: false, problem: { kind: 'invalid', code: 'bad-email', field: 'email' } });
    expect(await add('vi@firm.com', 'short')).toMatchObject({ ok: false, problem: { code: 'weak-password', field: 'password' } });
    expect((await add('Vi@Firm.com')).ok).toBe(true);
    expect(await add('vi@FIRM.com')).toMatchObject({ ok: false, problem: { kind: 'conflict', code: 'email-taken' } });
    expect(await createUser({ app, actor: 'test', role: 'root' as never, account: { email: 'x@firm.com', password: PASSWORD } })).toMatchObject({ ok: false, problem: { code: 'bad-role' } });
    expect((await app.repos.users.findByEmail({ email: 'VI@firm.com' }))?.email).toBe('vi@firm.com');
  });

  it('never removes the last active admin, by demotion or by disabling', async () => {
    const root = (await app.repos.users.list()).find((u) => u.role === 'admin')!;
    expect(await changeRole({ app, actor: 'test', userId: root.id, role: 'viewer' })).toMatchObject({ ok: false, problem: { code: 'last-admin' } });
    expect(await setUserDisabled({ app, actor: 'test', userId: root.id, disabled: true })).toMatchObject({ ok: false, problem: { code: 'last-admin' } });
    const second = await createUser({ app, actor: 'test', role: 'admin', account: { email: 'second@firm.com', password: PASSWORD } });
    if (!second.ok) throw new Error(second.problem.message);
    const demoted = await changeRole({ app, actor: { id: second.value.id, name: 'Second', email: 'second@firm.com', role: 'admin' }, userId: root.id, role: 'approver', correlationId: 'r9' });
    expect(demoted).toMatchObject({ ok: true, value: { role: 'approver' } });
    const [entry] = await app.repos.audit.list({ action: 'user.role' });
    expect(entry).toMatchObject({ actor: 'second@firm.com', correlationId: 'r9', summary: { before: { role: 'admin' }, after: { role: 'approver' } } });
  });

  it('refuses to let an admin disable themself; enabling again is audited', async () => {
    const second = (await app.repos.users.findByEmail({ email: 'second@firm.com' }))!;
    const me = { id: second.id, name: 'Second', email: second.email, role: 'admin' as const };
    expect(await setUserDisabled({ app, actor: me, userId: second.id, disabled: true })).toMatchObject({ ok: false, problem: { code: 'self-disable' } });
    const vi = (await app.repos.users.findByEmail({ email: 'vi@firm.com' }))!;
    expect(await setUserDisabled({ app, actor: me, userId: vi.id, disabled: true })).toMatchObject({ ok: true, value: { disabledAt: expect.any(Date) } });
    expect(await setUserDisabled({ app, actor: me, userId: vi.id, disabled: false })).toMatchObject({ ok: true, value: { disabledAt: null } });
    expect((await app.repos.audit.list({ actor: 'second@firm.com' })).map((e) => e.action).slice(0, 2)).toEqual(['user.enable', 'user.disable']);
  });
});
