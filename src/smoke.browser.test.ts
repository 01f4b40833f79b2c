import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, open, watchConsole } from './browser-testing/chromium';
import { addUser, signIn, type Person } from './browser-testing/people';
import { ensureBuilt, startProductionServer, type RunningServer } from './browser-testing/production-server';

const ARTEFACTS = path.resolve('test-results');
const ADMIN: Person = { email: 'smoke-admin@firm.com', password: 'Smoke-Lantern-Harbor-8812', role: 'admin' };
const CSV = 'Trade Id,Account,Product,Quantity,Price\nT-0001,ACC-1,ESZ6,25,"6,012.25"\nT-0002,ACC-2,NQZ6,-4,"21,480.50"\nT-0003,ACC-1,FGBLZ6,35,131.42\n';

describe('studio smoke test (production build, real Chromium)', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    await ensureBuilt();
    await mkdir(ARTEFACTS, { recursive: true });
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-smoke-'));
    // The admin, created headless before the first start, as an operator would script it.
    await addUser(dataDir, ADMIN);
    server = await startProductionServer({ dataDir });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, server.url, ADMIN);
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reports health on the embedded database, metrics, and echoes the request id', async () => {
    const health = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'smoke-42' } });
    expect(health.headers.get('x-request-id')).toBe('smoke-42');
    expect(await health.json()).toMatchObject({ ok: true, db: 'pglite', version: expect.any(String) });
    const generated = await fetch(`${server.url}/healthz`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('process_cpu_user_seconds_total');
    expect(metrics).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(server.logs()).toContain('"requestId":"smoke-42"');
  });

  it('uploads a CSV and shows its rows in the grid, with no console errors', async () => {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await open(page, `${server.url}/data`);
    await page.getByTestId('upload-input').setInputFiles({ name: 'smoke-trades.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await expect.poll(() => page.getByTestId('upload-outcome').textContent()).toContain('smoke-trades.csv: 3 rows stored.');
    await page.getByRole('link', { name: 'smoke-trades.csv' }).click();
    const grid = page.getByTestId('data-grid');
    await grid.locator('td', { hasText: 'NQZ6' }).first().waitFor();
    for (const cell of ['T-0001', 'ACC-2', '21,480.50', 'FGBLZ6']) {
      expect(await grid.locator('td', { hasText: cell }).count()).toBeGreaterThan(0);
    }
    expect(await grid.locator('th', { hasText: 'Quantity' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTEFACTS, 'smoke-grid.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a binary file with a clear message and stores nothing', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/data`);
    const before = await page.locator('[data-testid="datasets"] tbody tr').count();
    await page.getByTestId('upload-input').setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('looks like a binary file, not CSV');
    expect(await page.locator('[data-testid="datasets"] tbody tr').count()).toBe(before);
    await page.close();
  });

  it('keeps the data, and the session, across a restart', async () => {
    const session = (await context.cookies()).find((c) => c.name === 'opspilot_session');
    expect(session).toBeDefined();
    await server.stop();
    server = await startProductionServer({ dataDir });
    expect((await fetch(`${server.url}/api/trpc/datasets.list`)).status).toBe(401);
    const list = await (await fetch(`${server.url}/api/trpc/datasets.list`, { headers: { cookie: `opspilot_session=${session!.value}` } })).json();
    const names = list.result.data.map((d: { name: string }) => d.name);
    expect(names).toContain('smoke-trades.csv');
    expect(names.filter((n: string) => n === 'broker-statement.csv')).toHaveLength(1); // demo content not duplicated
  });
});
