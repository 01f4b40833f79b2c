import { createHash, randomBytes } from 'node:crypto';
import type { App } from '../app/open-app';
import { appendAudit } from '../audit/append-audit';
import type { UserRecord } from '../store/repositories/users';

/**
 * Database sessions. The browser holds a random token; the database holds its SHA-256. A session
 * ends at its absolute expiry (set at sign-in) or after the idle timeout since it was last used,
 * whichever comes first; both come from the auth config.
 */
export interface ActiveSession {
  readonly sessionId: string;
  readonly user: UserRecord;
  readonly expiresAt: Date;
  /** When it ends if unused: min(absolute expiry, last use + idle timeout). */
  readonly idleExpiresAt: Date;
}

/**
 * Session tokens: 32 random bytes, base64url, sent only in the httpOnly session cookie. The
 * database keeps the SHA-256 of the token, so a leaked sessions table opens no session.
 */
export const SESSION_COOKIE = 'opspilot_session';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdOf({ token }: { token: string }): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A cookie value shaped like a token; anything else is ignored without touching the database. */
export function looksLikeToken(value: string | undefined): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** Last-use times are written at most this often, so reads do not all become writes. */
const TOUCH_EVERY_MS = 60_000;

export async function createSession({ app, userId, now = new Date() }: { app: App; userId: string; now?: Date }): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + app.config.auth.absoluteMs);
  await app.repos.sessions.insert({ id: sessionIdOf({ token }), userId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** The session a cookie's token opens, or null: unknown, expired, idle too long, or user disabled. */
export async function resolveSession({ app, token, now = new Date() }: { app: App; token: string | undefined; now?: Date }): Promise<ActiveSession | null> {
  if (!looksLikeToken(token)) return null;
  const sessionId = sessionIdOf({ token });
  const found = await app.repos.sessions.findWithUser({ id: sessionId });
  if (!found) return null;
  const { session, user } = found;
  const idleDeadline = new Date(session.lastSeenAt.getTime() + app.config.auth.idleMs);
  if (session.expiresAt <= now || idleDeadline <= now) {
    await app.repos.sessions.delete({ id: sessionId });
    return null;
  }
  let lastSeen = session.lastSeenAt;
  if (now.getTime() - lastSeen.getTime() >= TOUCH_EVERY_MS) {
    await app.repos.sessions.touch({ id: sessionId, at: now });
    lastSeen = now;
  }
  const idleExpiresAt = new Date(Math.min(session.expiresAt.getTime(), lastSeen.getTime() + app.config.auth.idleMs));
  return { sessionId, user, expiresAt: session.expiresAt, idleExpiresAt };
}

/** Ends the session the token opens (sign-out); audited when there was one. */
export async function endSession({ app, token, correlationId }: { app: App; token: string | undefined; correlationId?: string | null }): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  const sessionId = sessionIdOf({ token });
  const found = await app.repos.sessions.findWithUser({ id: sessionId });
  const deleted = await app.repos.sessions.delete({ id: sessionId });
  if (deleted && found) {
    await appendAudit({
      app, actor: found.user.email, action: 'auth.sign-out', entity: `user:${found.user.id}`,
      summary: { before: { signedIn: true }, after: { signedIn: false } }, correlationId,
    });
  }
  return deleted;
}

/** Drops a presented session without auditing a sign-out: rotation at sign-in. */
export async function discardSession({ app, token }: { app: App; token: string | undefined }): Promise<void> {
  if (looksLikeToken(token)) await app.repos.sessions.delete({ id: sessionIdOf({ token }) });
}
