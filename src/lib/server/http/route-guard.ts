import type { App } from '$runtime/app/open-app';
import { roleAtLeast } from '$runtime/auth/roles';
import type { Role } from '$runtime/store/schema';
import { error } from '@sveltejs/kit';
import type { RequestUser } from '../trpc/context';

/**
 * Who may open which page, decided in one place for the request hook and the root layout load:
 * - while no admin exists, every page leads to the one-time setup page;
 * - after that, setup is gone, and every page but sign-in needs a session;
 * - the API, health and metrics endpoints answer for themselves (401 JSON, not a redirect).
 */
export type RouteAccess = { readonly kind: 'allow' } | { readonly kind: 'redirect'; readonly location: string };

const SELF_GUARDED = [/^\/api\//, /^\/healthz\/?$/, /^\/metrics\/?$/, /^\/_app\//, /^\/favicon\.svg$/];
const ALLOW: RouteAccess = { kind: 'allow' };

/** A same-site path to return to after sign-in; anything else becomes the start page. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\r\n]/.test(next)) return '/templates';
  if (next.startsWith('/login') || next.startsWith('/setup') || next.startsWith('/logout')) return '/templates';
  return next;
}

export async function routeAccess({ url, user, adminExists }: {
  url: URL; user: RequestUser | null; adminExists: () => Promise<boolean>;
}): Promise<RouteAccess> {
  const path = url.pathname.replace(/\/__data\.json$/, '') || '/';
  if (SELF_GUARDED.some((r) => r.test(path))) return ALLOW;
  if (!(await adminExists())) return path === '/setup' ? ALLOW : { kind: 'redirect', location: '/setup' };
  if (path === '/setup') return { kind: 'redirect', location: user ? '/templates' : '/login' };
  // Sign-in stays reachable when signed in: signing in again switches user (and rotates the session).
  if (path === '/logout' || path === '/login') return ALLOW;
  if (!user) {
    const back = path === '/' ? '' : `?next=${encodeURIComponent(path + url.search)}`;
    return { kind: 'redirect', location: `/login${back}` };
  }
  return ALLOW;
}

/** For a page's load or action: refuses (403) a user below the page's role, with the remedy. */
export function requireRole(locals: { user: RequestUser | null }, minimum: Role): RequestUser {
  if (!locals.user) error(401, 'Sign in to continue.');
  if (!roleAtLeast(locals.user.role, minimum)) {
    error(403, `This page needs the ${minimum} role; you are ${locals.user.role}. Ask an admin for access.`);
  }
  return locals.user;
}

/**
 * Whether the one-time setup is done. Asked on every page request until an admin exists, then
 * remembered: the last active admin can never be demoted or disabled, so it stays true.
 */
const known = new WeakMap<App, true>();

export async function adminExists(app: App): Promise<boolean> {
  if (known.has(app)) return true;
  const exists = await app.repos.users.adminExists();
  if (exists) known.set(app, true);
  return exists;
}
