import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { getApp, logger, metrics } from '$lib/server/app-instance';
import { createHandle } from '$lib/server/http/handle';

/** Opening the app (database, migrations, demo content) happens before the first request. */
export const init: ServerInit = async () => {
  await getApp();
};

/** Request ids, cross-site refusal, the session, the page guard, logs and metrics (handle.ts). */
export const handle = createHandle({ getApp, logger, metrics });

export const handleError: HandleServerError = ({ error, event, status }) => {
  const requestId = event.locals.requestId ?? 'unknown';
  if (status >= 500) (event.locals.log ?? logger).error({ err: error, requestId }, 'unhandled error');
  return { message: status === 404 ? 'Not found' : 'Something went wrong on the server.', requestId };
};
