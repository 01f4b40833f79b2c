import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app/open-app';
import { openTestApp } from '../app/testing';
import { TEST_DATABASE_KINDS } from '../store/testing';
import { createUser, setUserDisabled } from './accounts';
import { endSession, resolveSession } from './sessions';
import { signIn } from './sign-in';

const MIN = 60_000;
const PASSWORD = 'a perfectly fine passphrase';

describe.each(TEST_DATABASE_KINDS)('sign-in and sessions on %s', (kind) => {
  let app: App;
  const t0 = new Date('2026-11-23T09:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);

  beforeAll(async () => {
    app = await openTestApp({ kind, env: { SIGN_IN_MAX_FAILURES: '3', SIGN_IN_MAX_FAILURES_PER_IP: '6', SIGN_IN_LOCKOUT_MINUTES: '15', SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '12' } });
    for (const email of ['ana@firm.com', 'bob@firm.com', 'cy@firm.com', 'dee@firm.com']) {
      const made = await createUser({ app, actor: 'test', role: 'analyst', account: { email, password: PASSWORD } });
      expect(made.ok).toBe(true);
    }
  });
  afterAll(async () => { await app?.close(); });

  it('signs in with the right password (email in any case) and stores only the SHA-256 of the token', async () => {
    const result = await signIn({ app, email: '  ANA@Firm.com ', password: PASSWORD, ip: '10.0.0.1', now: t0 });
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.value.user).toMatchObject({ email: 'ana@firm.com', role: 'analyst' });
    expect(result.value.user).not.toHaveProperty('passwordHash');
    expect(result.value.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.value.expiresAt).toEqual(at(12 * 60));
    const stored = await app.db.selectFrom('sessions').select('id').where('user_id', '=', result.value.user.id).execute();
    expect(stored.map((s) => s.id)).toContain(createHash('sha256').update(result.value.token).digest('hex'));
    expect(stored.map((s) => s.id)).not.toContain(result.value.token);
    expect(await resolveSession({ app, token: result.value.token, now: at(1) })).toMatchObject({ user: { email: 'ana@firm.com' } });
  });

  it('rotates the session at sign-in: the token presented before is dead afterwards', async () => {
    const first = await signIn({ app, email: 'ana@firm.com', password: PASSWORD, ip: '10.0.0.1', now: t0 });
    if (!first.ok) throw new Error('first sign-in failed');
    const second = await signIn({ app, email: 'ana@firm.com', password: PASSWORD, ip: '10.0.0.1', presentedToken: first.value.token, now: at(1) });
    if (!second.ok) throw new Error('second sign-in failed');
    expect(second.value.token).not.toBe(first.value.token);
    expect(await resolveSession({ app, token: first.value.token, now: at(2) })).toBeNull();
    expect(await resolveSession({ app, token: second.value.token, now: at(2) })).not.toBeNull();
  });

  it('ends a session left idle past the idle timeout, and keeps one in use alive', async () => {
    const s = await signIn({ app, email: 'bob@firm.com', password: PASSWORD, ip: '10.0.0.2', now: t0 });
    if (!s.ok) throw new Error('sign-in failed');
    expect(await resolveSession({ app, token: s.value.token, now: at(29) })).not.toBeNull(); // used: idle clock restarts
    expect(await resolveSession({ app, token: s.value.token, now: at(58) })).not.toBeNull();
    expect(await resolveSession({ app, token: s.value.token, now: at(58 + 31) })).toBeNull();
    expect(await resolveSession({ app, token: s.value.token, now: at(60) })).toBeNull(); // deleted, not just refused
  });

  it('ends a session at its absolute expiry even while it is in use', async () => {
    const s = await signIn({ app, email: 'bob@firm.com', password: PASSWORD, ip: '10.0.0.2', now: t0 });
    if (!s.ok) throw new Error('sign-in failed');
    for (let m = 20; m < 12 * 60; m += 20) expect(await resolveSession({ app, token: s.value.token, now: at(m) })).not.toBeNull();
    expect(await resolveSession({ app, token: s.value.token, now: at(12 * 60) })).toBeNull();
  });

  it('ignores a malformed or unknown token, and sign-out deletes the session and is audited', async () => {
    expect(await resolveSession({ app, token: 'nope', now: t0 })).toBeNull();
    expect(await resolveSession({ app, token: 'A'.repeat(43), now: t0 })).toBeNull();
    const s = await signIn({ app, email: 'cy@firm.com', password: PASSWORD, ip: '10.0.0.3', now: t0 });
    if (!s.ok) throw new Error('sign-in failed');
    expect(await endSession({ app, token: s.value.token, correlationId: 'req-out' })).toBe(true);
    expect(await resolveSession({ app, token: s.value.token, now: at(1) })).toBeNull();
    const [out] = await app.repos.audit.list({ action: 'auth.sign-out', limit: 1 });
    expect(out).toMatchObject({ actor: 'cy@firm.com', correlationId: 'req-out', summary: { after: { signedIn: false } } });
  });

  it('says the same thing for a wrong password and an unknown email', async () => {
    const wrong = await signIn({ app, email: 'dee@firm.com', password: 'not the password', ip: '10.1.0.1', now: t0 });
    const unknown = await signIn({ app, email: 'nobody@firm.com', password: 'not the password', ip: '10.1.0.2', now: t0 });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, problem: { code: 'wrong-credentials' } });
  });

  it('LOCKOUT: locks an account after repeated failures, refuses even the right password, then lifts', async () => {
    const attempt = (password: string, minute: number, ip = `10.2.0.${minute}`) => signIn({ app, email: 'cy@firm.com', password, ip, now: at(minute) });
    expect((await attempt('wrong one', 1)).ok).toBe(false);
    expect((await attempt('wrong two', 2)).ok).toBe(false);
    const third = await attempt('wrong three', 3);
    expect(third).toMatchObject({ ok: false, problem: { kind: 'locked', message: expect.stringMatching(/paused for 15 minutes/) } });
    expect(await attempt(PASSWORD, 4)).toMatchObject({ ok: false, problem: { code: 'locked' } });
    expect(await attempt(PASSWORD, 17)).toMatchObject({ ok: false, problem: { code: 'locked' } });
    expect((await attempt(PASSWORD, 19)).ok).toBe(true);
    const failed = await app.repos.audit.list({ action: 'auth.sign-in-failed', actor: 'anonymous' });
    expect(failed.some((e) => (e.summary as { lockedUntil?: string }).lockedUntil)).toBe(true);
    expect((await app.repos.audit.list({ action: 'auth.sign-in-refused' })).length).toBeGreaterThanOrEqual(2);
  });

  it('LOCKOUT: throttles an unknown email exactly like a known one', async () => {
    for (let i = 0; i < 3; i++) await signIn({ app, email: 'ghost@firm.com', password: `guess ${i}`, ip: `10.3.0.${i}`, now: at(i) });
    expect(await signIn({ app, email: 'ghost@firm.com', password: 'guess 4', ip: '10.3.0.9', now: at(4) })).toMatchObject({ ok: false, problem: { code: 'locked' } });
  });

  it('LOCKOUT: locks a client address spraying many accounts, and only that address', async () => {
    for (let i = 0; i < 6; i++) await signIn({ app, email: `spray${i}@firm.com`, password: 'Password123!', ip: '192.0.2.66', now: at(30 + i) });
    expect(await signIn({ app, email: 'dee@firm.com', password: PASSWORD, ip: '192.0.2.66', now: at(37) })).toMatchObject({ ok: false, problem: { code: 'locked' } });
    expect((await signIn({ app, email: 'dee@firm.com', password: PASSWORD, ip: '192.0.2.67', now: at(37) })).ok).toBe(true);
  });

  it('forgets failures outside the window', async () => {
    await signIn({ app, email: 'bob@firm.com', password: 'x wrong 1', ip: '10.4.0.1', now: at(100) });
    await signIn({ app, email: 'bob@firm.com', password: 'x wrong 2', ip: '10.4.0.2', now: at(101) });
    const later = await signIn({ app, email: 'bob@firm.com', password: 'x wrong 3', ip: '10.4.0.3', now: at(130) });
    expect(later).toMatchObject({ ok: false, problem: { code: 'wrong-credentials' } });
  });

  it('refuses a disabled user, whose sessions ended when they were disabled', async () => {
    const s = await signIn({ app, email: 'dee@firm.com', password: PASSWORD, ip: '10.5.0.1', now: new Date() });
    if (!s.ok) throw new Error('sign-in failed');
    const disabled = await setUserDisabled({ app, actor: 'test', userId: s.value.user.id, disabled: true });
    expect(disabled.ok).toBe(true);
    expect(await resolveSession({ app, token: s.value.token })).toBeNull();
    expect(await signIn({ app, email: 'dee@firm.com', password: PASSWORD, ip: '10.5.0.1' })).toMatchObject({ ok: false, problem: { code: 'disabled' } });
  });

  it('audits sign-ins without the password', async () => {
    const entries = await app.repos.audit.list({ limit: 1000 });
    expect(entries.filter((e) => e.action === 'auth.sign-in').length).toBeGreaterThan(3);
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
  });
});
