import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hydrated, launchChromium, open, watchConsole } from '../../browser-testing/chromium';
import { addUser, signIn, type Person } from '../../browser-testing/people';
import { ensureBuilt, startProductionServer, type RunningServer } from '../../browser-testing/production-server';

const ANALYST: Person = { email: 'templates-analyst@firm.com', password: 'Quiet-Harbor-Lantern-4410', role: 'analyst' };
const SHIPPED = 'Broker ETD statement to canonical positions';

describe('templates list (production build, real Chromium)', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  const row = (page: Page, name: string) => page.locator(`tr[data-template="${name}"]`);

  beforeAll(async () => {
    await ensureBuilt();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-templates-'));
    for (const person of [{ ...ANALYST, email: 'templates-admin@firm.com', role: 'admin' }, ANALYST] as const) await addUser(dataDir, person);
    server = await startProductionServer({ dataDir });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, server.url, ANALYST);
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('shows shipped starters read-only, duplicates one, renames and deletes the copy', async () => {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await open(page, `${server.url}/templates`);
    const shipped = row(page, SHIPPED);
    expect(await shipped.locator('.badge.shipped').textContent()).toBe('Shipped');
    expect(await shipped.getByRole('button', { name: 'Rename' }).count()).toBe(0);
    expect(await shipped.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    await shipped.getByRole('button', { name: 'Duplicate to edit' }).click();
    await page.waitForURL(/\/templates\/[0-9a-f-]{36}\/edit$/);
    await hydrated(page);
    // The editor page has its own tests; this one watches the list.
    errors.length = 0;
    await open(page, `${server.url}/templates`);
    const copy = row(page, `Copy of ${SHIPPED}`);
    expect(await copy.locator('td').nth(2).textContent()).toMatch(/v1\s*draft/);
    expect(await copy.locator('td').nth(4).textContent()).toBe(ANALYST.email);

    await copy.getByRole('button', { name: 'Rename' }).click();
    await copy.getByLabel(`New name for Copy of ${SHIPPED}`).fill('My positions');
    await copy.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => row(page, 'My positions').getByTestId('row-outcome').textContent()).toBe('Renamed to "My positions".');

    page.once('dialog', (d) => void d.accept());
    await row(page, 'My positions').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByTestId('delete-outcome').textContent()).toBe('"My positions" was deleted.');
    expect(await row(page, 'My positions').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('creates from a blank starter, exports it and imports it back; an invalid file shows its findings', async () => {
    const page = await context.newPage();
    await open(page, `${server.url}/templates`);
    const create = page.getByTestId('create-template');
    await create.getByLabel('Name').fill('Blank recon');
    await create.getByLabel('Kind').selectOption('recon');
    await create.getByRole('button', { name: 'Create and open' }).click();
    await page.waitForURL(/\/edit$/);
    await hydrated(page);

    await open(page, `${server.url}/templates`);
    const [download] = await Promise.all([page.waitForEvent('download'), row(page, 'Blank recon').getByRole('link', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toBe('Blank recon.template.json');
    const file = await download.path();

    await page.getByTestId('import-template').locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Import JSON' }).click();
    await page.waitForURL(/\/edit$/);
    await hydrated(page);
    await open(page, `${server.url}/templates`);
    expect(await row(page, 'Blank recon (2)').count()).toBe(1);

    await page.getByTestId('import-template').locator('input[type=file]').setInputFiles({ name: 'bad.template.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion":1,"name":"Bad","kind":"recon","sources":[{"name":"left","format":"pdf"}]}') });
    await page.getByRole('button', { name: 'Import JSON' }).click();
    const alert = page.getByTestId('import-error');
    await expect.poll(() => alert.textContent()).toMatch(/bad\.template\.json was not imported/);
    expect(await alert.textContent()).toContain('bad.template.json, at $.sources[0].format:');
    await page.close();
  });

  it("opens another template's editor from an editor with that template's own document", async () => {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await open(page, `${server.url}/templates`);
    const href = async (name: string) => (await row(page, name).getByRole('link', { name }).getAttribute('href'))!;
    const [twoWay, threeWay] = [await href('ETD position recon: internal books vs broker'), await href('ETD position three-way recon: internal vs broker vs CCP')];
    const tabs = () => page.getByTestId('sources-panel').getByRole('tab').allTextContents();
    await open(page, `${server.url}${twoWay}`);
    await expect.poll(tabs).toEqual(['internal', 'broker']);
    // A link inside the app navigates in the client: SvelteKit would reuse the editor page.
    await page.evaluate((to) => {
      (window as unknown as { stayed: boolean }).stayed = true;
      const a = document.createElement('a');
      a.href = to;
      document.body.append(a);
      a.click();
    }, threeWay);
    await page.waitForURL(`${server.url}${threeWay}`);
    await hydrated(page);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await expect.poll(tabs).toEqual(['internal', 'broker', 'ccp']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
