import type { App } from '../app/open-app';
import { refuse, succeed, type Outcome } from '../app/outcome';
import { appendAudit } from '../audit/append-audit';
import type { Logger } from '../observability/logger';
import type { UserRecord } from '../store/repositories/users';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './password-hash';
import { createSession, discardSession } from './sessions';

/**
 * Sign-in with email and password.
 * - Throttled per email address and per client address: after too many failures within the
 *   window the key is locked for a while, and attempts are refused without checking anything.
 *   Unknown addresses count exactly like known ones, and cost the same scrypt time.
 * - Success rotates the session: the session the browser presented (if any) is discarded and a
 *   new token issued, so a token planted before sign-in is worthless after it.
 * - Every attempt is audited; the password is never logged, stored or returned.
 */
export interface SignedIn {
  readonly user: UserRecord;
  readonly token: string;
  readonly expiresAt: Date;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const WRONG = 'The email or password is not right. Check both and try again; after repeated failures sign-in pauses for a while.';

function lockedMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-ins: sign-in is paused for ${minutes} minute${minutes === 1 ? '' : 's'}. Wait, or ask an admin to check the account.`;
}

export async function signIn({ app, email, password, ip, presentedToken, correlationId, log, now = new Date() }: {
  app: App; email: string; password: string; ip: string;
  /** The session token the request carried, if any: discarded on success (rotation). */
  presentedToken?: string;
  correlationId?: string | null; log?: Logger; now?: Date;
}): Promise<Outcome<SignedIn>> {
  const address = normaliseEmail(email).slice(0, 320);
  const { auth } = app.config;
  const keys = [`email:${address}`, `ip:${ip}`];
  const audit = (action: string, entity: string, summary: Record<string, unknown>, actor = 'anonymous') =>
    appendAudit({ app, actor, action, entity, summary, correlationId });

  const lockedUntil = await app.repos.authThrottle.lockedUntil({ keys, now });
  if (lockedUntil) {
    log?.warn({ email: address, ip }, 'sign-in refused: locked');
    await audit('auth.sign-in-refused', `email:${address}`, { email: address, ip, reason: 'locked', lockedUntil: lockedUntil.toISOString() });
    return refuse('locked', 'locked', lockedMessage(lockedUntil, now));
  }

  const user = address && password ? await app.repos.users.findForSignIn({ email: address }) : undefined;
  const matches = await verifyPassword({ password, stored: user?.passwordHash ?? (await decoyHash()) });
  if (!user || !matches) {
    const common = { now, windowMs: auth.failureWindowMs, lockoutMs: auth.lockoutMs };
    const byEmail = await app.repos.authThrottle.recordFailure({ key: keys[0], maxFailures: auth.maxFailuresPerEmail, ...common });
    const byIp = await app.repos.authThrottle.recordFailure({ key: keys[1], maxFailures: auth.maxFailuresPerIp, ...common });
    const locked = [byEmail.lockedUntil, byIp.lockedUntil].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
    const reason = !user ? 'unknown-email' : 'wrong-password';
    log?.info({ email: address, ip, reason, locked: Boolean(locked) }, 'sign-in failed');
    await audit('auth.sign-in-failed', user ? `user:${user.id}` : `email:${address}`, {
      email: address, ip, reason, failures: byEmail.failures, ...(locked ? { lockedUntil: locked.toISOString() } : {}),
    });
    return locked ? refuse('locked', 'locked', lockedMessage(locked, now)) : refuse('invalid', 'wrong-credentials', WRONG);
  }
  if (user.disabledAt) {
    log?.info({ userId: user.id, ip }, 'sign-in refused: disabled');
    await audit('auth.sign-in-refused', `user:${user.id}`, { email: address, ip, reason: 'disabled' });
    return refuse('forbidden', 'disabled', 'This account is disabled. Ask an admin to enable it.');
  }

  await app.repos.authThrottle.clear({ key: keys[0] });
  if (needsRehash({ stored: user.passwordHash })) {
    await app.repos.users.setPasswordHash({ id: user.id, passwordHash: await hashPassword({ password }) });
  }
  await discardSession({ app, token: presentedToken });
  await app.repos.sessions.deleteExpired({ now, idleMs: auth.idleMs });
  await app.repos.authThrottle.deleteStale({ now, windowMs: auth.failureWindowMs });
  const session = await createSession({ app, userId: user.id, now });
  log?.info({ userId: user.id, ip }, 'signed in');
  await audit('auth.sign-in', `user:${user.id}`, { email: address, ip, before: { signedIn: false }, after: { signedIn: true, sessionExpiresAt: session.expiresAt.toISOString() } }, user.email);
  const { passwordHash: _omitted, ...publicUser } = user;
  return succeed({ user: publicUser, token: session.token, expiresAt: session.expiresAt });
}
