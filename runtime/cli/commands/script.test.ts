import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main';
import { runCli } from '../testing';

const dir = mkdtempSync(path.join(tmpdir(), 'opspilot-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function step(name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, body);
  return file;
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli({ argv, cwd: dir });
}

const json = async (...argv: string[]) => {
  const r = await cli('script', ...argv, '--json');
  expect(r.out.trim().split('\n')).toHaveLength(1);
  return { code: r.code, body: JSON.parse(r.out) };
};

describe('opspilot script', () => {
  const notional = step('notional.js', 'return { notional: row.Price * row.Qty, na: ctx.L.NA }');

  it('prints the value as one JSON line, exit 0', async () => {
    expect(await json('--file', notional, '--row', '{"Price": 2.5, "Qty": 4}')).toEqual({ code: 0, body: { ok: true, value: { notional: 10, na: '#N/A' } } });
    expect(await json('--file', 'notional.js')).toEqual({ code: 0, body: { ok: true, value: { notional: '#NUM!', na: '#N/A' } } });
  });

  it('prints the bare value without --json', async () => {
    expect(await cli('script', '--file', notional, '--row', '{"Price": 1, "Qty": 2}')).toEqual({ code: 0, out: '{"notional":2,"na":"#N/A"}\n', err: '' });
  });

  it('reports a failure by kind, exit 1', async () => {
    expect(await json('--file', step('throw.js', 'throw new TypeError("no")'))).toEqual({ code: 1, body: { ok: false, error: { kind: 'exception', message: 'TypeError: no' } } });
    const loop = await json('--file', step('loop.js', 'for (;;) {}'), '--timeout-ms', '100');
    expect(loop).toEqual({ code: 1, body: { ok: false, error: { kind: 'timeout', message: expect.stringContaining('100 ms') } } });
    const bomb = await json('--file', step('bomb.js', 'let s = "x"; const a = []; for (;;) { s += s; a.push(s + "!"); }'), '--memory-mb', '8');
    expect(bomb).toEqual({ code: 1, body: { ok: false, error: { kind: 'memory', message: expect.stringContaining('8 MiB') } } });
    const deep = await json('--file', step('deep.js', 'const f = () => f() + 1; return f()'));
    expect(deep.body.error.kind).toBe('stack');
    expect(await cli('script', '--file', 'throw.js')).toEqual({ code: 1, out: '', err: 'exception: TypeError: no\n' });
  });

  it('exits 2 with a clear message when the file cannot be read or the options are wrong', async () => {
    const missing = await cli('script', '--file', 'nope.js', '--json');
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`Cannot read the script step ${path.join(dir, 'nope.js')}: ENOENT. Check the --file path.\n`);
    expect((await cli('script')).err).toMatch(/^Give the script step with --file <path>/);
    expect((await cli('script', '--file', notional, '--row', '[1]')).err).toMatch(/^--row must be a JSON object/);
    expect((await cli('script', '--file', notional, '--timeout-ms', '0')).err).toMatch(/^--timeout-ms must be a whole number above 0/);
    expect((await cli('script', '--file', notional, '--memory', '5')).code).toBe(2);
  });

  it('has --help', async () => {
    const r = await cli('script', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: opspilot script --file <step.js>/);
  });
});
