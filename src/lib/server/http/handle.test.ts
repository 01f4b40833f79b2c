import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '$runtime/app/open-app';
import { openTestApp } from '$runtime/app/testing';
import { createUser } from '$runtime/auth/accounts';
import { SESSION_COOKIE } from '$runtime/auth/sessions';
import { POST as trpcPost, GET as trpcGet } from '../../../routes/api/trpc/[...trpc]/+server';
import { POST as uploadPost } from '../../../routes/api/datasets/+server';
import { actions as loginActions } from '../../../routes/login/+page.server';
import { actions as setupActions } from '../../../routes/setup/+page.server';
import { createHandle } from './handle';
import { browserish, captureLogs, form, ORIGIN, runAction } from './testing';

const ADMIN = { email: 'root@firm.com', password: 'the admin passphrase 1' };

describe('the request hook', () => {
  let app: App;
  const logs = captureLogs();
  const handle = createHandle({ getApp: async () => app, logger: logs.logger });

  beforeAll(async () => { app = await openTestApp(); });
  afterAll(async () => { await app?.close(); });

  it('sends every page to the one-time setup while no admin exists; the API answers for itself', async () => {
    const b = browserish({ handle });
    expect(await b.request({ path: '/templates' })).toMatchObject({ status: 303, location: '/setup', resolved: false });
    expect(await b.request({ path: '/login' })).toMatchObject({ status: 303, location: '/setup' });
    expect(await b.request({ path: '/setup' })).toMatchObject({ status: 200, resolved: true });
    expect(await b.request({ path: '/healthz' })).toMatchObject({ status: 200 });
    const api = await b.request({ path: '/api/trpc/datasets.list', resolve: trpcGet });
    expect(api.status).toBe(401);
  });

  it('creates the admin through setup, signs them in with an httpOnly SameSite=Lax cookie, then setup is gone', async () => {
    const b = browserish({ handle });
    const done = await b.request({ method: 'POST', path: '/setup', headers: { ...form({}).headers, origin: ORIGIN }, body: form({ email: ADMIN.email, displayName: 'Admin', password: ADMIN.password, confirm: ADMIN.password }).body, resolve: (e: RequestEvent) => runAction(setupActions.default, e) });
    expect(done).toMatchObject({ status: 303, location: '/users' });
    const cookie = b.setCookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false, path: '/' });
    expect(await b.request({ path: '/setup' })).toMatchObject({ status: 303, location: '/templates' });
    const page = await b.request({ path: '/templates' });
    expect(page).toMatchObject({ status: 200, resolved: true });
    expect(page.event.locals.user).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect(await browserish({ handle }).request({ path: '/setup' })).toMatchObject({ status: 303, location: '/login' });
  });

  it('sends a visitor without a session to sign-in, remembering where they were going', async () => {
    expect(await browserish({ handle }).request({ path: '/data/abc?x=1' })).toMatchObject({ status: 303, location: `/login?next=${encodeURIComponent('/data/abc?x=1')}` });
    expect(await browserish({ handle }).request({ path: '/login' })).toMatchObject({ status: 200 });
  });

  it('sets the cookie Secure behind HTTPS (x-forwarded-proto) and rotates the session at sign-in', async () => {
    const b = browserish({ handle });
    const signIn = (headers: Record<string, string> = {}) => b.request({ method: 'POST', path: '/login', headers: { ...form({}).headers, origin: ORIGIN, ...headers }, body: form(ADMIN).body, resolve: (e: RequestEvent) => runAction(loginActions.default, e) });
    expect(await signIn({ 'x-forwarded-proto': 'https' })).toMatchObject({ status: 303, location: '/templates' });
    expect(b.setCookies.at(-1)!.options).toMatchObject({ secure: true, httpOnly: true, sameSite: 'lax' });
    const first = b.jar.get(SESSION_COOKIE)!;
    expect(await signIn()).toMatchObject({ status: 303, location: '/templates', resolved: true });
    const second = b.jar.get(SESSION_COOKIE)!;
    expect(second).not.toBe(first);
    const stale = browserish({ handle });
    stale.jar.set(SESSION_COOKIE, first);
    expect(await stale.request({ path: '/templates' })).toMatchObject({ status: 303, location: expect.stringMatching(/^\/login/) });
    expect(stale.jar.has(SESSION_COOKIE)).toBe(false); // the dead cookie is cleared
  });

  describe('CSRF: state-changing requests from another origin are refused before any handler runs', () => {
    let b: ReturnType<typeof browserish>;
    beforeAll(async () => {
      b = browserish({ handle });
      await b.request({ method: 'POST', path: '/login', headers: { ...form({}).headers, origin: ORIGIN }, body: form(ADMIN).body, resolve: (e: RequestEvent) => runAction(loginActions.default, e) });
      expect(b.jar.has(SESSION_COOKIE)).toBe(true);
    });

    const createUserCall = (headers: Record<string, string>) => b.request({
      method: 'POST', path: '/api/trpc/users.create', resolve: trpcPost,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email: `csrf-${Math.random()}@firm.com`, role: 'admin', password: 'an attacker passphrase' }),
    });

    it('refuses a tRPC mutation (JSON) from a foreign origin, and one with no origin at all', async () => {
      const foreign = await createUserCall({ origin: 'https://evil.example' });
      expect(foreign).toMatchObject({ status: 403, resolved: false });
      expect(await foreign.response!.json()).toMatchObject({ message: expect.stringContaining('https://evil.example') });
      expect(await createUserCall({ referer: 'https://evil.example/page' })).toMatchObject({ status: 403, resolved: false });
      expect(await createUserCall({})).toMatchObject({ status: 403, resolved: false });
      expect(await createUserCall({ origin: 'null' })).toMatchObject({ status: 403, resolved: false });
      expect((await app.repos.users.list()).some((u) => u.email.startsWith('csrf-'))).toBe(false);
    });

    it('refuses the upload endpoint and form actions from a foreign origin', async () => {
      const upload = await b.request({ method: 'POST', path: '/api/datasets?name=x.csv', resolve: uploadPost, headers: { origin: 'https://evil.example', 'content-type': 'text/csv' }, body: 'a,b\n1,2\n' });
      expect(upload).toMatchObject({ status: 403, resolved: false });
      const action = await b.request({ method: 'POST', path: '/users?/add', headers: { ...form({}).headers, origin: 'https://evil.example' }, body: form({ email: 'x@firm.com' }).body });
      expect(action).toMatchObject({ status: 403, resolved: false });
      expect(await b.request({ method: 'POST', path: '/logout', headers: { origin: 'https://evil.example' } })).toMatchObject({ status: 403, resolved: false });
    });

    it('lets the same origin through, and reads are never refused', async () => {
      const same = await createUserCall({ origin: ORIGIN });
      expect(same.status).toBe(200);
      expect(await b.request({ path: '/templates', headers: { origin: 'https://evil.example' } })).toMatchObject({ status: 200, resolved: true });
      const upload = await b.request({ method: 'POST', path: '/api/datasets?name=same.csv', resolve: uploadPost, headers: { origin: ORIGIN, 'content-type': 'text/csv' }, body: 'a,b\n1,2\n' });
      expect(upload.status).toBe(200);
      expect((await app.repos.audit.list({ action: 'dataset.upload' }))[0]).toMatchObject({ actor: ADMIN.email, summary: { after: { name: 'same.csv', rows: 1 } } });
    });

    it('trusts an origin named in TRUSTED_ORIGINS', async () => {
      const trustingApp = { ...app, config: { ...app.config, auth: { ...app.config.auth, trustedOrigins: ['https://ops.firm.com'] } } };
      const trusting = browserish({ handle: createHandle({ getApp: async () => trustingApp, logger: logs.logger }) });
      trusting.jar.set(SESSION_COOKIE, b.jar.get(SESSION_COOKIE)!);
      const r = await trusting.request({ method: 'POST', path: '/api/trpc/users.create', resolve: trpcPost, headers: { origin: 'https://ops.firm.com', 'content-type': 'application/json' }, body: JSON.stringify({ email: 'trusted@firm.com', role: 'viewer', password: 'some other passphrase' }) });
      expect(r.status).toBe(200);
    });

    it('logs each refusal with its origin and request id', () => {
      expect(logs.text()).toMatch(/"origin":"https:\/\/evil\.example".*"msg":"cross-site request refused"/);
    });
  });

  it('echoes the request id and logs one line per request with the route and status', async () => {
    const r = await browserish({ handle }).request({ path: '/healthz', headers: { 'x-request-id': 'req-77' } });
    expect(r.response!.headers.get('x-request-id')).toBe('req-77');
    expect(logs.text()).toMatch(/"requestId":"req-77".*"status":200.*"msg":"request"/);
  });

  it('ignores a disabled user’s cookie', async () => {
    const made = await createUser({ app, actor: 'test', role: 'viewer', account: { email: 'tess@firm.com', password: 'a temporary passphrase' } });
    if (!made.ok) throw new Error(made.problem.message);
    const b = browserish({ handle });
    await b.request({ method: 'POST', path: '/login', headers: { ...form({}).headers, origin: ORIGIN }, body: form({ email: 'tess@firm.com', password: 'a temporary passphrase' }).body, resolve: (e: RequestEvent) => runAction(loginActions.default, e) });
    expect((await b.request({ path: '/runs' })).status).toBe(200);
    await app.repos.users.setDisabled({ id: made.value.id, disabled: true, at: new Date() });
    expect((await b.request({ path: '/runs' })).status).toBe(303);
  });
});
