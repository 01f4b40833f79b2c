/**
 * The formula editor in real Chromium: the fixture page (browser-fixture/) is built for
 * production with Vite, as the studio's pages are, and served by `vite preview`. The test
 * types as an analyst would and reads back what the component reported.
 */
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchConsole } from '../../src/browser-testing/chromium';
import { freePort } from '../../src/browser-testing/production-server';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../..');
const FIXTURE = path.join(here, 'browser-fixture');
const ARTEFACTS = path.join(ROOT, 'test-results');

interface HarnessLog {
  changes: string[];
  commits: string[];
  cancels: string[];
  diagnostics: { code: string; message: string }[][];
}

let outDir: string;
let server: PreviewServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-formula-editor-'));
  await build({
    configFile: false,
    root: FIXTURE,
    logLevel: 'error',
    plugins: [svelte({ configFile: path.join(ROOT, 'svelte.config.js') })],
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
  const port = await freePort();
  server = await preview({ configFile: false, root: FIXTURE, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
  url = `http://127.0.0.1:${port}/`;
  browser = await launchChromium();
  await mkdir(ARTEFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.httpServer.close(() => resolve()) : resolve()));
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const harness = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(([f, a]) => (globalThis as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>).formulaHarness[f as string](...(a as unknown[])) as T, [fn, args] as const);
const valueOf = (page: Page) => harness<string>(page, 'value');
const logOf = (page: Page) => page.evaluate(() => (globalThis as unknown as { formulaHarness: { log: HarnessLog } }).formulaHarness.log);

/** Opens the fixture with `value` in the editor and waits for Monaco. */
async function openEditor(value: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  const errors = watchConsole(page);
  await page.goto(url);
  await harness(page, 'setValue', value);
  await page.click('#show');
  await page.waitForSelector('[data-testid=formula-editor][data-state=ready] .monaco-editor .view-lines');
  return { page, errors };
}

/** Puts the cursor at a character offset of a one-line formula. */
async function cursorAt(page: Page, offset: number): Promise<void> {
  await harness(page, 'focus');
  await page.keyboard.press('Home');
  for (let i = 0; i < offset; i++) await page.keyboard.press('ArrowRight');
}

/** The colour Monaco paints the first token whose text is `text`. */
const tokenColour = (page: Page, text: string) =>
  page.evaluate((t) => {
    // Monaco renders spaces as no-break spaces.
    const span = [...document.querySelectorAll('.view-lines span span')].find((s) => s.textContent?.replace(/\u00a0/g, ' ') === t);
    return span ? getComputedStyle(span).color : 'missing';
  }, text);

describe('formula editor in Chromium', () => {
  it('loads Monaco only when it mounts, shows the text meanwhile, and does not move the page', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    const errors = watchConsole(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/mount-formula-editor-*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(url);
    expect(requests.filter((r) => r.includes('mount-formula-editor'))).toEqual([]);
    await page.click('#show');
    const standIn = page.locator('[data-testid=formula-editor][data-state=loading] [role=textbox]');
    await standIn.waitFor();
    expect(await standIn.textContent()).toBe('ROUND([Trade Price], 2)');
    expect(await standIn.getAttribute('aria-label')).toBe('Target column formula');
    const belowWhileLoading = await page.locator('#below').boundingBox();
    release();
    await page.waitForSelector('[data-testid=formula-editor][data-state=ready] .monaco-editor .view-lines');
    expect(requests.some((r) => r.includes('mount-formula-editor'))).toBe(true);
    expect(await page.locator('#below').boundingBox()).toEqual(belowWhileLoading);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('colours known functions, unknown ones and column references differently', async () => {
    const { page, errors } = await openEditor('ROUND([Trade Price], 2) + ROUDN(1)');
    await expect.poll(() => tokenColour(page, 'ROUND')).toBe('rgb(31, 79, 209)');
    expect(await tokenColour(page, 'ROUDN')).toBe('rgb(180, 35, 24)');
    expect(await tokenColour(page, '[Trade Price]')).toBe('rgb(6, 118, 71)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('completes columns, shows the active parameter, and commits on Enter', async () => {
    const { page, errors } = await openEditor('');
    await harness(page, 'focus');
    await page.keyboard.type('ROUND(');
    const hints = page.locator('.parameter-hints-widget');
    await expect.poll(() => hints.textContent()).toContain('ROUND(number, [num_digits])');
    await page.keyboard.type('[Tra');
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: '[Trade Price]' });
    await suggestion.first().waitFor();
    await page.screenshot({ path: path.join(ARTEFACTS, 'formula-editor-completion.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => valueOf(page)).toBe('ROUND([Trade Price])');
    await page.keyboard.type(', 2');
    await expect.poll(() => page.locator('.parameter-hints-widget .parameter.active').textContent()).toBe('num_digits');
    await page.screenshot({ path: path.join(ARTEFACTS, 'formula-editor-signature.png') });
    await page.keyboard.press('Enter');
    expect((await logOf(page)).commits).toEqual(['ROUND([Trade Price], 2)']);
    expect(await valueOf(page)).toBe('ROUND([Trade Price], 2)');
    // Shift+Enter breaks the line instead.
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('+ 1');
    await expect.poll(() => valueOf(page)).toBe('ROUND([Trade Price], 2)\n+ 1');
    expect((await logOf(page)).diagnostics.at(-1)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks a misspelled column as it is typed and fixes it from the did-you-mean quick fix', async () => {
    const { page, errors } = await openEditor('[Notional Amout] * 2');
    await page.locator('.squiggly-error').first().waitFor();
    expect((await logOf(page)).diagnostics.at(-1)).toEqual([expect.objectContaining({ code: 'unknown-column', message: 'Unknown column `Notional Amout`: did you mean `Notional Amount`?' })]);
    await cursorAt(page, 4);
    await page.keyboard.press('Control+Period');
    const fix = page.locator('.action-widget', { hasText: 'Replace `[Notional Amout]` with `[Notional Amount]`' });
    await fix.waitFor();
    await page.screenshot({ path: path.join(ARTEFACTS, 'formula-editor-quick-fix.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => valueOf(page)).toBe('[Notional Amount] * 2');
    await expect.poll(() => page.locator('.squiggly-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the function reference on hover', async () => {
    const { page, errors } = await openEditor('ROUND([Trade Price], 2)');
    const span = page.locator('.view-lines span span', { hasText: /^ROUND$/ });
    await span.hover();
    await expect.poll(() => page.locator('.monaco-hover').first().textContent(), { timeout: 5_000 }).toContain('ROUND(number, [num_digits])');
    await page.screenshot({ path: path.join(ARTEFACTS, 'formula-editor-hover.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reverts to the committed text on Escape', async () => {
    const { page, errors } = await openEditor('[Quantity] * 2');
    await cursorAt(page, 14);
    await page.keyboard.type(' + 1');
    await expect.poll(() => valueOf(page)).toBe('[Quantity] * 2 + 1');
    await page.keyboard.press('Escape');
    await expect.poll(() => valueOf(page)).toBe('[Quantity] * 2');
    expect((await logOf(page)).cancels).toEqual(['[Quantity] * 2']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('inserts a dragged column where it is dropped, and a reference at the cursor', async () => {
    const { page, errors } = await openEditor('ROUND(, 2)');
    const point = await page.evaluate(() => {
      const line = document.querySelector('.view-lines .view-line')!;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      let seen = 0;
      while ((node = walker.nextNode())) {
        const length = node.textContent!.length;
        if (seen + length >= 6) {
          const range = document.createRange();
          range.setStart(node, 6 - seen);
          range.setEnd(node, 6 - seen);
          const r = range.getBoundingClientRect();
          return { x: r.left + 1, y: r.top + r.height / 2 };
        }
        seen += length;
      }
      throw new Error('no text');
    });
    const box = (await page.locator('.monaco-editor .view-lines').boundingBox())!;
    await page.dragAndDrop('#drag-notional', '.monaco-editor .view-lines', { targetPosition: { x: point.x - box.x, y: point.y - box.y } });
    await expect.poll(() => valueOf(page)).toBe('ROUND([Notional Amount], 2)');
    await harness(page, 'focus');
    await page.keyboard.press('End');
    await page.keyboard.type(' * ');
    await harness(page, 'insert', '[Quantity]');
    await expect.poll(() => valueOf(page)).toBe('ROUND([Notional Amount], 2) * [Quantity]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the formula editable and says so when Monaco cannot load', async () => {
    const page = await browser.newPage();
    await page.route('**/assets/mount-formula-editor-*.js', (route) => route.abort());
    await page.goto(url);
    await page.click('#show');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The formula editor could not load');
    const box = page.getByRole('textbox', { name: 'Target column formula' });
    expect(await box.inputValue()).toBe('ROUND([Trade Price], 2)');
    await box.fill('[Quantity] * 3');
    await box.press('Enter');
    const log = await logOf(page);
    expect(log.changes.at(-1)).toBe('[Quantity] * 3');
    expect(log.commits).toEqual(['[Quantity] * 3']);
    await page.close();
  });

  it('ships Monaco in its own lazily loaded chunk, without the bundled languages', async () => {
    const assets = await readdir(path.join(outDir, 'assets'));
    const entry = assets.find((f) => /^index-.*\.js$/.test(f))!;
    const lazy = assets.find((f) => /^mount-formula-editor-.*\.js$/.test(f))!;
    expect((await stat(path.join(outDir, 'assets', entry))).size).toBeLessThan(200_000);
    expect((await stat(path.join(outDir, 'assets', lazy))).size).toBeGreaterThan(1_000_000);
    expect(assets.some((f) => f.startsWith('editor.worker-'))).toBe(true);
    expect(assets.filter((f) => /^(typescript|python|ts\.worker|json\.worker|css\.worker)/.test(f))).toEqual([]);
  });
});
