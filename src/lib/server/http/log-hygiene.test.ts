import { createHash } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '$runtime/app/open-app';
import { openTestApp } from '$runtime/app/testing';
import { SESSION_COOKIE } from '$runtime/auth/sessions';
import { POST as trpcPost, GET as trpcGet } from '../../../routes/api/trpc/[...trpc]/+server';
import { POST as uploadPost } from '../../../routes/api/datasets/+server';
import { actions as loginActions } from '../../../routes/login/+page.server';
import { POST as logoutPost } from '../../../routes/logout/+server';
import { actions as setupActions } from '../../../routes/setup/+page.server';
import { createHandle } from './handle';
import { browserish, captureLogs, form, ORIGIN, runAction } from './testing';

/**
 * LOG SCAN: drive setup, sign-in (right and wrong), user creation, API calls, upload and
 * sign-out through the real request hook and route handlers with every log line captured at
 * trace level; no password, session token or session id may appear in the logs, and no
 * response may carry a password or its hash.
 */
const SECRETS = {
  admin: 'Orchid-Lantern-Velvet-9931',
  analyst: 'Quartz-Meadow-Harbor-2718',
  nearMiss: 'Orchid-Lantern-Velvet-9932',
};

describe('LOG SCAN: no secret reaches the logs or the responses', () => {
  let app: App;
  const logs = captureLogs();
  const handle = createHandle({ getApp: async () => app, logger: logs.logger });
  const tokens = new Set<string>();
  const bodies: string[] = [];

  beforeAll(async () => { app = await openTestApp(); });
  afterAll(async () => { await app?.close(); });

  it('drives every flow that handles a password or a token', async () => {
    const admin = browserish({ handle });
    const post = (b: typeof admin, path: string, fields: Record<string, string>, action: (e: never) => unknown) =>
      b.request({ method: 'POST', path, headers: { ...form({}).headers, origin: ORIGIN }, body: form(fields).body, resolve: (e: RequestEvent) => runAction(action, e) });
    const api = async (b: typeof admin, path: string, input: unknown) => {
      const r = await b.request({ method: 'POST', path: `/api/trpc/${path}`, resolve: trpcPost, headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(input) });
      bodies.push(await r.response!.text());
      return r;
    };

    expect((await post(admin, '/setup', { email: 'root@firm.com', displayName: 'Root', password: SECRETS.admin, confirm: SECRETS.admin }, setupActions.default)).status).toBe(303);
    tokens.add(admin.jar.get(SESSION_COOKIE)!);
    expect((await api(admin, 'users.create', { email: 'ana@firm.com', role: 'analyst', password: SECRETS.analyst })).status).toBe(200);
    const weak = await api(admin, 'users.create', { email: 'weak@firm.com', role: 'viewer', password: 'weakling' });
    expect(weak.status).toBe(400);

    const stranger = browserish({ handle, clientAddress: '198.51.100.9' });
    const wrong = await post(stranger, '/login', { email: 'root@firm.com', password: SECRETS.nearMiss }, loginActions.default);
    expect(wrong.status).toBe(400);
    bodies.push(await wrong.response!.text());

    const ana = browserish({ handle });
    expect((await post(ana, '/login', { email: 'ana@firm.com', password: SECRETS.analyst }, loginActions.default)).status).toBe(303);
    tokens.add(ana.jar.get(SESSION_COOKIE)!);
    expect((await api(ana, 'templateVersions.createTemplate', { name: 'Scan me', document: { kind: 'mapping' } })).status).toBe(200);
    const listed = await ana.request({ path: '/api/trpc/auth.me', resolve: trpcGet });
    bodies.push(await listed.response!.text());
    const upload = await ana.request({ method: 'POST', path: '/api/datasets?name=t.csv', resolve: uploadPost, headers: { origin: ORIGIN }, body: 'a,b\n1,2\n' });
    expect(upload.status).toBe(200);
    const adminList = await admin.request({ path: '/api/trpc/users.list', resolve: trpcGet });
    bodies.push(await adminList.response!.text());
    expect(bodies.at(-1)).toContain('ana@firm.com');

    const signedOut = await ana.request({ method: 'POST', path: '/logout', resolve: logoutPost, headers: { origin: ORIGIN } });
    expect(signedOut).toMatchObject({ status: 303, location: '/login' });
    const replay = browserish({ handle });
    replay.jar.set(SESSION_COOKIE, [...tokens][1]);
    expect((await replay.request({ path: '/templates' })).status).toBe(303);
    expect(ana.setCookies.some((c) => c.name === SESSION_COOKIE && c.value === '')).toBe(true);
  });

  it('finds no password, token or session id in the logs, which did record the flows', () => {
    const text = logs.text();
    expect(text).toContain('"msg":"signed in"');
    expect(text).toContain('"msg":"sign-in failed"');
    expect(text).toContain('"msg":"signed out"');
    expect(tokens.size).toBe(2);
    const secrets = [...Object.values(SECRETS), 'weakling', ...tokens, ...[...tokens].map((t) => createHash('sha256').update(t).digest('hex'))];
    for (const secret of secrets) expect(text.includes(secret), `log contains ${secret.slice(0, 6)}…`).toBe(false);
    expect(text).not.toMatch(/scrypt\$/);
  });

  it('finds no password or hash in any response, nor in the audit trail', async () => {
    const audit = JSON.stringify(await app.repos.audit.list({ limit: 1000 }));
    expect(audit).toContain('auth.sign-in-failed');
    for (const text of [...bodies, audit]) {
      for (const secret of [...Object.values(SECRETS), ...tokens]) expect(text.includes(secret)).toBe(false);
      expect(text).not.toMatch(/scrypt\$|password_hash|passwordHash/);
    }
  });

  it('redacts secrets even when code logs them by mistake', () => {
    const captured = captureLogs();
    captured.logger.info({ password: SECRETS.admin, token: [...tokens][0], user: { password: SECRETS.analyst }, req: { headers: { cookie: `${SESSION_COOKIE}=${[...tokens][0]}` } } }, 'careless');
    for (const secret of [SECRETS.admin, SECRETS.analyst, ...tokens]) expect(captured.text()).not.toContain(secret);
  });
});
