/**
 * A compiled program over many rows in one sandbox, batch after batch: the studio preview
 * (in its Web Worker), the CLI, tests. The server spreads the same batches over its worker
 * pool (pool.ts) and returns the same result shape. Browser-safe.
 */
import type { CompiledProgram, RunContext } from '../formula/program';
import type { Scalar } from '../formula/library/values';
import { encodeBatch } from './columnar-encode';
import { decodeOutputs } from './columnar-decode';
import { columnLength, type InputColumn } from './input-columns';
import type { Sandbox } from './sandbox';
import type { SandboxError } from './sandbox-error';

/** DESIGN.md §6: batches of 1k–10k rows; larger ones only grow the VM's peak memory. */
export const DEFAULT_BATCH_SIZE = 10_000;

export interface BatchFailure {
  readonly start: number;
  readonly end: number;
  readonly error: SandboxError;
}

export interface ProgramRunResult {
  /** One column per program output, every row; rows of failed batches are blank. */
  readonly columns: Scalar[][];
  /** Failed batches, in row order. A run reports them; it does not throw (DESIGN.md §4). */
  readonly failures: readonly BatchFailure[];
}

export interface ProgramRun {
  readonly program: CompiledProgram;
  readonly context: RunContext;
  /** In program.inputs order, each `rows` long. */
  readonly columns: readonly InputColumn[];
  readonly rows: number;
  readonly batchSize?: number;
  readonly timeoutMs?: number;
}

/** The caller's columns fit the program: a bug otherwise, so it throws. */
export function checkColumns(inputs: number, columns: readonly InputColumn[], rows: number): void {
  if (columns.length !== inputs) throw new RangeError(`${columns.length} input columns for a program that reads ${inputs}.`);
  const short = columns.findIndex((c) => columnLength(c) < rows);
  if (short >= 0) throw new RangeError(`Input column ${short} holds ${columnLength(columns[short])} rows; the run has ${rows}.`);
}

export function emptyResult(program: CompiledProgram, rows: number): { columns: Scalar[][]; failures: BatchFailure[] } {
  return { columns: program.outputs.map(() => new Array<Scalar>(rows).fill(null)), failures: [] };
}

export async function runProgram({ sandbox, program, context, columns, rows, batchSize = DEFAULT_BATCH_SIZE, timeoutMs }: ProgramRun & { sandbox: Sandbox }): Promise<ProgramRunResult> {
  checkColumns(program.inputs.length, columns, rows);
  const result = emptyResult(program, rows);
  for (let start = 0; start < rows; start += batchSize) {
    const end = Math.min(rows, start + batchSize);
    const batch = encodeBatch({ inputs: program.inputs, columns, start, end });
    const outcome = await sandbox.runBatch({ program, context, batch, timeoutMs });
    if (outcome.ok) decodeOutputs({ outputs: outcome.outputs, into: result.columns, at: start });
    else result.failures.push({ start, end, error: outcome.error });
  }
  return result;
}
