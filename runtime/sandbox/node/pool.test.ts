import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileProgram } from '../../formula/compile/compile-program';
import type { CompiledProgram, RunContext } from '../../formula/program';
import { columnFromValues } from '../input-columns';
import { createSandboxPool, type SandboxPool } from './pool';
import { runProgram } from '../run-program';
import { createSandbox } from '../sandbox';

const here = path.dirname(fileURLToPath(import.meta.url));
const context: RunContext = Object.freeze({ today: 45_600, now: 45_600.5, tables: Object.freeze({ Fx: Object.freeze({ Ccy: ['EUR', 'USD'], Rate: [1.1, 1] }) }) });
const ROWS = 25_000;
const ids = columnFromValues(Array.from({ length: ROWS }, (_, i) => i));
const ccys = columnFromValues(Array.from({ length: ROWS }, (_, i) => (i % 3 === 0 ? 'EUR' : i % 3 === 1 ? 'USD' : 'GBP')));

function compiled(text: string): CompiledProgram {
  const r = compileProgram({ formulas: [{ name: 'out', text }], columns: [{ name: 'Id', type: 'number' }, { name: 'Ccy', type: 'text' }], tables: { Fx: ['Ccy', 'Rate'] } });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.program;
}

/** Loops forever on the row whose Id is `stuck`, and otherwise returns Id * 2. */
const stuckOn = (stuck: number, marker = ''): CompiledProgram => ({
  source: `(function (I, n) { /* ${marker} */ var o = new Array(n); for (var i = 0; i < n; i++) { if (I[0][i] === ${stuck}) for (;;) {} o[i] = I[0][i] * 2; } return [o]; })`,
  inputs: [{ name: 'Id', type: 'number' }],
  outputs: [{ name: 'out', type: 'number' }],
});

let pool: SandboxPool;
beforeAll(() => {
  pool = createSandboxPool({ size: 2, limits: { timeoutMs: 2_000 } });
});
afterAll(() => pool.close());

describe('the sandbox pool', () => {
  it('spreads batches over its workers and returns rows in order, as one thread would', async () => {
    const program = compiled('[Id] * 2 & "-" & XLOOKUP([Ccy], Fx[Ccy], Fx[Rate], "none")');
    const columns = program.inputs.map((c) => (c.name === 'Id' ? ids : ccys));
    const pooled = await pool.runProgram({ program, context, columns, rows: ROWS, batchSize: 1_000 });
    const single = await runProgram({ sandbox: await createSandbox(), program, context, columns, rows: ROWS, batchSize: 7_000 });
    expect(pooled.failures).toEqual([]);
    expect(pooled.columns).toEqual(single.columns);
    expect(pooled.columns[0].slice(0, 3)).toEqual(['0-1.1', '2-1', '4-none']);
  });

  it('fails only the batch that hits a limit', async () => {
    const r = await pool.runProgram({ program: stuckOn(4_321), context, columns: [ids], rows: ROWS, batchSize: 1_000, timeoutMs: 200 });
    expect(r.failures).toEqual([{ start: 4_000, end: 5_000, error: { kind: 'timeout', message: expect.stringContaining('200 ms') } }]);
    expect(r.columns[0][3_999]).toBe(7_998);
    expect(r.columns[0][4_000]).toBeNull();
    expect(r.columns[0][5_000]).toBe(10_000);
  });

  it('cancels a run: queued batches are dropped, running ones stopped, and the pool serves the next run', async () => {
    const controller = new AbortController();
    const run = pool.runProgram({ program: stuckOn(0), context, columns: [ids], rows: ROWS, batchSize: 1_000, timeoutMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 300);
    await expect(run).rejects.toThrow('user cancelled');
    const next = await pool.runProgram({ program: stuckOn(-1), context, columns: [ids], rows: 3_000, batchSize: 1_000 });
    expect(next.failures).toEqual([]);
    expect(next.columns[0][2_999]).toBe(5_998);
  });

  it('runs script steps', async () => {
    const r = await pool.runScriptBatch({ source: 'return { id: row.id, twice: row.id * 2 }', context, rows: [{ id: 1 }, { id: 2 }] });
    expect(r).toEqual({ ok: true, rows: [{ ok: true, value: { id: 1, twice: 2 } }, { ok: true, value: { id: 2, twice: 4 } }] });
  });

  it('replaces a worker that dies, fails only the batch it was running, and never takes the host down', async () => {
    const crashing = createSandboxPool({ size: 2, workerEntry: path.join(here, 'fixtures/crashing-pool-worker.mjs') });
    try {
      const r = await crashing.runProgram({ program: stuckOn(-1, 'CRASH_THIS_WORKER'), context, columns: [ids], rows: 2_000, batchSize: 1_000 });
      expect(r.failures.map((f) => f.error.kind)).toEqual(['exception', 'exception']);
      expect(r.failures[0].error.message).toMatch(/worker stopped \(exit code 3\) and was replaced/);
      const after = await crashing.runProgram({ program: stuckOn(-1), context, columns: [ids], rows: 2_000, batchSize: 1_000 });
      expect(after.failures).toEqual([]);
      expect(after.columns[0][1_999]).toBe(3_998);
    } finally {
      await crashing.close();
    }
  });

  it('loads its TypeScript worker when bundled, as in the built SvelteKit server', async () => {
    // adapter-node keeps `dependencies` external and bundles our code into build/server/chunks;
    // the runtime/ folder ships beside it.
    const out = mkdtempSync(path.join(tmpdir(), 'opspilot-pool-'));
    try {
      await build({
        stdin: {
          contents: `import { createSandboxPool } from './pool';
            import { columnFromValues } from '../input-columns';
            const pool = createSandboxPool({ size: 1 });
            const program = { source: '(function (I, n) { var o = new Array(n); for (var i = 0; i < n; i++) o[i] = I[0][i] + 1; return [o]; })', inputs: [{ name: 'x', type: 'number' }], outputs: [{ name: 'y', type: 'number' }] };
            const r = await pool.runProgram({ program, context: { today: 1, now: 1, tables: {} }, columns: [columnFromValues([1, 2])], rows: 2 });
            console.log(JSON.stringify(r));
            await pool.close();`,
          resolveDir: here,
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        outfile: path.join(out, 'server', 'chunks', 'run.mjs'),
        logLevel: 'silent',
      });
      const run = spawnSync(process.execPath, [path.join(out, 'server', 'chunks', 'run.mjs')], { cwd: path.resolve(here, '../../..'), encoding: 'utf8', timeout: 60_000 });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual({ columns: [[2, 3]], failures: [] });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
