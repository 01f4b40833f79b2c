import { redirect } from '@sveltejs/kit';
import { endSession } from '$runtime/auth/sessions';
import { clearSessionCookie, readSessionCookie } from '$lib/server/http/session-cookie';
import type { RequestHandler } from './$types';

/** Sign-out: a POST (the cross-site check applies), ending the session in the database. */
export const POST: RequestHandler = async (event) => {
  const { app, requestId, log } = event.locals;
  const ended = await endSession({ app, token: readSessionCookie(event), correlationId: requestId });
  if (ended) log.info({ userId: event.locals.user?.id }, 'signed out');
  clearSessionCookie(event);
  redirect(303, '/login');
};
