/**
 * Steps the studio journeys share: a production server with its own DATA_DIR and people made
 * headless with the CLI, signing in (one browser context per person, so maker and checker
 * are two sessions), uploading a file on the Data page, typing into the Monaco formula editor
 * and taking screenshots. Every wait is on visible state, never on time.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, expect } from 'vitest';
import { hydrated, launchChromium, open, watchConsole } from '../browser-testing/chromium';
import { addUser, signIn, type Person } from '../browser-testing/people';
import { ensureBuilt, startProductionServer, type RunningServer } from '../browser-testing/production-server';

export { hydrated, open };

export const ARTEFACTS = path.resolve('test-results');
/** Waits on what the page shows for up to 30 s: vitest's 1 s default is short on a busy 2-core machine. */
export const poll = <T>(fn: () => T | Promise<T>, message?: string) => expect.poll(fn, { timeout: 30_000, interval: 100, message });
export const VIEWPORT = { width: 1280, height: 800 };

export type { Person };
export interface Session { readonly context: BrowserContext; readonly page: Page; readonly errors: string[] }

export interface Studio {
  readonly url: string;
  readonly server: RunningServer;
  readonly browser: Browser;
  signIn(person: Person): Promise<Session>;
  stop(): Promise<void>;
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
  return {
    url: server.url,
    server,
    browser,
    async signIn(person) {
      const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
      const page = await context.newPage();
      const errors = watchConsole(page);
      await signIn(page, server.url, person);
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
  await open(page, `${url}/data`);
  await page.getByTestId('upload-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await poll(() => page.getByTestId('upload-outcome').textContent()).toContain(`${name}: ${rows} rows stored.`);
}

/** Creates a template of `kind` from the Templates list and waits for its editor. */
export async function createTemplate(page: Page, url: string, { name, kind }: { name: string; kind: 'mapping' | 'recon' }): Promise<string> {
  await open(page, `${url}/templates`);
  const form = page.getByTestId('create-template');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Kind').selectOption(kind);
  await form.getByRole('button', { name: 'Create and open' }).click();
  await page.waitForURL(/\/templates\/[0-9a-f-]{36}\/edit$/);
  await hydrated(page);
  return page.url().replace(/\/edit$/, '');
}

/** Picks the uploaded file a source previews over, in the editor's Sources panel. */
export async function pickSample(page: Page, { source, file, rows }: { source?: string; file: string; rows: number }): Promise<void> {
  const panel = page.getByTestId('sources-panel');
  if (source) await panel.getByRole('tab', { name: source }).click();
  const select = panel.getByTestId('dataset-select');
  const value = await select.locator('option', { hasText: `${file} · ` }).getAttribute('value');
  await select.selectOption(value!);
  await poll(() => panel.getByTestId('sample-summary').textContent()).toContain(`${file}: showing ${rows} of ${rows} rows`);
}

/** The formula bar's editor on the template editor page (the target being edited). */
export const formulaBar = (page: Page): Locator => page.locator('.main [data-testid=formula-editor]');

/** Adds a target column to the source shown, names it and types its formula. */
export async function addTarget(page: Page, { name, formula }: { name: string; formula: string }): Promise<void> {
  await page.getByTestId('add-target').click();
  const nameInput = page.getByTestId('target-name');
  await poll(() => nameInput.inputValue()).toMatch(/^Column \d+$/);
  await nameInput.fill(name);
  await nameInput.press('Enter');
  await poll(() => page.getByRole('tablist', { name: 'Target columns' }).getByRole('tab', { name, exact: true }).getAttribute('aria-selected')).toBe('true');
  await typeFormula(formulaBar(page), formula);
  // The formula checks clean in the editor: no red squiggle under any part of it.
  expect(await formulaBar(page).locator('.squiggly-error').count(), `squiggles under ${formula}`).toBe(0);
}

/** The Monaco editor inside `editor` (a [data-testid=formula-editor]) once it is ready. */
export async function monacoIn(editor: Locator): Promise<Locator> {
  await editor.and(editor.page().locator('[data-state=ready]')).waitFor();
  return editor.locator('.monaco-editor');
}

/**
 * Replaces the formula in a Monaco formula editor and leaves the editor, which commits it (as
 * clicking away from an Excel cell does). Typed key by key as an analyst would, or pasted in one
 * go (`paste`), which is one edit and so one undo step whatever the machine's speed.
 */
export async function typeFormula(editor: Locator, text: string, { paste = false } = {}): Promise<void> {
  const monaco = await monacoIn(editor);
  await monaco.locator('.view-lines').click();
  const page = editor.page();
  await page.keyboard.press('ControlOrMeta+A');
  if (paste) {
    await page.keyboard.insertText(text);
  } else {
    await page.keyboard.press('Delete');
    await page.keyboard.type(text);
  }
  await poll(() => formulaText(editor)).toBe(text);
  // Not Escape: with no suggestion open it reverts the editor to its last committed text.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** The text Monaco shows (its rendered lines, spaces normalised). */
export async function formulaText(editor: Locator): Promise<string> {
  const text = await editor.locator('.view-lines').innerText();
  return text.replace(/\u00a0/g, ' ').trim();
}


/**
 * A journey's steps build on each other: after a failed step, the page it left is kept as a
 * screenshot and the later steps are skipped (they would only fail for the same reason).
 */
export function journeyHooks(prefix: string, page: () => Page | undefined): void {
  let failed = '';
  beforeEach((ctx) => {
    if (failed) ctx.skip(`an earlier step failed: ${failed}`);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    failed ||= task.name;
    const p = page();
    if (p && !p.isClosed()) await shot(p, `${prefix}-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`) });
}

/**
 * The rendered cell of `column` in the row of the file's `line` (the grid's row headers are file
 * line numbers), with its classes, tooltip and the background it is painted with. Handsontable
 * renders only the rows and columns in view, so the cell must be on screen.
 */
export async function gridCell(grid: Locator, { line, column }: { line: number; column: string }): Promise<{ text: string; className: string; title: string; background: string } | null> {
  return grid.evaluate((root, { line, column }) => {
    const headers = [...root.querySelectorAll('.ht_master thead tr:last-child th')];
    const c = headers.findIndex((h) => h.querySelector('.colHeader')?.textContent === column);
    const tr = [...root.querySelectorAll('.ht_master tbody tr')].find((r) => r.querySelector('th')?.textContent === String(line));
    const td = c < 0 ? undefined : (tr?.children[c] as HTMLElement | undefined);
    return td ? { text: td.textContent ?? '', className: td.className, title: td.title, background: getComputedStyle(td).backgroundColor } : null;
  }, { line, column });
}
