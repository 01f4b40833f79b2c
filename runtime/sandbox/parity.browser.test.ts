/**
 * Parity: the studio's preview (a Web Worker in Chromium) and the server (Node) run the same
 * compiled program over the same rows to the same bytes. The page is a tiny fixture served
 * by a Vite dev server (browser-fixture/); it starts studio/preview/sandbox-worker.ts.
 */
import { createServer as createNetServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileProgram } from '../formula/compile/compile-program';
import type { ColumnSpec, CompiledProgram, RunContext } from '../formula/program';
import type { FixtureBatch } from './browser-fixture/fixture';
import { encodeBatch } from './columnar-encode';
import { decodeOutputs } from './columnar-decode';
import { columnsFromRows } from './input-columns';
import { createSandbox } from './sandbox';
import { encodeScriptRows } from './script';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../..');
const context: RunContext = { today: 45_600, now: 45_600.5, tables: { Fx: { Ccy: ['EUR', 'USD'], Rate: [1.1, 1] } } };
const COLUMNS: ColumnSpec[] = [
  { name: 'Price', type: 'number' },
  { name: 'Qty', type: 'number' },
  { name: 'Side', type: 'text' },
  { name: 'Ccy', type: 'text' },
  { name: 'Trade Date', type: 'date' },
  { name: 'Active', type: 'boolean' },
];
const FORMULAS = [
  'ROUND([Price]*[Qty], 2)',
  '[Price]/[Qty]',
  'IF([Active], UPPER([Side]), "inactive")',
  '[Side] & "-" & TEXT([Trade Date], "yyyy-mm-dd")',
  'EDATE([Trade Date], 1)',
  'AND([Price]>0, [Qty]<>0)',
  'XLOOKUP([Ccy], Fx[Ccy], Fx[Rate], "none")',
  'LEN([Side]) + WEEKDAY([Trade Date])',
  'REGEXEXTRACT([Side], "[A-Za-z]+")',
  'TODAY()-[Trade Date]',
];
const SIDES = ['buy', 'SELL', '', 'Bütün 😀', 'x\u001fy', 'lone \ud800', 'nul\u0000!'];
const ROWS = Array.from({ length: 2_500 }, (_, i) => ({
  Price: i % 11 === 0 ? null : ((i * 7919) % 10_000) / 100,
  Qty: (i % 13) - 3,
  Side: SIDES[i % SIDES.length],
  Ccy: ['EUR', 'USD', 'GBP'][i % 3],
  'Trade Date': i % 17 === 0 ? null : 45_000 + (i % 400),
  Active: i % 5 === 0 ? null : i % 2 === 0,
}));
const BATCH = 1_000;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

let server: ViteDevServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  server = await createServer({
    configFile: false,
    root: path.join(here, 'browser-fixture'),
    logLevel: 'error',
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, fs: { allow: [ROOT] } },
    // QuickJS finds its .wasm relative to its own module: serve it as it is.
    optimizeDeps: { exclude: ['@jitl/quickjs-wasmfile-release-sync', 'quickjs-emscripten-core'] },
  });
  await server.listen();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => 'sandboxFixture' in globalThis, undefined, { timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function compiled(): CompiledProgram {
  const r = compileProgram({ formulas: FORMULAS.map((text, i) => ({ name: `f${i}`, text })), columns: COLUMNS, tables: { Fx: ['Ccy', 'Rate'] } });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.program;
}

async function inNode(program: CompiledProgram): Promise<FixtureBatch[]> {
  const sandbox = await createSandbox();
  const columns = columnsFromRows({ inputs: program.inputs, rows: ROWS });
  const out: FixtureBatch[] = [];
  for (let start = 0; start < ROWS.length; start += BATCH) {
    const batch = encodeBatch({ inputs: program.inputs, columns, start, end: Math.min(ROWS.length, start + BATCH) });
    const r = await sandbox.runBatch({ program, context, batch });
    out.push(r.ok ? { ok: true, buffer: Buffer.from(r.outputs.buffer).toString('base64'), text: r.outputs.text, textMode: r.outputs.textMode } : { ok: false, kind: r.error.kind, message: r.error.message });
  }
  return out;
}

type Fixture = {
  runProgram(args: unknown): Promise<FixtureBatch[]>;
  runScript(args: unknown): Promise<{ ok: boolean; json?: string; kind?: string }>;
};
const inBrowser = <T>(method: keyof Fixture, args: unknown): Promise<T> =>
  page.evaluate(([m, a]) => ((globalThis as unknown as { sandboxFixture: Fixture }).sandboxFixture[m as keyof Fixture] as (x: unknown) => Promise<T>)(a), [method, args] as const);

describe('sandbox parity, Node and Chromium', () => {
  it('runs the same compiled program over the same rows to the same bytes', async () => {
    const program = compiled();
    const [node, chrome] = [await inNode(program), await inBrowser<FixtureBatch[]>('runProgram', { program, context, rows: ROWS, batchSize: BATCH })];
    expect(chrome).toHaveLength(3);
    expect(chrome.every((b) => b.ok)).toBe(true);
    expect(chrome).toEqual(node);
    // And the bytes mean what they should: spot-check the decoded values.
    const first = chrome[0] as Extract<FixtureBatch, { ok: true }>;
    const buffer = Uint8Array.from(Buffer.from(first.buffer, 'base64')).buffer;
    const values = decodeOutputs({ outputs: { rows: BATCH, columns: FORMULAS.length, buffer, text: first.text, textMode: first.textMode } });
    expect(values[2][24]).toBe('BÜTÜN 😀'); // row 24: Side 'Bütün 😀', Active
    expect(values[6].slice(0, 3)).toEqual([1.1, 1, 'none']);
    expect(pageErrors).toEqual([]);
  });

  it('runs a script step to the same results', async () => {
    const source = 'return { side: String(row.Side).toUpperCase(), n: row.Qty * 2, when: ctx.today, bad: row.Qty === 0 ? ctx.L.NA : null }';
    const rowsJson = encodeScriptRows(ROWS.slice(0, 200));
    const sandbox = await createSandbox();
    const node = await sandbox.runScriptJson({ source, context, rowsJson });
    const chrome = await inBrowser<{ ok: boolean; json?: string }>('runScript', { source, context, rowsJson });
    expect(node.ok && chrome.ok).toBe(true);
    expect(chrome.json).toBe(node.ok ? node.value : undefined);
  });

  it('holds the same limits and offers nothing of the browser inside the sandbox', async () => {
    const script = (source: string, timeoutMs?: number) => inBrowser<{ ok: boolean; json?: string; kind?: string }>('runScript', { source, context, rowsJson: '[{}]', timeoutMs });
    expect(await script('for (;;) {}', 200)).toEqual({ ok: false, kind: 'timeout' });
    expect(await script('var a = [], s = "x"; for (;;) { s += s; a.push(s + "!"); }')).toEqual({ ok: false, kind: 'memory' });
    const reach = await script('return [typeof self, typeof window, typeof fetch, typeof importScripts, typeof postMessage, typeof WebAssembly]');
    expect(reach.json).toBe('[[0,["undefined","undefined","undefined","undefined","undefined","undefined"]]]');
    expect(await script("return this.constructor.constructor('return self')()")).toMatchObject({ ok: true, json: expect.stringContaining('TypeError') });
  });
});
