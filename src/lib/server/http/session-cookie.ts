import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$runtime/auth/sessions';

/**
 * The session cookie: httpOnly (no script reads it), SameSite=Lax (not sent on cross-site
 * POSTs), Secure whenever the studio is reached over HTTPS, directly or behind a proxy that says
 * so in x-forwarded-proto. It expires with the session's absolute expiry; the idle timeout is
 * enforced on the server.
 */
interface CookieEvent {
  readonly cookies: Cookies;
  readonly url: URL;
  readonly request: Request;
}

export function isHttps({ url, request }: Pick<CookieEvent, 'url' | 'request'>): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return url.protocol === 'https:' || forwarded === 'https';
}

const options = (event: CookieEvent) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure: isHttps(event) });

export function readSessionCookie(event: Pick<CookieEvent, 'cookies'>): string | undefined {
  return event.cookies.get(SESSION_COOKIE);
}

export function setSessionCookie(event: CookieEvent, { token, expiresAt }: { token: string; expiresAt: Date }): void {
  event.cookies.set(SESSION_COOKIE, token, { ...options(event), expires: expiresAt });
}

export function clearSessionCookie(event: CookieEvent): void {
  event.cookies.delete(SESSION_COOKIE, options(event));
}

/** The client's address for sign-in throttling (behind a proxy, set ADDRESS_HEADER; see README). */
export function clientAddress(event: { getClientAddress(): string }): string {
  try {
    return event.getClientAddress() || 'unknown';
  } catch {
    return 'unknown';
  }
}
