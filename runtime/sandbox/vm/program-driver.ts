/**
 * Runs a compiled program (runtime/formula/program.ts) over batches. Runs INSIDE QuickJS.
 *
 * A program is compiled once per VM context and bound to its run context X, which stays the
 * same object for every batch (the library's lookup caches key on the identity of X's table
 * arrays). Errors are not caught here: a program does not throw by design, so anything that
 * escapes is a limit (interrupt, memory, stack) or a bug, and the host classifies it.
 */
import { decodeInputs, encodeOutputs, fastKindOf, type Column } from './batch-columns';
import { FormulaError } from '../../formula/library/values';
import { deepFreeze } from './harden';

type Program = (I: Column[], n: number, L: unknown, X: unknown) => unknown;

export type Evaluate = (code: string) => unknown;

export interface PreparedProgram {
  /** One batch in wire format; returns [buffer, text, textMode]. */
  run(buf: ArrayBuffer, text: string): [ArrayBuffer, string, number];
  /** Benchmark hook: the program alone, `reps` times over one decoded batch. */
  time(buf: ArrayBuffer, text: string, reps: number): number;
  /** Benchmark hook: the naive design this format replaced (row records as JSON in and out). */
  runJson(json: string): string;
}

/**
 * Compiles `source` with a strict indirect eval: a global-scope compile whose `var`/`let`
 * stay local to that eval, so nothing a program or script declares outlives it.
 */
export function compileFunction<T>(evaluate: Evaluate, source: string, what: string): T {
  const fn = evaluate(`"use strict";\n${source}`);
  if (typeof fn !== 'function') throw new TypeError(`The ${what} did not compile to a function.`);
  return fn as T;
}

/**
 * The naive marshalling design, kept only as the benchmark's baseline (bench:sandbox (b)):
 * the batch crosses as one JSON string of row records keyed by column name, outputs come back
 * as one JSON string of records keyed by output name, errors as {"#": code}.
 */
function runJsonBatch(json: string, run: (I: Column[], n: number) => unknown): string {
  const { inputs, outputs, rows } = JSON.parse(json) as { inputs: string[]; outputs: string[]; rows: Record<string, unknown>[] };
  const n = rows.length;
  const I: Column[] = [];
  for (let c = 0; c < inputs.length; c++) {
    const col: unknown[] = [];
    for (let i = 0; i < n; i++) col[i] = rows[i][inputs[c]];
    I[c] = col as Column;
  }
  const out = run(I, n) as unknown[][];
  const result: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (let j = 0; j < outputs.length; j++) {
      const v = out[j][i];
      row[outputs[j]] = v instanceof FormulaError ? { '#': v.code } : v;
    }
    result[i] = row;
  }
  return JSON.stringify(result);
}

export function prepareProgram(
  evaluate: Evaluate,
  L: unknown,
  source: string,
  contextJson: string,
  outputTypesJson: string,
): PreparedProgram {
  const program = compileFunction<Program>(evaluate, source, 'program');
  const X = deepFreeze(JSON.parse(contextJson) as object);
  const fast = (JSON.parse(outputTypesJson) as string[]).map(fastKindOf);
  return Object.freeze({
    run(buf: ArrayBuffer, text: string): [ArrayBuffer, string, number] {
      const { I, n, typed } = decodeInputs(buf, text);
      return encodeOutputs(program(I, n, L, X), n, fast, typed);
    },
    time(buf: ArrayBuffer, text: string, reps: number): number {
      const { I, n } = decodeInputs(buf, text);
      for (let r = 0; r < reps; r++) program(I, n, L, X);
      return reps;
    },
    runJson(rowsJson: string): string {
      return runJsonBatch(rowsJson, (I, n) => program(I, n, L, X));
    },
  });
}
