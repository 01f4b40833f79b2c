import { fail, redirect } from '@sveltejs/kit';
import { signIn } from '$runtime/auth/sign-in';
import { safeNext } from '$lib/server/http/route-guard';
import { clientAddress, readSessionCookie, setSessionCookie } from '$lib/server/http/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => ({
  next: safeNext(url.searchParams.get('next')),
  signedInAs: locals.user?.email ?? null,
});

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = String(form.get('email') ?? '').slice(0, 320);
    const password = String(form.get('password') ?? '');
    const { app, requestId, log } = event.locals;
    const result = await signIn({
      app, email, password, ip: clientAddress(event), presentedToken: readSessionCookie(event), correlationId: requestId, log,
    });
    if (!result.ok) return fail(result.problem.kind === 'locked' ? 429 : 400, { email, message: result.problem.message });
    setSessionCookie(event, result.value);
    redirect(303, safeNext(event.url.searchParams.get('next')));
  },
};
