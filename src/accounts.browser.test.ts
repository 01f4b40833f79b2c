import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hydrated, launchChromium, open, watchConsole } from './browser-testing/chromium';
import { ensureBuilt, startProductionServer, type RunningServer } from './browser-testing/production-server';

const ARTEFACTS = path.resolve('test-results');
const PEOPLE = {
  admin: { email: 'root@firm.com', name: 'Rosa Admin', password: 'Harbor-Lantern-Orchid-4471' },
  analyst: { email: 'ana@firm.com', name: 'Ana Lyst', password: 'Meadow-Quartz-Velvet-1187' },
  approver: { email: 'pat@firm.com', name: 'Pat Prover', password: 'Tundra-Copper-Willow-5523' },
};

describe('accounts, roles and maker-checker approval (production build, real Chromium)', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let versionsUrl = '';

  async function signedIn(who: keyof typeof PEOPLE): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await open(page, `${server.url}/templates`);
    await page.waitForURL(/\/login\?next=%2Ftemplates$/);
    await hydrated(page);
    await page.locator('input[name=email]').fill(PEOPLE[who].email);
    await page.locator('input[name=password]').fill(PEOPLE[who].password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/templates`);
    await hydrated(page);
    return { context, page, errors };
  }

  beforeAll(async () => {
    await ensureBuilt();
    await mkdir(ARTEFACTS, { recursive: true });
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-accounts-'));
    server = await startProductionServer({ dataDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('first run: every page leads to the one-time setup, which creates the admin and signs them in', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await open(page, `${server.url}/data`);
    expect(new URL(page.url()).pathname).toBe('/setup');
    await page.locator('input[name=email]').fill(PEOPLE.admin.email);
    await page.locator('input[name=displayName]').fill(PEOPLE.admin.name);
    await page.locator('input[name=password]').fill('zzzzzzzzzzzzzzzz');
    await page.locator('input[name=confirm]').fill('zzzzzzzzzzzzzzzz');
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await expect.poll(() => page.getByTestId('setup-error').textContent()).toContain('less predictable');
    await page.locator('input[name=password]').fill(PEOPLE.admin.password);
    await page.locator('input[name=confirm]').fill(PEOPLE.admin.password);
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.waitForURL(`${server.url}/users`);
    await hydrated(page);
    expect(await page.getByTestId('user-block').textContent()).toContain(PEOPLE.admin.name);

    for (const who of ['analyst', 'approver'] as const) {
      const add = page.getByTestId('add-user');
      await add.locator('input[name=email]').fill(PEOPLE[who].email);
      await add.locator('input[name=displayName]').fill(PEOPLE[who].name);
      await add.locator('select[name=role]').selectOption(who);
      await add.locator('input[name=password]').fill(PEOPLE[who].password);
      await add.getByRole('button', { name: 'Add user' }).click();
      await page.locator(`tr[data-email="${PEOPLE[who].email}"]`).waitFor();
    }
    await page.screenshot({ path: path.join(ARTEFACTS, 'accounts-users.png') });
    await open(page, `${server.url}/setup`);
    expect(new URL(page.url()).pathname).toBe('/templates'); // setup is gone for good
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]); // the refused weak password answered 400
  });

  it('refuses a wrong password with a message, and keeps pages behind sign-in', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await open(page, `${server.url}/runs`);
    await page.waitForURL(/\/login\?next=%2Fruns$/);
    await hydrated(page);
    await page.locator('input[name=email]').fill(PEOPLE.analyst.email);
    await page.locator('input[name=password]').fill('Meadow-Quartz-Velvet-1188');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('email or password is not right');
    expect((await context.cookies()).filter((c) => c.name === 'opspilot_session')).toEqual([]);
  });

  it('an analyst saves a version and submits it; approving is not theirs to do', async () => {
    const { page, errors, context } = await signedIn('analyst');
    const nav = await page.getByRole('navigation', { name: 'Main' }).textContent();
    expect(nav).not.toContain('Users');
    expect(nav).not.toContain('Audit');
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'opspilot_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    // Created from the list: version 1 is a draft, and the editor opens on it.
    await page.locator('input[name=name]').first().fill('Broker ETD positions');
    await page.getByRole('button', { name: 'Create and open' }).click();
    await page.waitForURL(/\/templates\/[0-9a-f-]{36}\/edit$/);
    await hydrated(page);
    versionsUrl = page.url().replace(/\/edit$/, '/versions');
    await open(page, versionsUrl);
    const row = page.locator('tr[data-version="1"]');
    expect(await row.getByTestId('status').textContent()).toBe('draft');

    await page.getByTestId('save-version').locator('textarea[name=document]').fill(JSON.stringify({ schemaVersion: 1, kind: 'mapping', sources: ['broker', 'ccp'] }));
    await page.getByTestId('save-version').getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.getByTestId('version-outcome').textContent()).toContain('Version 1 saved as a draft.');
    await row.getByRole('button', { name: 'Submit for approval' }).click();
    await expect.poll(() => row.getByTestId('status').textContent()).toBe('submitted');
    expect(await row.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    await open(page, `${server.url}/users`);
    expect(await page.locator('h1').textContent()).toBe('Not allowed');
    expect(await page.locator('.subtitle').first().textContent()).toContain('needs the admin role');
    await open(page, `${server.url}/audit`);
    expect(await page.locator('.subtitle').first().textContent()).toContain('needs the approver role');
    expect(errors.filter((e) => !/403/.test(e))).toEqual([]);
  });

  it('the approver approves and activates it, and finds the trail on the audit page', async () => {
    const { page, errors } = await signedIn('approver');
    await open(page, versionsUrl);
    const row = page.locator('tr[data-version="1"]');
    await row.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => row.getByTestId('status').textContent()).toBe('approved');
    await row.getByRole('button', { name: 'Activate' }).click();
    await expect.poll(() => row.getByTestId('status').textContent()).toBe('active');
    expect(await row.textContent()).toContain(PEOPLE.approver.email);
    await page.screenshot({ path: path.join(ARTEFACTS, 'accounts-approved.png') });

    await page.getByRole('link', { name: 'Audit' }).click();
    await page.waitForURL(`${server.url}/audit`);
    await hydrated(page);
    const entries = await page.getByTestId('audit-entries').textContent();
    for (const action of ['template.activate', 'template.approve', 'template.submit', 'template.save-draft', 'template.create', 'user.create', 'auth.sign-in', 'auth.sign-in-failed']) expect(entries).toContain(action);
    await page.getByRole('link', { name: 'Verify chain' }).click();
    await expect.poll(() => page.getByTestId('audit-verify').textContent()).toMatch(/Chain intact: \d+ entries/);

    await page.locator('select[name=action]').selectOption('template.approve');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/action=template\.approve/);
    await hydrated(page);
    expect(await page.locator('[data-testid="audit-entries"] tbody tr').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('seq,ts,actor,action,entity,summary,correlation_id,prev_hash,hash');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${PEOPLE.approver.email},template.approve`);
    expect(errors).toEqual([]);
  });

  it('signing out ends the session: the old cookie opens nothing', async () => {
    const { page, context } = await signedIn('analyst');
    const token = (await context.cookies()).find((c) => c.name === 'opspilot_session')!.value;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/login`);
    await hydrated(page);
    const replay = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { cookie: `opspilot_session=${token}` } });
    expect(replay.status).toBe(401);
  });

  it('CSRF: refuses a cross-site POST even with a valid session cookie', async () => {
    const { context } = await signedIn('analyst');
    const token = (await context.cookies()).find((c) => c.name === 'opspilot_session')!.value;
    const attempt = (origin: string) => fetch(`${server.url}/api/trpc/templateVersions.createTemplate`, {
      method: 'POST', headers: { cookie: `opspilot_session=${token}`, origin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `CSRF ${origin}`, document: { kind: 'mapping' } }),
    });
    const foreign = await attempt('https://evil.example');
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).message).toContain('https://evil.example');
    expect((await attempt(server.url)).status).toBe(200);
  });

  it('LOG SCAN: the server logs hold no password and no session token', async () => {
    const tokens = (await Promise.all(contexts.map((c) => c.cookies()))).flat().filter((c) => c.name === 'opspilot_session').map((c) => c.value);
    expect(tokens.length).toBeGreaterThan(2);
    const logs = server.logs();
    expect(logs).toContain('"msg":"signed in"');
    for (const secret of [...Object.values(PEOPLE).map((p) => p.password), 'Meadow-Quartz-Velvet-1188', ...tokens]) {
      expect(logs.includes(secret), `server log contains ${secret.slice(0, 6)}…`).toBe(false);
    }
  });
});
