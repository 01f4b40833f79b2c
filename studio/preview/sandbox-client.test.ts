import { beforeAll, describe, expect, it } from 'vitest';
import { compileProgram } from '../../runtime/formula/compile/compile-program';
import type { CompiledProgram, RunContext } from '../../runtime/formula/program';
import { createSandbox, type Sandbox } from '../../runtime/sandbox/sandbox';
import { toInputColumn } from '../../runtime/table/sandbox-columns';
import type { NumericColumn } from '../../runtime/table/table';
import { runContextFor } from '../../runtime/template/run-context';
import { createSandboxClient, PreviewCancelled } from './sandbox-client';
import { connectInProcess, type ConnectPort, type SandboxPort } from './sandbox-port';
import { tradeSample } from './testing/trade-sample';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
  // Boot the VM now: the deadlines below are short, and a first boot is not what they test.
  await sandbox.runScriptJson({ source: 'return 1', context: context(), rowsJson: '[{}]' });
});

const table = tradeSample(1_000);
const compile = (text: string): CompiledProgram => {
  const r = compileProgram({ formulas: [{ name: 'x', text }], columns: table.columns.map((c) => ({ name: c.name, type: c.type })) });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.program;
};
const columnsFor = (p: CompiledProgram) => p.inputs.map((s) => toInputColumn(table.columns.find((c) => c.name === s.name)!));
const context = (day = 15): RunContext => runContextFor({ businessDate: `2026-01-${String(day).padStart(2, '0')}` });

/**
 * The first port behaves like a Web Worker whose script never loaded: it takes messages and
 * never answers. Later ports are the real sandbox.
 */
function firstPortHangs(): { connect: ConnectPort; opened: () => number } {
  let opened = 0;
  const real = connectInProcess({ sandbox });
  const hung: SandboxPort = { post() {}, listen() {}, terminate() {} };
  return { connect: () => (opened++ === 0 ? hung : real()), opened: () => opened };
}

describe('sandbox client', () => {
  it('terminates and replaces a port that does not answer by its deadline, and goes on', async () => {
    const ports = firstPortHangs();
    const client = createSandboxClient({ connect: ports.connect, timeoutMs: 100, graceMs: 50, bootGraceMs: 100 });
    const program = compile('[Qty]*2');
    const started = performance.now();
    const stuck = await client.runProgram({ program, context: context(), columns: columnsFor(program), rows: 10 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(stuck.failures).toEqual([{ start: 0, end: 10, error: { kind: 'timeout', message: 'The preview sandbox did not answer within 250 ms and was restarted.' } }]);
    // The replacement opens when there is work for it, not straight away.
    expect([client.stats().restarts, ports.opened()]).toEqual([1, 1]);
    const next = await client.runProgram({ program, context: context(), columns: columnsFor(program), rows: 10 });
    expect(next.failures).toEqual([]);
    expect(ports.opened()).toBe(2);
    const qty = table.columns.find((c) => c.name === 'Qty') as NumericColumn;
    expect(next.columns[0]).toEqual(Array.from(qty.values.subarray(0, 10), (v) => v * 2));
    client.dispose();
  });

  it('restarts a port that reports its own failure', async () => {
    let opened = 0;
    const real = connectInProcess({ sandbox });
    const connect: ConnectPort = () => {
      if (opened++ > 0) return real();
      let fail: (m: string) => void = () => {};
      return { post: () => setTimeout(() => fail('worker script failed to load'), 5), listen: (h) => void (fail = h.fail), terminate() {} };
    };
    const client = createSandboxClient({ connect });
    const program = compile('[Qty]+1');
    const r = await client.runProgram({ program, context: context(), columns: columnsFor(program), rows: 5 });
    expect(r.failures[0].error).toEqual({ kind: 'exception', message: 'The preview sandbox stopped: worker script failed to load' });
    expect((await client.runProgram({ program, context: context(), columns: columnsFor(program), rows: 5 })).failures).toEqual([]);
    client.dispose();
  });

  it('does not restart a worker that cannot start in a loop: one attempt per piece of work', async () => {
    let opened = 0;
    const connect: ConnectPort = () => {
      opened++;
      // A Web Worker whose script is refused fails on its own, without a request.
      let fail: (m: string) => void = () => {};
      setTimeout(() => fail('worker script refused'), 1);
      return { post() {}, listen: (h) => void (fail = h.fail), terminate() {} };
    };
    const client = createSandboxClient({ connect, timeoutMs: 100, graceMs: 50, bootGraceMs: 100 });
    await new Promise((r) => setTimeout(r, 100));
    expect(opened).toBe(1);
    const program = compile('[Qty]+1');
    const r = await client.runProgram({ program, context: context(), columns: columnsFor(program), rows: 5 });
    expect(r.failures).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(opened).toBe(2);
    client.dispose();
  });

  it('sends a run context once per worker, and again when the worker has dropped it', async () => {
    const client = createSandboxClient({ connect: connectInProcess({ sandbox }) });
    const program = compile('TODAY()');
    const contexts = Array.from({ length: 10 }, (_, i) => context(i + 1));
    // The worker keeps 8 contexts: the first has been dropped by the time it comes round again.
    for (const ctx of [...contexts, contexts[0]]) {
      const r = await client.runProgram({ program, context: ctx, columns: [], rows: 2 });
      expect(r.failures).toEqual([]);
      expect(r.columns[0]).toEqual([ctx.today, ctx.today]);
    }
    expect(client.stats().requests).toBe(12); // 11 runs, one resent with its context
    client.dispose();
  });

  it('drops the batches of a cancelled run before they are sent', async () => {
    const client = createSandboxClient({ connect: connectInProcess({ sandbox }), batchSize: 50 });
    const program = compile('UPPER([Counterparty]) & [Qty]');
    const controller = new AbortController();
    const run = client.runProgram({ program, context: context(), columns: columnsFor(program), rows: 1_000, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(PreviewCancelled);
    const sent = client.stats().requests;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(20);
    client.dispose();
  });
});
