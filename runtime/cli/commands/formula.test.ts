import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { runCli } from '../testing';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli({ argv });
}

const json = async (...argv: string[]) => {
  const r = await cli(...argv, '--json');
  expect(r.out.endsWith('\n')).toBe(true);
  expect(r.out.trim().split('\n')).toHaveLength(1);
  return { code: r.code, body: JSON.parse(r.out) };
};

describe('opspilot formula', () => {
  it('prints a value as one JSON line, exit 0', async () => {
    expect(await json('formula', 'ROUND([Price]*[Qty],2)', '--row', '{"Price": 2.675, "Qty": 1}')).toEqual({ code: 0, body: { ok: true, type: 'number', value: 2.68 } });
    expect(await json('formula', '[Side]&"!"', '--row', '{"Side": "B"}')).toEqual({ code: 0, body: { ok: true, type: 'text', value: 'B!' } });
    expect(await json('formula', '0.1+0.2=0.3')).toEqual({ code: 0, body: { ok: true, type: 'boolean', value: true } });
    expect(await json('formula', '[x]', '--row', '{"x": null}')).toEqual({ code: 0, body: { ok: true, type: 'blank', value: null } });
    expect(await json('formula', '1/0')).toEqual({ code: 0, body: { ok: true, type: 'error', value: '#DIV/0!' } });
  });

  it('takes the business date from --today for TODAY() and NOW()', async () => {
    expect(await json('formula', 'TODAY()+30', '--today', '2024-01-31')).toEqual({ code: 0, body: { ok: true, type: 'date', value: '2024-03-01' } });
    expect(await json('formula', 'NOW()+0.25', '--today', '2024-01-31')).toEqual({ code: 0, body: { ok: true, type: 'datetime', value: '2024-01-31T06:00:00' } });
  });

  it('reports a compile error with its position, exit 2', async () => {
    expect(await json('formula', '[Prce]*2', '--row', '{"Price": 1}')).toEqual({
      code: 2,
      body: { ok: false, error: { message: 'Unknown column `Prce`: did you mean `Price`?', start: 0, end: 6 } },
    });
    expect(await json('formula', 'ROUND(1,2,3)')).toMatchObject({ code: 2, body: { error: { message: '`ROUND` takes 1 or 2 arguments, got 3', start: 0, end: 12 } } });
    expect(await json('formula', '1+')).toMatchObject({ code: 2, body: { ok: false, error: { start: 2, end: 2 } } });
  });

  it('prints a human-readable line without --json, and points at errors', async () => {
    expect(await cli("formula", "0.1+0.2")).toMatchObject({ code: 0, out: "0.3  (number)\n" });
    expect(await cli('formula', '"a"&1')).toEqual({ code: 0, out: '"a1"  (text)\n', err: '' });
    expect(await cli('formula', 'TODAY()', '--today', '2024-02-29')).toMatchObject({ code: 0, out: '2024-02-29  (date)\n' });
    const bad = await cli('formula', '1 + [Prce]', '--row', '{"Price": 1}');
    expect(bad).toEqual({ code: 2, out: '', err: 'Unknown column `Prce`: did you mean `Price`?\n  1 + [Prce]\n      ^^^^^^\n' });
    const warned = await cli('formula', '1+"x"');
    expect(warned.out).toBe('#VALUE!  (error)\n');
    expect(warned.err).toMatch(/^warning: "x" is not a number/);
  });

  it('takes a formula starting with - after --', async () => {
    const r = await cli('formula', '--json', '--', '-2^2');
    expect({ code: r.code, body: JSON.parse(r.out) }).toEqual({ code: 0, body: { ok: true, type: 'number', value: 4 } });
  });

  it('rejects bad usage with the help text, exit 2', async () => {
    for (const argv of [
      ['formula'],
      ['formula', '1', '2'],
      ['formula', '1', '--row', '[1]'],
      ['formula', '1', '--row', '{bad'],
      ['formula', '1', '--row', '{"a": {"b": 1}}'],
      ['formula', '1', '--today', '2024-02-30'],
      ['formula', '1', '--today', 'yesterday'],
      ['formula', '1', '--bogus'],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toContain("Usage: opspilot formula '<expr>'");
    }
  });

  it('has --help and appears in the command list', async () => {
    const help = await cli('formula', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('--today');
    expect((await cli('--help')).out).toMatch(/formula\s+Evaluate one formula over one row/);
  });
});
