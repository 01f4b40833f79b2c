/**
 * `npm run bench:preview`: the live preview's latency in real Chromium. The harness page
 * (studio/preview/bench-harness/) is built for production (as users get it: Svelte without dev
 * checks, the sandbox worker bundled) and served; it mounts the editor state, the preview
 * engine on the Web Worker sandbox and the studio grid. Each edit is timed from the edit call
 * to the grid having rendered the new column (the animation frame after the grid update).
 *
 * Edits cycle through the template's text, number and date formulas with a new constant each
 * time, so every edit compiles and runs a program the cache has not seen. The debounce is 0:
 * what is measured is the work, not the deliberate wait for typing to pause (80 ms on the
 * page). Prints one line per size; asserts nothing (DESIGN.md §11.11).
 * BENCH_EDITS (default 50) and BENCH_SIZES (default 1000,10000) override; BENCH_HEAD_ROWS sets
 * the engine's headRows (0: no partial result first, to compare).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import { launchChromium, watchConsole } from '../browser-testing/chromium';
import type { EditTiming } from '../../studio/preview/bench-harness/harness';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HARNESS = path.join(ROOT, 'studio/preview/bench-harness');
const EDITS = Number(process.env.BENCH_EDITS ?? 50);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const WARMUP = 5;
/** Runs over more rows publish this many first (the engine's default is 1000). */
const HEAD_ROWS = Number(process.env.BENCH_HEAD_ROWS ?? 1_000);

/** The i-th edit: text, number and date formulas in turn, each with a constant not used before. */
function editAt(i: number): { target: string; formula: string } {
  const k = i + 1;
  switch (i % 3) {
    case 0: return { target: 'Notional', formula: `ROUND([Qty]*[Price]*${1 + k / 1000}, 2)` };
    case 1: return { target: 'Direction', formula: `IF(LEFT(UPPER([Side]), 1)="B", "BUY ${k}", IF(LEFT(UPPER([Side]), 1)="S", "SELL", #N/A))` };
    default: return { target: 'Settle Date', formula: `WORKDAY([Trade Date], ${(k % 5) + 1})` };
  }
}

/** A page call that hangs (a worker that never answers) fails the bench instead of stalling it. */
function within<T>(seconds: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${seconds} s.`)), seconds * 1000)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const ms = (n: number) => `${n.toFixed(1)}ms`;

async function measure(page: Page, rows: number): Promise<void> {
  const setup = await within(120, `Loading ${rows} rows`, page.evaluate((args) => (globalThis as any).previewBench.setup(args), { rows, headRows: HEAD_ROWS }));
  const timings: EditTiming[] = [];
  for (let i = 0; i < WARMUP + EDITS; i++) {
    const t: EditTiming = await within(30, `Edit ${i} at ${rows} rows`, page.evaluate((e) => (globalThis as any).previewBench.edit(e), editAt(i + rows)));
    if (!t.rendered) throw new Error(`Edit ${i} at ${rows} rows: the grid does not show the new value.`);
    if (i >= WARMUP) timings.push(t);
  }
  const sorted = (pick: (t: EditTiming) => number) => timings.map(pick).sort((a, b) => a - b);
  const total = sorted((t) => t.ms);
  const visible = sorted((t) => t.visibleMs);
  const result = sorted((t) => t.resultMs);
  const grid = sorted((t) => t.gridMs);
  const sandbox = sorted((t) => t.sandboxMs);
  const compile = sorted((t) => t.compileMs);
  console.log(`rows=${rows} p50=${ms(quantile(total, 0.5))} p95=${ms(quantile(total, 0.95))}`);
  if (HEAD_ROWS > 0 && rows > HEAD_ROWS) console.log(`  rows on screen first (the first ${HEAD_ROWS} rows, a partial result): p50=${ms(quantile(visible, 0.5))} p95=${ms(quantile(visible, 0.95))}`);
  console.log(
    `  preview ready p50=${ms(quantile(result, 0.5))} p95=${ms(quantile(result, 0.95))}; grid updated p50=${ms(quantile(grid, 0.5))} p95=${ms(quantile(grid, 0.95))}; sandbox p50=${ms(quantile(sandbox, 0.5))}; ` +
      `compile p50=${ms(quantile(compile, 0.5))} p95=${ms(quantile(compile, 0.95))}; programs run per edit ${(timings.reduce((n, t) => n + t.programsRun, 0) / timings.length).toFixed(2)}; first load ${ms(setup.firstMs)}`,
  );
}

async function main() {
  const outDir = mkdtempSync(path.join(tmpdir(), 'opspilot-preview-bench-'));
  const plugins = [svelte()];
  try {
    await build({
      configFile: false, root: HARNESS, logLevel: 'warn', plugins, base: './',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 10_000 },
      worker: { format: 'es' },
    });
    const server = await preview({ configFile: false, root: HARNESS, logLevel: 'warn', plugins, build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('The preview server did not report its address.');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const errors = watchConsole(page);
      page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
      await page.goto(url);
      await page.waitForFunction(() => 'previewBench' in globalThis, undefined, { timeout: 60_000 });
      console.log(`bench:preview  ${EDITS} edits per size after ${WARMUP} warm-up, Chromium ${browser.version()}, debounce 0, headRows ${HEAD_ROWS}, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
      for (const rows of SIZES) await measure(page, rows);
      if (errors.length) throw new Error(`The page logged errors:\n${errors.join('\n')}`);
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
