import { callerFor } from '$lib/server/caller';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = callerFor(event);
  const { auth } = event.locals.app.config;
  const session = event.locals.session;
  return {
    info: await api.system.info(),
    me: await api.auth.me(),
    session: session ? { expiresAt: session.expiresAt.toISOString(), idleExpiresAt: session.idleExpiresAt.toISOString() } : null,
    policy: {
      idleMinutes: Math.round(auth.idleMs / 60_000),
      absoluteHours: Math.round((auth.absoluteMs / 3_600_000) * 10) / 10,
      maxFailures: auth.maxFailuresPerEmail,
      lockoutMinutes: Math.round(auth.lockoutMs / 60_000),
    },
  };
};
