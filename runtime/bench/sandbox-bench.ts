/**
 * `npm run bench:sandbox`: compiled templates over generated rows, five ways.
 *   (a) columnar batches in QuickJS, one thread: encode, run, decode, as the runtime does
 *   (b) naive JSON batches in QuickJS (row records as a JSON string in, JSON string out)
 *   (c) the program alone inside the VM, so the marshalling share of (a) shows
 *   (d) the worker pool on every core
 *   (e) the same compiled program unsandboxed in V8
 * Targets (DESIGN.md §6): (a) ≥ 10× (b); marshalling ≤ 15% of (a); pool ≥ 1.7× (a) on 2 cores.
 * (b) and (c) run beside (a) batch by batch on a sample, so their ratios to (a) hold even on
 * a busy machine. BENCH_ROWS overrides the row count (default 1,000,000); BENCH_PROFILE=1
 * adds each formula's cost alone. Prints figures; asserts nothing.
 */
import { availableParallelism, loadavg } from 'node:os';
import { createLibrary } from '../formula/library/index';
import { errorOf, type Scalar } from '../formula/library/values';
import type { CompiledProgram } from '../formula/program';
import { encodeBatch } from '../sandbox/columnar-encode';
import { decodeOutputs } from '../sandbox/columnar-decode';
import { createSandboxPool } from '../sandbox/node/pool';
import { createSandbox, type Sandbox } from '../sandbox/sandbox';
import type { InputColumn } from '../sandbox/input-columns';
import { compileTemplate, CONTEXT, generateData, INLINE_TEMPLATE, inputColumns, MIXED_TEMPLATE, NUMERIC_TEMPLATE, type BenchData } from './sandbox-bench-data';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const BATCH = 10_000;
/** (b) and (c) run on a sample: the JSON baseline is 20× slower, and (c) runs each batch 4×. */
const SAMPLE = Math.min(ROWS, 200_000);

const rate = (rows: number, ms: number) => Math.round((rows / ms) * 1000);
const fmt = (n: number) => n.toLocaleString('en-US').padStart(11);
const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(`Bench batch failed: ${JSON.stringify(r.error)}`);
  return r.value;
};

async function columnar(sandbox: Sandbox, program: CompiledProgram, columns: InputColumn[], rows: number) {
  const out = program.outputs.map(() => new Array<Scalar>(rows));
  const phase = { encode: 0, vm: 0, decode: 0 };
  const t0 = performance.now();
  for (let start = 0; start < rows; start += BATCH) {
    const t1 = performance.now();
    const batch = encodeBatch({ inputs: program.inputs, columns, start, end: Math.min(rows, start + BATCH) });
    const t2 = performance.now();
    const result = await sandbox.runBatch({ program, context: CONTEXT, batch });
    const t3 = performance.now();
    if (!result.ok) throw new Error(`Bench batch failed: ${JSON.stringify(result.error)}`);
    decodeOutputs({ outputs: result.outputs, into: out, at: start });
    phase.encode += t2 - t1;
    phase.vm += t3 - t2;
    phase.decode += performance.now() - t3;
  }
  return { ms: performance.now() - t0, phase, out };
}

/**
 * The naive design: the batch's rows as one JSON string of records keyed by column name, the
 * outputs back as one JSON string of records keyed by output name, errors as {"#": code}.
 */
async function naiveJsonBatch(sandbox: Sandbox, program: CompiledProgram, data: BenchData, start: number, end: number) {
  const names = program.inputs.map((spec) => spec.name);
  const rows: Record<string, Scalar>[] = [];
  for (let i = start; i < end; i++) rows.push(Object.fromEntries(names.map((name) => [name, data.values.get(name)![i]])));
  const json = JSON.stringify({ inputs: names, outputs: program.outputs.map((o) => o.name), rows });
  const out = must(await sandbox.runJsonBatch({ program, context: CONTEXT, rowsJson: json }));
  JSON.parse(out, (_k, v) => (v !== null && typeof v === 'object' && '#' in v ? errorOf(v['#']) : v));
}

/**
 * (b) and (c), measured batch by batch beside the columnar path over the same rows, so that
 * load on the machine (other processes) falls on all three alike and cancels out of the
 * ratios. The program alone is (3 runs − 1 run) / 2 over one batch inside the VM, so the
 * VM-side decoding of inputs cancels out too.
 */
async function sideBySide(sandbox: Sandbox, program: CompiledProgram, columns: InputColumn[], data: BenchData, rows: number) {
  let columnarMs = 0;
  let jsonMs = 0;
  let aloneMs = 0;
  for (let start = 0; start < rows; start += BATCH) {
    const end = Math.min(rows, start + BATCH);
    const t0 = performance.now();
    const result = await sandbox.runBatch({ program, context: CONTEXT, batch: encodeBatch({ inputs: program.inputs, columns, start, end }) });
    if (!result.ok) throw new Error(`Bench batch failed: ${JSON.stringify(result.error)}`);
    decodeOutputs({ outputs: result.outputs });
    const t1 = performance.now();
    await naiveJsonBatch(sandbox, program, data, start, end);
    const t2 = performance.now();
    const batch = encodeBatch({ inputs: program.inputs, columns, start, end });
    const t3 = performance.now();
    must(await sandbox.timeProgram({ program, context: CONTEXT, batch, reps: 1 }));
    const t4 = performance.now();
    must(await sandbox.timeProgram({ program, context: CONTEXT, batch, reps: 3 }));
    columnarMs += t1 - t0;
    jsonMs += t2 - t1;
    aloneMs += (performance.now() - t4 - (t4 - t3)) / 2;
  }
  return { columnarMs, jsonMs, aloneMs };
}

