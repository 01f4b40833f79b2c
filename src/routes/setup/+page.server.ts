import { fail, redirect } from '@sveltejs/kit';
import { createFirstAdmin } from '$runtime/auth/accounts';
import { signIn } from '$runtime/auth/sign-in';
import { clientAddress, setSessionCookie } from '$lib/server/http/session-cookie';
import type { Actions } from './$types';

/**
 * The one-time setup: reachable only while no admin exists (the route guard sends everyone here
 * until then, and nobody here after). Creates the admin with a password the person chooses, then
 * signs them in.
 */
export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = String(form.get('email') ?? '').slice(0, 320);
    const displayName = String(form.get('displayName') ?? '').slice(0, 200);
    const password = String(form.get('password') ?? '');
    const confirm = String(form.get('confirm') ?? '');
    if (password !== confirm) return fail(400, { email, displayName, field: 'confirm', message: 'The two passwords differ; type the same password twice.' });
    const { app, requestId, log } = event.locals;
    const created = await createFirstAdmin({ app, account: { email, displayName, password }, correlationId: requestId });
    if (!created.ok) {
      if (created.problem.code === 'already-set-up') redirect(303, '/login');
      return fail(400, { email, displayName, field: created.problem.field ?? null, message: created.problem.message });
    }
    log.info({ userId: created.value.id }, 'first admin created');
    const session = await signIn({ app, email, password, ip: clientAddress(event), correlationId: requestId, log });
    if (!session.ok) redirect(303, '/login');
    setSessionCookie(event, session.value);
    redirect(303, '/users');
  },
};
