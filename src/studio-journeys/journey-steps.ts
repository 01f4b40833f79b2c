/**
 * Steps the studio journeys share: a production server with its own DATA_DIR and people made
 * headless with the CLI, signing in (one browser context per person, so maker and checker
 * are two sessions), uploading a file on the Data page, typing into the Monaco formula editor
 * and taking screenshots. Every wait is on visible state, never on time.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { main } from '$runtime/cli/main';
import { launchChromium, watchConsole } from '../browser-testing/chromium';
import { ensureBuilt, startProductionServer, type RunningServer } from '../browser-testing/production-server';

export const ARTEFACTS = path.resolve('test-results');
export const VIEWPORT = { width: 1280, height: 800 };

export interface Person { readonly email: string; readonly password: string; readonly role: 'viewer' | 'analyst' | 'approver' | 'admin' }
export interface Session { readonly context: BrowserContext; readonly page: Page; readonly errors: string[] }

export interface Studio {
  readonly url: string;
  readonly server: RunningServer;
  readonly browser: Browser;
  signIn(person: Person): Promise<Session>;
  stop(): Promise<void>;
}

async function addUser(dataDir: string, person: Person): Promise<void> {
  const stdin = new PassThrough();
  stdin.end(`${person.password}\n`);
  const code = await main(['user', 'add', '--email', person.email, '--role', person.role, '--password-stdin'], {
    stdout: new PassThrough(), stderr: process.stderr, stdin, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, cwd: process.cwd(),
  });
  expect(code, `adding ${person.email}`).toBe(0);
}

/**
 * The production build on a fresh DATA_DIR with `people` already set up, and Chromium. An admin
 * is added too: until one exists every page leads to the one-time setup.
 */
export async function startStudio({ prefix, people }: { prefix: string; people: readonly Person[] }): Promise<Studio> {
  await ensureBuilt();
  await mkdir(ARTEFACTS, { recursive: true });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `opspilot-${prefix}-`));
  const admin: Person = { email: `${prefix}-admin@firm.com`, password: 'Orchid-Basalt-Meridian-7304', role: 'admin' };
  for (const p of people.some((x) => x.role === 'admin') ? people : [admin, ...people]) await addUser(dataDir, p);
  const server = await startProductionServer({ dataDir });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    url: server.url,
    server,
    browser,
    async signIn(person) {
      const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      const errors = watchConsole(page);
      await page.goto(`${server.url}/login`);
      await page.locator('input[name=email]').fill(person.email);
      await page.locator('input[name=password]').fill(person.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${server.url}/templates`);
      return { context, page, errors };
    },
    async stop() {
      await browser.close();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Uploads a CSV on the Data page and waits for the stored-rows message. */
export async function uploadCsv(page: Page, url: string, { name, csv, rows }: { name: string; csv: string; rows: number }): Promise<void> {
  await page.goto(`${url}/data`);
  await page.getByTestId('upload-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect.poll(() => page.getByTestId('upload-outcome').textContent()).toContain(`${name}: ${rows} rows stored.`);
}

/** Creates a template of `kind` from the Templates list and waits for its editor. */
export async function createTemplate(page: Page, url: string, { name, kind }: { name: string; kind: 'mapping' | 'recon' }): Promise<string> {
  await page.goto(`${url}/templates`);
  const form = page.getByTestId('create-template');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Kind').selectOption(kind);
  await form.getByRole('button', { name: 'Create and open' }).click();
  await page.waitForURL(/\/templates\/[0-9a-f-]{36}\/edit$/);
  return page.url().replace(/\/edit$/, '');
}

/** Picks the uploaded file a source previews over, in the editor's Sources panel. */
export async function pickSample(page: Page, { source, file, rows }: { source?: string; file: string; rows: number }): Promise<void> {
  const panel = page.getByTestId('sources-panel');
  if (source) await panel.getByRole('tab', { name: source }).click();
  const select = panel.getByTestId('dataset-select');
  const value = await select.locator('option', { hasText: `${file} · ` }).getAttribute('value');
  await select.selectOption(value!);
  await expect.poll(() => panel.getByTestId('sample-summary').textContent()).toContain(`${file}: showing ${rows} of ${rows} rows`);
}

/** The Monaco editor inside `editor` (a [data-testid=formula-editor]) once it is ready. */
export async function monacoIn(editor: Locator): Promise<Locator> {
  await editor.and(editor.page().locator('[data-state=ready]')).waitFor();
  return editor.locator('.monaco-editor');
}

/** Replaces the formula in a Monaco formula editor, typed key by key as an analyst would. */
export async function typeFormula(editor: Locator, text: string): Promise<void> {
  const monaco = await monacoIn(editor);
  await monaco.locator('.view-lines').click();
  const page = editor.page();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  // Suggestions stay open after typing; Escape closes them without touching the text.
  await page.keyboard.press('Escape');
  await page.screenshot({ path: path.join(ARTEFACTS, 'debug-type.png') });
  await expect.poll(() => formulaText(editor)).toBe(text);
}

/** The text Monaco shows (its rendered lines, spaces normalised). */
export async function formulaText(editor: Locator): Promise<string> {
  const text = await editor.locator('.view-lines').innerText();
  return text.replace(/\u00a0/g, ' ').trim();
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`) });
}

/**
 * The rendered cell of `column` in the row whose `key` column reads `keyValue` (Handsontable
 * renders only rows in view, so the row must be on screen), with its classes and tooltip.
 */
export async function gridCell(grid: Locator, { key, keyValue, column }: { key: string; keyValue: string; column: string }): Promise<{ text: string; className: string; title: string } | null> {
  return grid.evaluate((root, { key, keyValue, column }) => {
    const headers = [...root.querySelectorAll('.ht_master thead tr:last-child th')];
    const indexOf = (name: string) => headers.findIndex((h) => h.querySelector('.colHeader')?.textContent === name);
    const k = indexOf(key);
    const c = indexOf(column);
    if (k < 0 || c < 0) return null;
    const tr = [...root.querySelectorAll('.ht_master tbody tr')].find((r) => r.children[k]?.textContent === keyValue);
    const td = tr?.children[c] as HTMLElement | undefined;
    return td ? { text: td.textContent ?? '', className: td.className, title: td.title } : null;
  }, { key, keyValue, column });
}
