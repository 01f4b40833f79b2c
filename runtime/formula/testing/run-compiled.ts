/**
 * Test-only: runs compiled program source in the host with `new Function`, and runs a formula
 * both ways (compiled and interpreted) to require equal results. Products run programs in the
 * QuickJS sandbox; nothing outside tests imports this file.
 */
import { compileProgram, type CompileInput } from '../compile/compile-program';
import { evaluate } from '../interpret/evaluate';
import { createLibrary } from '../library/index';
import { FormulaError, type Scalar, type Value } from '../library/values';
import type { ColumnSpec, CompiledProgram, RunContext } from '../program';
import { parseFormula } from '../syntax/parser';

export const L = createLibrary();

/** Business date 2024-03-15 (a Friday), at 14:30. */
export const CONTEXT: RunContext = Object.freeze({ today: 45366, now: 45366 + 14.5 / 24, tables: Object.freeze({}) });

type Program = (I: readonly (readonly Scalar[])[], n: number, lib: typeof L, X: RunContext) => Scalar[][];

export function load(program: CompiledProgram): Program {
  return new Function(`return ${program.source}`)() as Program;
}

/** Runs a program over rows given as records, returning one array of values per row. */
export function runRows(program: CompiledProgram, rows: readonly Readonly<Record<string, Scalar>>[], context: RunContext = CONTEXT): Scalar[][] {
  const columns = program.inputs.map((c) => rows.map((r) => r[c.name] ?? null));
  const outputs = load(program)(columns, rows.length, L, context);
  return rows.map((_, i) => outputs.map((o) => o[i]));
}

export function compileOrThrow(input: CompileInput): CompiledProgram {
  const r = compileProgram(input);
  if (!r.ok) throw new Error(`does not compile: ${r.diagnostics.map((d) => `${d.formula}: ${d.message}`).join('; ')}`);
  return r.program;
}

/** Same value: numbers by Object.is (so NaN and -0 would show), errors by code. */
export function sameValue(a: Value, b: Value): boolean {
  if (a instanceof FormulaError || b instanceof FormulaError) return a instanceof FormulaError && b instanceof FormulaError && a.code === b.code;
  return Object.is(a, b);
}

export function show(v: Value): string {
  if (v instanceof FormulaError) return v.code;
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/**
 * Evaluates `text` over `row` compiled and interpreted; throws when they differ, so every
 * table-driven case is also a differential case.
 */
export function both(text: string, row: Readonly<Record<string, Scalar>> = {}, options: { columns?: ColumnSpec[]; context?: RunContext } = {}): Value {
  const context = options.context ?? CONTEXT;
  const columns = options.columns ?? Object.entries(row).map(([name, v]) => ({ name, type: typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'text' }) as ColumnSpec);
  const tables = Object.fromEntries(Object.entries(context.tables).map(([t, cols]) => [t, Object.keys(cols)]));
  const program = compileOrThrow({ formulas: [{ name: 'out', text }], columns, tables });
  const [[compiled]] = runRows(program, [row], context);
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error('unreachable: compiled but does not parse');
  const interpreted = evaluate({ ast: parsed.ast, row, context });
  if (!sameValue(compiled, interpreted)) {
    throw new Error(`${text}: compiled ${show(compiled)} but interpreted ${show(interpreted)}`);
  }
  return compiled;
}
