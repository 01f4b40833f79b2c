/**
 * The escape suite: what hostile code tries, through compiled formulas, through hand-written
 * program bodies (a compiler bug, or a compromised one) and through script steps. Every
 * attempt must fail cleanly, as data, and the host must survive and serve the next run.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compileProgram } from '../formula/compile/compile-program';
import { ERR, FormulaError, type Scalar } from '../formula/library/values';
import type { ColumnSpec, CompiledProgram } from '../formula/program';
import { encodeBatch } from './columnar-encode';
import { columnsFromRows } from './input-columns';
import { runProgram } from './run-program';
import { createSandbox, type Sandbox } from './sandbox';
import { runScript, runScriptBatch, scriptColumns } from './script';

const context = Object.freeze({ today: 45_600, now: 45_600.5, tables: Object.freeze({}) });
const LIMITS = { timeoutMs: 1_000, memoryBytes: 32 * 2 ** 20 };
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await createSandbox({ limits: LIMITS });
});

/** The host serves the next run, a formula and a script, with the right answers. */
afterEach(async () => {
  const r = compileProgram({ formulas: [{ name: 'x', text: 'UPPER([s]) & ROUND([n], 1)' }], columns: [{ name: 's', type: 'text' }, { name: 'n', type: 'number' }] });
  if (!r.ok) throw new Error('fixture');
  const columns = columnsFromRows({ inputs: r.program.inputs, rows: [{ s: 'ok', n: 2.25 }] });
  expect((await runProgram({ sandbox, program: r.program, context, columns, rows: 1 })).columns).toEqual([['OK2.3']]);
  expect(await runScript({ sandbox, source: 'return row.a + 1', row: { a: 1 }, context })).toEqual({ ok: true, value: 2 });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** A hand-written program whose single output is what `body` returns (or throws). */
function bodyProgram(body: string): CompiledProgram {
  return {
    source: `(function (I, n, L, X) { var v = (function () { ${body} }).call(this); var o = new Array(n); for (var i = 0; i < n; i++) o[i] = v; return [o]; })`,
    inputs: [],
    outputs: [{ name: 'v', type: 'any' }],
  };
}

async function viaProgram(body: string, timeoutMs?: number): Promise<{ value?: Scalar; kind?: string; message?: string }> {
  const r = await sandbox.runBatch({ program: bodyProgram(body), context, batch: encodeBatch({ inputs: [], columns: [], end: 1 }), timeoutMs });
  if (!r.ok) return { kind: r.error.kind, message: r.error.message };
  const { decodeOutputs } = await import('./columnar-decode');
  return { value: decodeOutputs({ outputs: r.outputs })[0][0] };
}

async function viaScript(body: string, timeoutMs?: number): Promise<{ value?: unknown; kind?: string; message?: string }> {
  const r = await runScript({ sandbox, source: body, row: {}, context, timeoutMs });
  return r.ok ? { value: r.value } : { kind: r.error.kind, message: r.error.message };
}

const HOST_REACH: [string, string][] = [
  ['this.constructor.constructor', "return this.constructor.constructor('return process')()"],
  ['a function constructor', "return (function () {}).constructor('return process')()"],
  ['an object constructor chain', "return ({}).constructor.constructor('return process')()"],
  ['a template literal (CVE-2025-68613 style)', "return `${(() => {}).constructor('return process')()}`"],
  ['a tagged template', 'return [].constructor.constructor`return process```'],
  ['the async function constructor', "return (async () => {}).constructor('return process')()"],
  ['the generator function constructor', "return (function* () {}).constructor('return process')().next().value"],
  ['the Function global', "return Function('return process')()"],
  ['Reflect.construct', "return Reflect.construct(Function, ['return process'])()"],
  ['eval', "return eval('process')"],
  ['eval found by name', "return globalThis['ev' + 'al']('process')"],
  ['require', "return require('node:fs')"],
  ['process', 'return process.env.HOME'],
  ['arguments.callee.caller', 'return arguments.callee.caller'],
  ['import()', "return import('node:fs')"],
];

describe('escapes through program bodies and script steps', () => {
  it.each(HOST_REACH)('%s reaches nothing of the host', async (_name, code) => {
    for (const r of [await viaProgram(code), await viaScript(code)]) {
      // Either it fails as an exception, or what it returns is not a value (#VALUE! for a Promise).
      if (r.kind) expect(r.kind).toBe('exception');
      else expect(r.value).toBe(ERR.VALUE);
    }
  });

  it('leaves only ECMAScript intrinsics on globalThis, frozen', async () => {
    const r = await viaScript('return [Object.getOwnPropertyNames(globalThis), Object.isFrozen(globalThis), Object.isFrozen(Object.prototype), Object.isFrozen(Function.prototype), Object.isFrozen(Array.prototype)]');
    const [names, ...frozen] = r.value as [string[], ...boolean[]];
    const INTRINSICS = 'Object Function Array Number parseFloat parseInt Infinity NaN undefined Boolean String Symbol Date Promise RegExp Error AggregateError EvalError RangeError ReferenceError SyntaxError TypeError URIError InternalError globalThis JSON Math Reflect Proxy Map Set WeakMap WeakSet ArrayBuffer DataView Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Int32Array Uint32Array Float16Array Float32Array Float64Array BigInt64Array BigUint64Array BigInt Iterator decodeURI decodeURIComponent encodeURI encodeURIComponent escape unescape isFinite isNaN'.split(' ');
    expect(names.filter((n) => !INTRINSICS.includes(n))).toEqual([]);
    expect(frozen).toEqual([true, true, true, true]);
  });

  it('keeps promise callbacks from ever running: the VM is replaced instead', async () => {
    const before = sandbox.stats().recycles;
    expect(await viaScript("Promise.resolve().then(() => { for (;;) {} }); import('x').then(() => 0, () => 0); return 1")).toEqual({ value: 1 });
    expect(sandbox.stats().recycles).toBe(before + 1);
  });
});

describe('pollution does not outlive its batch or run', () => {
  const POLLUTE = [
    'Object.prototype.polluted = 1',
    "Object.defineProperty(Object.prototype, 'polluted', { value: 1 })",
    'Object.setPrototypeOf(Object.prototype, { polluted: 1 })',
    'String.prototype.toUpperCase = function () { return "pwned" }',
    'Math.round = function () { return 42 }',
    'JSON.parse = function () { return {} }',
    'Array.prototype.push = function () { return 0 }',
    'globalThis.polluted = 1',
    'L.fn = function () { return function () { return "pwned" } }',
    'L.errors[0] = "pwned"',
    'X.today = 0',
  ];

  it.each(POLLUTE)('%s fails at once in a script, then a formula and a script see nothing', async (code) => {
    const r = await runScript({ sandbox, source: `var L = ctx.L, X = ctx; ${code}; return "done"`, row: {}, context });
    expect(r).toEqual({ ok: false, error: { kind: 'exception', message: expect.stringMatching(/^TypeError/) } });
    expect(await viaScript('return [({}).polluted, "a".toUpperCase(), Math.round(1.6), JSON.parse("[1]").length, ctx.today]')).toEqual({ value: [null, 'A', 2, 1, context.today] });
  });

  it.each(POLLUTE)('%s in batch 1 of a program is not visible to batch 2, nor to a script', async (code) => {
    const program: CompiledProgram = {
      source: `(function (I, n, L, X) {
        if (I[0][0] === 1) { ${code}; }
        var o = new Array(n);
        for (var i = 0; i < n; i++) o[i] = [({}).polluted, "a".toUpperCase(), Math.round(1.6), L.fn("UPPER")(["x"], X), X.today, typeof globalThis.polluted].join("|");
        return [o];
      })`,
      inputs: [{ name: 'batch', type: 'number' }],
      outputs: [{ name: 'seen', type: 'text' }],
    };
    const columns = columnsFromRows({ inputs: program.inputs, rows: [{ batch: 1 }, { batch: 2 }] });
    const r = await runProgram({ sandbox, program, context, columns, rows: 2, batchSize: 1 });
    expect(r.failures).toEqual([{ start: 0, end: 1, error: { kind: 'exception', message: expect.stringMatching(/^TypeError/) } }]);
    expect(r.columns[0][1]).toBe(`|A|2|X|${context.today}|undefined`);
    expect(await viaScript('return ({}).polluted')).toEqual({ value: null });
  });

  it('cannot leave a binding behind for the next script, even by breaking out of the wrapper', async () => {
    // The body closes the wrapper early; whatever it makes of that, its declarations stay inside
    // the strict indirect eval that compiled it.
    await viaScript('}); let leaked = "secret"; var leakedToo = 1; (function () {');
    expect(await viaScript('return [typeof leaked, typeof leakedToo]')).toEqual({ value: ['undefined', 'undefined'] });
  });
});

describe('resource exhaustion', () => {
  // Loops get a short deadline; the others a long one, so that the limit under test trips first.
  const CASES: [string, string, string][] = [
    ['an infinite loop', 'for (;;) {}', 'timeout'],
    ['a catastrophic regular expression', "return /(a+)+$/.test('a'.repeat(40) + 'b')", 'timeout'],
    ['a string memory bomb', 'var a = [], s = "x"; for (;;) { s += s; a.push(s + "!"); }', 'memory'],
    ['one huge string', "return 'x'.repeat(2 ** 29).length", 'memory'],
    ['many small objects', 'var a = []; for (;;) a.push({ a: a.length, b: [a.length] });', 'memory'],
    ['a huge array buffer', 'return new ArrayBuffer(2 ** 30).byteLength', 'memory'],
    ['unbounded recursion', 'function f(n) { return f(n + 1) + 1; } return f(0)', 'stack'],
    // C recursion inside QuickJS: the host's native stack runs out first (quickjs-host.ts).
    ['deeply nested JSON', "return JSON.parse('['.repeat(1e6)).length", 'stack'],
    ['a deeply nested value turned to text', 'var a = []; for (var i = 0; i < 1e5; i++) a = [a]; return String(a).length', 'stack'],
  ];

  it.each(CASES)('%s is stopped in a program and in a script', async (_name, code, kind) => {
    const timeoutMs = kind === 'timeout' ? 300 : 30_000;
    for (const r of [await viaProgram(code, timeoutMs), await viaScript(code, timeoutMs)]) expect(r.kind).toBe(kind);
  });

  it('QuickJS calls the interrupt handler inside the regex engine, so a backtracking pattern times out', async () => {
    const started = performance.now();
    expect((await viaScript("return /(a+)+$/.test('a'.repeat(40) + 'b')", 200)).kind).toBe('timeout');
    // Bounded by the deadline, not by 2^40 steps (this is a liveness check, not a timing assertion).
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});

describe('escapes through compiled formulas', () => {
  const columns: ColumnSpec[] = [
    { name: '__proto__', type: 'text' },
    { name: 'constructor', type: 'text' },
    { name: 'toString', type: 'number' },
    { name: 'x"); process.exit(1); //', type: 'text' },
  ];
  const row = JSON.parse('{"__proto__": "P", "constructor": "C", "toString": 7, "x\\"); process.exit(1); //": "Q"}') as Record<string, unknown>;

  async function formula(text: string, timeoutMs = 300): Promise<Scalar | string> {
    const r = compileProgram({ formulas: [{ name: 'out', text }], columns });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const result = await runProgram({ sandbox, program: r.program, context, columns: columnsFromRows({ inputs: r.program.inputs, rows: [row] }), rows: 1, timeoutMs });
    return result.failures.length ? result.failures[0].error.kind : result.columns[0][0];
  }

  it('treats __proto__, constructor and injection-shaped names as plain column names', async () => {
    expect(await formula('[__proto__] & [constructor] & [toString] & [x"); process.exit(1); //]')).toBe('PC7Q');
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });

  it('keeps injection-shaped text literals as text', async () => {
    expect(await formula('="\'); process.exit(1); (\'" & "`${process}`"')).toBe("'); process.exit(1); ('`${process}`");
  });

  it('stops a catastrophic pattern in REGEXMATCH', async () => {
    const r = await formula('REGEXMATCH(REPT("a", 40) & "b", "(a+)+$")');
    expect(r === 'timeout' || r instanceof FormulaError).toBe(true);
  });

  it('caps text growth in REPT instead of exhausting memory', async () => {
    expect(await formula('LEN(REPT(REPT("x", 30000), 30000))')).toBe(ERR.VALUE);
  });

  it('gives a script row with __proto__ and constructor keys back as plain keys', async () => {
    const r = await runScriptBatch({ sandbox, source: 'return { ...row, constructor: row.constructor + "!" }', rows: [row], context });
    if (!r.ok) throw new Error(r.error.message);
    const { names, columns: cols } = scriptColumns({ rows: r.rows });
    expect(names).toEqual(['__proto__', 'constructor', 'toString', 'x"); process.exit(1); //']);
    expect(cols.map((c) => c[0])).toEqual(['P', 'C!', 7, 'Q']);
  });
});
