import type { RequestEvent } from '@sveltejs/kit';
import { createCaller } from './trpc/router';

/** Server-side page loads call the same procedures, with the same role checks, as the client. */
export function callerFor(event: Pick<RequestEvent, 'locals'>) {
  const { app, log, requestId, user } = event.locals;
  return createCaller({ app, log, requestId, user });
}
