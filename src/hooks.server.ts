import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getApp, logger, metrics } from '$lib/server/app-instance';

/** Opening the app (database, migrations, demo content) happens before the first request. */
export const init: ServerInit = async () => {
  await getApp();
};

const REQUEST_ID = /^[\w.:-]{1,128}$/;

// Until accounts land every request acts as one local operator; the accounts work replaces this
// with the signed-in user from the session cookie.
const LOCAL_OPERATOR = Object.freeze({ id: null, name: 'local operator', role: 'admin' as const });

export const handle: Handle = async ({ event, resolve }) => {
  const incoming = event.request.headers.get('x-request-id');
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  const log = logger.child({ requestId });
  event.locals.requestId = requestId;
  event.locals.log = log;
  event.locals.app = await getApp();
  event.locals.user = LOCAL_OPERATOR;

  const started = performance.now();
  let status = 500;
  try {
    const response = await resolve(event);
    status = response.status;
    response.headers.set('x-request-id', requestId);
    return response;
  } finally {
    const seconds = (performance.now() - started) / 1000;
    const route = event.route.id ?? 'unmatched';
    metrics.httpDuration.observe({ method: event.request.method, route, status: String(status) }, seconds);
    log.info({ method: event.request.method, path: event.url.pathname, route, status, ms: Math.round(seconds * 1000) }, 'request');
  }
};

export const handleError: HandleServerError = ({ error, event, status }) => {
  const requestId = event.locals.requestId ?? 'unknown';
  if (status >= 500) (event.locals.log ?? logger).error({ err: error, requestId }, 'unhandled error');
  return { message: status === 404 ? 'Not found' : 'Something went wrong on the server.', requestId };
};