function unsandboxed(program: CompiledProgram, data: BenchData, rows: number) {
  const fn = (0, eval)(program.source) as (I: unknown[], n: number, L: unknown, X: unknown) => unknown[][];
  const L = createLibrary();
  const I = program.inputs.map((spec) => data.values.get(spec.name)!);
  fn(I, Math.min(rows, 50_000), L, CONTEXT); // let V8 optimise first, as it would in a long run
  const t0 = performance.now();
  const out = fn(I, rows, L, CONTEXT);
  return { ms: performance.now() - t0, out };
}

function sameResults(a: Scalar[][], b: unknown[][], rows: number): boolean {
  return a.every((col, j) => {
    for (let i = 0; i < rows; i++) if (!Object.is(col[i], b[j][i])) return false;
    return true;
  });
}

async function benchTemplate(name: string, formulas: readonly string[], data: BenchData) {
  const program = compileTemplate(formulas);
  const columns = inputColumns(program, data);
  console.log(`\n${name}: ${formulas.length} formulas over ${program.inputs.length} input columns, ${ROWS.toLocaleString('en-US')} rows, batches of ${BATCH.toLocaleString('en-US')}`);

  const sandbox = await createSandbox({ limits: { timeoutMs: 120_000 } });
  await columnar(sandbox, program, columns, BATCH); // boot the VM, compile the program
  const a = await columnar(sandbox, program, columns, ROWS);
  const aRate = rate(ROWS, a.ms);
  const side = await sideBySide(sandbox, program, columns, data, SAMPLE);
  const e = unsandboxed(program, data, ROWS);

  // Generous per-batch deadline: a loaded machine must slow the bench down, not fail it.
  const pool = createSandboxPool({ limits: { timeoutMs: 120_000 } });
  await pool.runProgram({ program, context: CONTEXT, columns, rows: Math.min(ROWS, BATCH * pool.size * 2) }); // boot the workers
  const t0 = performance.now();
  const d = await pool.runProgram({ program, context: CONTEXT, columns, rows: ROWS });
  const dRate = rate(ROWS, performance.now() - t0);
  await pool.close();

  const ms = (x: number) => `${Math.round(x)} ms`;
  const us = (x: number) => `${((x * 1000) / SAMPLE).toFixed(2)} µs`;
  console.log(`  (a) columnar batches, QuickJS, 1 thread   ${fmt(aRate)} rows/s   host encode ${ms(a.phase.encode)}, VM call ${ms(a.phase.vm)}, host decode ${ms(a.phase.decode)}`);
  console.log(`  (b) JSON batches, QuickJS, 1 thread       ${fmt(rate(SAMPLE, side.jsonMs))} rows/s   (a) is ${(side.jsonMs / side.columnarMs).toFixed(1)}× (b)   [target ≥ 10×]`);
  console.log(`  (c) program alone inside the VM          ${fmt(rate(SAMPLE, side.aloneMs))} rows/s   marshalling is ${((1 - side.aloneMs / side.columnarMs) * 100).toFixed(1)}% of (a)   [target ≤ 15%]`);
  console.log(`      per row, beside the program's ${us(side.aloneMs)}: columnar marshalling ${us(side.columnarMs - side.aloneMs)}, JSON ${us(side.jsonMs - side.aloneMs)}`);
  console.log(`  (d) worker pool, ${pool.size} threads              ${fmt(dRate)} rows/s   ${(dRate / aRate).toFixed(2)}× (a)   [target ≥ 1.7× on 2 cores]`);
  console.log(`  (e) unsandboxed V8                       ${fmt(rate(ROWS, e.ms))} rows/s`);
  const agree = sameResults(a.out, e.out, ROWS) && sameResults(d.columns, e.out, ROWS);
  const failed = d.failures.length ? ` (${d.failures.length} pool batches failed: ${d.failures[0].error.message})` : '';
  console.log(`  results of (a), (d) and (e) ${agree ? 'are identical' : 'DIFFER'}${failed}`);
}

/** BENCH_PROFILE=1: each formula alone in QuickJS, to show the function library where its time goes. */
async function profileFormulas(data: BenchData) {
  console.log('\nper formula, program alone in QuickJS (BENCH_PROFILE):');
  const sandbox = await createSandbox({ limits: { timeoutMs: 120_000 } });
  for (const formula of [...new Set([...NUMERIC_TEMPLATE, ...MIXED_TEMPLATE])]) {
    const program = compileTemplate([formula]);
    const { aloneMs } = await sideBySide(sandbox, program, inputColumns(program, data), data, 2 * BATCH);
    console.log(`  ${formula.padEnd(58)} ${((aloneMs * 1e6) / (2 * BATCH)).toFixed(0).padStart(7)} ns/row`);
  }
}

console.log(`bench:sandbox on Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; (b) and (c) measured on ${SAMPLE.toLocaleString('en-US')} rows`);
const data = generateData(ROWS);
await benchTemplate('numeric template', NUMERIC_TEMPLATE, data);
await benchTemplate('mixed template', MIXED_TEMPLATE, data);
await benchTemplate('extra, inline arithmetic only (the format\'s ceiling)', INLINE_TEMPLATE, data);
if (process.env.BENCH_PROFILE) await profileFormulas(data);
