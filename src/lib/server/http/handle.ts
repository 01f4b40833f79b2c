import { randomUUID } from 'node:crypto';
import { isRedirect, json, redirect, text, type Handle, type RequestEvent } from '@sveltejs/kit';
import type { App } from '$runtime/app/open-app';
import { resolveSession } from '$runtime/auth/sessions';
import type { Logger } from '$runtime/observability/logger';
import type { Metrics } from '$runtime/observability/metrics';
import { crossSiteRefusal } from './csrf';
import { adminExists, routeAccess } from './route-guard';
import { clearSessionCookie, readSessionCookie } from './session-cookie';

/**
 * The request hook, built from its parts so tests drive it with their own app and logger:
 * 1. a correlation id (x-request-id, echoed back) and a request-scoped logger;
 * 2. cross-site refusal for state-changing requests (csrf.ts);
 * 3. the session from the cookie → `locals.user` (an expired or unknown cookie is cleared);
 * 4. the page guard: setup while no admin exists, sign-in without a session (route-guard.ts);
 * 5. one log line and a duration metric per request.
 */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

export function createHandle({ getApp, logger, metrics }: { getApp: () => Promise<App>; logger: Logger; metrics?: Metrics }): Handle {
  return async ({ event, resolve }) => {
    const incoming = event.request.headers.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const log = logger.child({ requestId });
    event.locals.requestId = requestId;
    event.locals.log = log;

    const started = performance.now();
    let status = 500;
    try {
      event.locals.app = await getApp();
      const response = await guarded(event, resolve);
      status = response.status;
      response.headers.set('x-request-id', requestId);
      return response;
    } catch (e) {
      if (isRedirect(e)) status = e.status;
      throw e;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const route = event.route.id ?? 'unmatched';
      metrics?.httpDuration.observe({ method: event.request.method, route, status: String(status) }, seconds);
      log.info({ method: event.request.method, path: event.url.pathname, route, status, ms: Math.round(seconds * 1000), user: event.locals.user?.id ?? undefined }, 'request');
    }
  };
}

async function guarded(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']): Promise<Response> {
  const { app, log } = event.locals;
  event.locals.user = null;
  event.locals.session = null;
  const refusal = crossSiteRefusal({ method: event.request.method, headers: event.request.headers, url: event.url, trustedOrigins: app.config.auth.trustedOrigins });
  if (refusal) {
    log.warn({ origin: refusal.origin, method: event.request.method, path: event.url.pathname }, 'cross-site request refused');
    const wantsJson = (event.request.headers.get('accept') ?? '').includes('json') || event.url.pathname.startsWith('/api/');
    return wantsJson ? json({ message: refusal.message }, { status: 403 }) : text(refusal.message, { status: 403 });
  }

  const token = readSessionCookie(event);
  if (token) {
    const session = await resolveSession({ app, token });
    if (session) {
      const { user } = session;
      event.locals.user = { id: user.id, name: user.displayName, email: user.email, role: user.role };
      event.locals.session = { expiresAt: session.expiresAt, idleExpiresAt: session.idleExpiresAt };
    } else {
      clearSessionCookie(event);
    }
  }

  const access = await routeAccess({ url: event.url, user: event.locals.user, adminExists: () => adminExists(app) });
  if (access.kind === 'redirect') redirect(303, access.location);
  return resolve(event);
}
