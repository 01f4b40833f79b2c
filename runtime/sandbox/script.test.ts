import { beforeAll, describe, expect, it } from 'vitest';
import { ERR } from '../formula/library/values';
import { createSandbox, type Sandbox } from './sandbox';
import { runContextAt, runScript, runScriptBatch, scriptColumns } from './script';

const context = Object.freeze({ today: 45_600, now: 45_600.5, tables: Object.freeze({ Fx: Object.freeze({ Ccy: ['EUR'], Rate: [1.1] }) }) });
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox({ limits: { timeoutMs: 1_000 } });
});

const one = (source: string, row: Record<string, unknown> = {}) => runScript({ sandbox, source, row, context });

describe('script steps', () => {
  it('return text, numbers, booleans, blanks, formula errors and plain objects of them', async () => {
    expect(await one('return row.Price * row.Qty', { Price: 2.5, Qty: 4 })).toEqual({ ok: true, value: 10 });
    expect(await one('return { side: row.Side.toUpperCase(), big: row.Qty > 3, none: null, missing: undefined }', { Side: 'buy', Qty: 4 })).toEqual({
      ok: true,
      value: { side: 'BUY', big: true, none: null, missing: null },
    });
    expect(await one('return [1, "a", [true]]')).toEqual({ ok: true, value: [1, 'a', [true]] });
    expect(await one('return 1 / 0')).toEqual({ ok: true, value: ERR.NUM });
  });

  it('see the run context and the formula library in ctx, and formula errors in rows', async () => {
    expect(await one('return [ctx.today, ctx.now, ctx.tables.Fx.Rate[0]]')).toEqual({ ok: true, value: [45_600, 45_600.5, 1.1] });
    expect(await one('return ctx.L.fn("ROUND")([2.675, 2], ctx)')).toEqual({ ok: true, value: 2.68 });
    expect(await one('return ctx.L.fn("ISERROR")([row.x], ctx) ? ctx.L.NA : "fine"', { x: ERR.DIV0 })).toEqual({ ok: true, value: ERR.NA });
  });

  it('fail the row that throws, and only that row', async () => {
    const r = await runScriptBatch({ sandbox, source: 'if (row.n === 2) throw new Error("bad row " + row.n); return row.n', rows: [{ n: 1 }, { n: 2 }, { n: 3 }], context });
    expect(r).toEqual({
      ok: true,
      rows: [{ ok: true, value: 1 }, { ok: false, error: { kind: 'exception', message: 'Error: bad row 2' } }, { ok: true, value: 3 }],
    });
    expect(await one('throw "plain text"')).toEqual({ ok: false, error: { kind: 'exception', message: 'Uncaught: plain text' } });
  });

  it('fail the whole batch on a limit', async () => {
    const r = await runScriptBatch({ sandbox, source: 'if (row.n === 2) for (;;) {} return row.n', rows: [{ n: 1 }, { n: 2 }], context, timeoutMs: 100 });
    expect(r).toEqual({ ok: false, error: { kind: 'timeout', message: expect.stringContaining('100 ms') } });
  });

  it('refuse values that are not plain data, saying what was returned', async () => {
    const message = async (source: string) => {
      const r = await one(source);
      return r.ok ? 'ok' : r.error.message;
    };
    expect(await message('return new Date(0)')).toMatch(/returned a Date/);
    expect(await message('return (async () => 1)()')).toMatch(/returned a Promise\. Script steps are synchronous/);
    expect(await message('return () => 1')).toBe('TypeError: A script step cannot return a function.');
    expect(await message('const a = {}; a.self = a; return a')).toMatch(/nested more than 16 levels/);
    expect(await message('return 1n')).toBe('TypeError: A script step cannot return a bigint.');
  });

  it('compile once per VM and context', async () => {
    const fresh = await createSandbox();
    for (let i = 0; i < 3; i++) await runScript({ sandbox: fresh, source: 'return 1', row: {}, context });
    expect(fresh.stats().compiles).toBe(1);
  });
});

describe('scriptColumns', () => {
  it('turns object keys into columns in first-seen order, other values into `value`', () => {
    const columns = scriptColumns({
      rows: [
        { ok: true, value: { a: 1, b: 'x' } },
        { ok: false, error: { kind: 'exception', message: 'boom' } },
        { ok: true, value: { b: 'y', c: [1] } },
        { ok: true, value: 7 },
      ],
    });
    expect(columns).toEqual({
      names: ['a', 'b', 'c', 'value'],
      columns: [[1, null, null, null], ['x', null, 'y', null], [null, null, ERR.VALUE, null], [null, null, null, 7]],
      failures: [{ row: 1, error: { kind: 'exception', message: 'boom' } }],
    });
  });
});

describe('runContextAt', () => {
  it('is the local date as an Excel serial, and the time of day as its fraction', () => {
    const c = runContextAt(new Date(2024, 0, 31, 6, 0, 0));
    expect(c.today).toBe(45_322);
    expect(c.now).toBeCloseTo(45_322.25, 9);
  });
});
