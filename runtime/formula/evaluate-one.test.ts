import { describe, expect, it } from 'vitest';
import { evaluateOne, inferColumns, type ProgramRunner } from './evaluate-one';
import { CONTEXT, L, load } from './testing/run-compiled';

describe('evaluateOne', () => {
  it('infers column types from the row and reports the static type', async () => {
    expect(inferColumns({ a: 1, b: 'x', c: true, d: null })).toEqual([
      { name: 'a', type: 'number' },
      { name: 'b', type: 'text' },
      { name: 'c', type: 'boolean' },
      { name: 'd', type: 'text' },
    ]);
    const r = await evaluateOne({ text: 'ROUND([Price]*[Qty],2)', row: { Price: 2.675, Qty: 1 }, context: CONTEXT });
    expect(r).toMatchObject({ ok: true, value: 2.68, type: 'number', display: { type: 'number', value: 2.68 } });
  });

  it('shows dates and datetimes by static type', async () => {
    expect(await evaluateOne({ text: 'TODAY()+1', row: {}, context: CONTEXT })).toMatchObject({ display: { type: 'date', value: '2024-03-16' } });
    expect(await evaluateOne({ text: 'NOW()', row: {}, context: CONTEXT })).toMatchObject({ display: { type: 'datetime', value: '2024-03-15T14:30:00' } });
    expect(await evaluateOne({ text: '[d]+1', row: { d: 45366 }, columns: [{ name: 'd', type: 'date' }], context: CONTEXT })).toMatchObject({
      display: { type: 'date', value: '2024-03-16' },
    });
  });

  it('returns errors, blanks and warnings as data', async () => {
    expect(await evaluateOne({ text: '1/0', row: {}, context: CONTEXT })).toMatchObject({ ok: true, display: { type: 'error', value: '#DIV/0!' } });
    expect(await evaluateOne({ text: '[x]', row: { x: null }, context: CONTEXT })).toMatchObject({ ok: true, display: { type: 'blank', value: null } });
    const warned = await evaluateOne({ text: '1+"x"', row: {}, context: CONTEXT });
    expect(warned).toMatchObject({ ok: true, warnings: [{ code: 'always-error' }] });
  });

  it('returns compile errors with positions instead of a value', async () => {
    const r = await evaluateOne({ text: '[Prce]*2', row: { Price: 1 }, context: CONTEXT });
    expect(r).toMatchObject({ ok: false, diagnostics: [{ code: 'unknown-column', start: 0, end: 6, message: 'Unknown column `Prce`: did you mean `Price`?' }] });
  });

  it('runs the compiled program through a runner when one is given (the sandbox plugs in here)', async () => {
    const seen: unknown[] = [];
    const run: ProgramRunner = async ({ program, columns, rows, context }) => {
      seen.push({ inputs: program.inputs.map((c) => c.name), columns, rows });
      return load(program)(columns, rows, L, context);
    };
    const r = await evaluateOne({ text: 'IF([Side]="b", [Qty], -[Qty])', row: { Side: 'S', Qty: 5, Unused: 1 }, context: CONTEXT, run });
    expect(r).toMatchObject({ ok: true, value: -5 });
    expect(seen).toEqual([{ inputs: ['Side', 'Qty'], columns: [['S'], [5]], rows: 1 }]);
  });
});
