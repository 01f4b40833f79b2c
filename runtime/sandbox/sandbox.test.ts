import { beforeAll, describe, expect, it } from 'vitest';
import { compileProgram } from '../formula/compile/compile-program';
import { createLibrary } from '../formula/library/index';
import { ERR } from '../formula/library/values';
import type { ColumnSpec, CompiledProgram } from '../formula/program';
import { encodeBatch } from './columnar-encode';
import { columnsFromRows } from './input-columns';
import { runProgram } from './run-program';
import { createSandbox, type Sandbox } from './sandbox';

const COLUMNS: ColumnSpec[] = [
  { name: 'Price', type: 'number' },
  { name: 'Qty', type: 'number' },
  { name: 'Side', type: 'text' },
  { name: 'Trade Date', type: 'date' },
  { name: 'Active', type: 'boolean' },
];
const ROWS = [
  { Price: 2.675, Qty: 100, Side: 'buy', 'Trade Date': 45_292, Active: true },
  { Price: null, Qty: -3, Side: 'SELL', 'Trade Date': 45_351, Active: false },
  { Price: 0.1, Qty: 0, Side: '', 'Trade Date': null, Active: null },
  { Price: -1e6, Qty: 7, Side: 'Bütün 😀', 'Trade Date': 60_000, Active: true },
];
const FORMULAS = [
  'ROUND([Price]*[Qty], 2)',
  '[Price]/[Qty]',
  'IF([Active], UPPER([Side]), "inactive")',
  '[Side] & "-" & TEXT([Trade Date], "yyyy-mm-dd")',
  'EDATE([Trade Date], 1)',
  'AND([Price]>0, [Qty]<>0)',
  'IFERROR(1/[Qty], "none")',
  'LEN([Side])',
  '0.1+0.2=[Price]+0.2',
  'TODAY()-[Trade Date]',
];
const context = Object.freeze({ today: 45_600, now: 45_600.5, tables: Object.freeze({}) });

function compile(formulas: readonly string[], columns: readonly ColumnSpec[] = COLUMNS): CompiledProgram {
  const r = compileProgram({ formulas: formulas.map((text, i) => ({ name: `f${i}`, text })), columns });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.program;
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox({ limits: { timeoutMs: 2_000, memoryBytes: 32 * 2 ** 20 } });
});

describe('a sandbox', () => {
  it('gives compiled formulas the values the same program gives unsandboxed', async () => {
    const program = compile(FORMULAS);
    const columns = columnsFromRows({ inputs: program.inputs, rows: ROWS });
    const inVm = await runProgram({ sandbox, program, context, columns, rows: ROWS.length });
    const fn = (0, eval)(program.source) as (I: unknown[], n: number, L: unknown, X: unknown) => unknown[][];
    const plain = fn(
      program.inputs.map((c) => ROWS.map((r) => r[c.name as keyof (typeof ROWS)[0]])),
      ROWS.length,
      createLibrary(),
      context,
    );
    expect(inVm.failures).toEqual([]);
    expect(inVm.columns).toEqual(plain);
    expect(inVm.columns[0][0]).toBe(267.5);
    expect(inVm.columns[1][2]).toBe(ERR.DIV0);
  });

  it('compiles a program once per VM and run context, not per batch', async () => {
    const fresh = await createSandbox();
    const program = compile(['[Price]*2']);
    const columns = columnsFromRows({ inputs: program.inputs, rows: ROWS });
    await runProgram({ sandbox: fresh, program, context, columns, rows: ROWS.length, batchSize: 1 });
    expect(fresh.stats().compiles).toBe(1);
    await runProgram({ sandbox: fresh, program, context: { ...context }, columns, rows: ROWS.length, batchSize: 2 });
    expect(fresh.stats().compiles).toBe(2);
  });

  it('reports a limit as data and serves the next batch', async () => {
    const program = (body: string): CompiledProgram => ({ source: `(function (I, n, L, X) { ${body} })`, inputs: [], outputs: [{ name: 'x', type: 'any' }] });
    const run = async (body: string) => {
      const r = await sandbox.runBatch({ program: program(body), context, batch: encodeBatch({ inputs: [], columns: [], end: 1 }), timeoutMs: 300 });
      return r.ok ? 'ok' : r.error.kind;
    };
    expect(await run('for (;;) {}')).toBe('timeout');
    expect(await run('function f() { return f() + 1; } return [[f()]];')).toBe('stack');
    expect(await run('var a = [], s = "x"; for (;;) { s += s; a.push(s + "y"); }')).toBe('memory');
    expect(await run('throw new RangeError("mine")')).toBe('exception');
    expect(await run('return [[1]];')).toBe('ok');
  });

  it('replaces its VM after a memory error, and the new one works', async () => {
    const fresh = await createSandbox({ limits: { memoryBytes: 16 * 2 ** 20 } });
    const bomb: CompiledProgram = { source: '(function () { var a = [], s = "y"; for (;;) { s += s; a.push(s + "z"); } })', inputs: [], outputs: [] };
    const r = await fresh.runBatch({ program: bomb, context, batch: encodeBatch({ inputs: [], columns: [], end: 1 }) });
    expect(r.ok ? 'ok' : r.error).toEqual({ kind: 'memory', message: expect.stringContaining('16 MiB') });
    expect(fresh.stats().recycles).toBe(1);
    const program = compile(['[Qty]+1']);
    const ok = await runProgram({ sandbox: fresh, program, context, columns: columnsFromRows({ inputs: program.inputs, rows: ROWS }), rows: ROWS.length });
    expect(ok.columns[0]).toEqual([101, -2, 1, 8]);
  });

  it('reports a program that does not compile or returns the wrong shape as an exception', async () => {
    const batch = encodeBatch({ inputs: [], columns: [], end: 2 });
    const broken = await sandbox.runBatch({ program: { source: '(function (I, n) {', inputs: [], outputs: [] }, context, batch });
    expect(broken.ok ? 'ok' : broken.error.message).toMatch(/^SyntaxError/);
    const shape = await sandbox.runBatch({ program: { source: '(function () { return [] })', inputs: [], outputs: [{ name: 'x', type: 'number' }] }, context, batch });
    expect(shape.ok ? 'ok' : shape.error.message).toBe('TypeError: The program returned 0 outputs; 1 expected.');
  });
});
