import { beforeAll, describe, expect, it } from 'vitest';
import { ERR, type Scalar } from '../formula/library/values';
import type { CompiledProgram, ValueType } from '../formula/program';
import { encodeBatch } from './columnar-encode';
import { decodeOutputs } from './columnar-decode';
import { columnFromValues, type InputColumn } from './input-columns';
import { runProgram } from './run-program';
import { createSandbox, type Sandbox } from './sandbox';

/** Returns its inputs unchanged, one output per input: every cell crosses both ways. */
function identity(types: readonly ValueType[]): CompiledProgram {
  return {
    source: `(function (I, n, L, X) {
      var out = [];
      for (var c = 0; c < I.length; c++) { var col = new Array(n); for (var i = 0; i < n; i++) col[i] = I[c][i]; out.push(col); }
      return out;
    })`,
    inputs: types.map((t, i) => ({ name: `c${i}`, type: t === 'any' || t === 'blank' || t === 'error' ? 'text' : t })),
    outputs: types.map((type, i) => ({ name: `o${i}`, type })),
  };
}

const context = { today: 45_000, now: 45_000.25, tables: {} };
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});

async function roundTrip(columns: InputColumn[], types: ValueType[], rows: number, batchSize?: number) {
  const result = await runProgram({ sandbox, program: identity(types), context, columns, rows, batchSize });
  expect(result.failures).toEqual([]);
  return result.columns;
}

const TEXTS = ['', 'plain', 'héllo wörld', '😀 emoji pair', 'lone \ud800 surrogate', 'nul \u0000 inside', 'unit \u001f separator', '"quotes" \\ and \n newline', '#N/A'];

describe('columnar batches', () => {
  it('carry every value of every column shape both ways unchanged', async () => {
    const numbers: Scalar[] = [0, -0, 1.5, -1e300, 5e-324, Number.MAX_SAFE_INTEGER, null, 45_000.75, 3];
    const booleans: Scalar[] = [true, false, null, true, false, true, null, false, true];
    const mixed: Scalar[] = [1, 'one', true, null, ERR.DIV0, ERR.NA, '', 'lone \udc00', 2.5];
    const columns = [columnFromValues(numbers), columnFromValues(booleans), columnFromValues(TEXTS), columnFromValues(mixed)];
    expect(columns.map((c) => c.kind)).toEqual(['number', 'boolean', 'text', 'values']);
    const out = await roundTrip(columns, ['any', 'any', 'any', 'any'], TEXTS.length);
    expect(out).toEqual([numbers, booleans, TEXTS, mixed]);
    expect(Object.is(out[0][1], -0)).toBe(true);
    expect(out[3][4]).toBe(ERR.DIV0); // the host's interned error, not a look-alike
  });

  it('are the same whatever the batch size, including a large dictionary re-numbered per batch', async () => {
    const ids = Array.from({ length: 2_500 }, (_, i) => (i % 7 === 0 ? null : `TRD${i}`));
    const column = columnFromValues(ids);
    expect(column.kind === 'text' && column.dict.length).toBeGreaterThan(1_000);
    for (const batchSize of [1, 999, 2_500]) {
      expect((await roundTrip([column], ['text'], ids.length, batchSize))[0]).toEqual(ids);
    }
  });

  it('copy typed number and boolean outputs in bulk, and fall back per cell for blanks and errors', async () => {
    const clean = columnFromValues([1, 2, 3]);
    const blanks = columnFromValues([1, null, 3]);
    const flags = columnFromValues([true, false, true]);
    const out = await roundTrip([clean, blanks, flags], ['number', 'number', 'boolean'], 3);
    expect(out).toEqual([[1, 2, 3], [1, null, 3], [true, false, true]]);
    const errorInNumberOutput: CompiledProgram = {
      source: '(function (I, n, L) { var o = new Array(n); for (var i = 0; i < n; i++) o[i] = L.div(I[0][i], I[0][i] - 2); return [o]; })',
      inputs: [{ name: 'x', type: 'number' }],
      outputs: [{ name: 'y', type: 'number' }],
    };
    const r = await runProgram({ sandbox, program: errorInNumberOutput, context, columns: [clean], rows: 3 });
    expect(r.columns[0]).toEqual([-1, ERR.DIV0, 3]);
  });

  it('mark batches whose inputs hold their declared types, and only those', () => {
    const flags = (inputs: CompiledProgram['inputs'], columns: InputColumn[]) =>
      new Int32Array(encodeBatch({ inputs, columns, end: 1 }).buffer, 0, 3)[2];
    expect(flags([{ name: 'd', type: 'date' }], [columnFromValues([45_000])])).toBe(1);
    expect(flags([{ name: 't', type: 'text' }], [columnFromValues(['a'])])).toBe(1);
    expect(flags([{ name: 'n', type: 'number' }], [columnFromValues(['12'])])).toBe(0);
    expect(flags([{ name: 'n', type: 'number' }], [columnFromValues([1, 'x'])])).toBe(0);
  });

  it('handle an empty batch', async () => {
    expect(await roundTrip([columnFromValues([])], ['any'], 0)).toEqual([[]]);
  });

  it('refuse outputs that do not add up rather than shift cells', () => {
    const outputs = { rows: 1, columns: 1, buffer: new ArrayBuffer(16), text: 'ab', textMode: 0 };
    new Uint8Array(outputs.buffer)[0] = 1; // one text cell…
    new Float64Array(outputs.buffer, 8, 1)[0] = 1; // …of length 1, but the text has 2
    expect(() => decodeOutputs({ outputs })).toThrow(/does not match/);
  });
});
