/**
 * One formula over one row: what the CLI's `opspilot formula` and the studio's live preview
 * need. It compiles the formula as a one-output program, so the diagnostics and the static
 * type are the ones a template run would get. Evaluation goes through `run` when given (the
 * sandbox helper passes a QuickJS runner), else through the reference interpreter.
 */
import { checkFormulas, emitProgram } from './compile/compile-program';
import { hasErrors, type Diagnostic } from './diagnostics';
import { displayValue, type DisplayValue } from './display-value';
import { evaluate } from './interpret/evaluate';
import type { Scalar } from './library/values';
import type { ColumnSpec, CompiledProgram, RunContext, ValueType } from './program';

/** Runs a compiled program over one batch and returns its output columns. */
export type ProgramRunner = (input: {
  readonly program: CompiledProgram;
  /** One array per program input, in `program.inputs` order. */
  readonly columns: readonly (readonly Scalar[])[];
  readonly rows: number;
  readonly context: RunContext;
}) => Promise<readonly (readonly Scalar[])[]> | readonly (readonly Scalar[])[];

export interface EvaluateOneInput {
  readonly text: string;
  readonly row: Readonly<Record<string, Scalar>>;
  readonly context: RunContext;
  /** Column types; inferred from the row's values when omitted (see inferColumns). */
  readonly columns?: readonly ColumnSpec[];
  readonly run?: ProgramRunner;
}

export type EvaluateOneResult =
  | { readonly ok: true; readonly value: Scalar; readonly type: ValueType; readonly display: DisplayValue; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Numbers, text and booleans as themselves; a blank (null) cell could be anything, so text. */
export function inferColumns(row: Readonly<Record<string, Scalar>>): ColumnSpec[] {
  return Object.entries(row).map(([name, v]) => ({
    name,
    type: typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'text',
  }));
}

export async function evaluateOne(input: EvaluateOneInput): Promise<EvaluateOneResult> {
  const columns = input.columns ?? inferColumns(input.row);
  const tables = Object.fromEntries(Object.entries(input.context.tables ?? {}).map(([name, t]) => [name, Object.keys(t)]));
  const { formulas, diagnostics } = checkFormulas({ formulas: [{ name: 'value', text: input.text }], columns, tables });
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  const [formula] = formulas;
  const program = emitProgram(formulas);
  let value: Scalar;
  if (input.run) {
    const inputColumns = program.inputs.map((c) => [input.row[c.name] ?? null]);
    const outputs = await input.run({ program, columns: inputColumns, rows: 1, context: input.context });
    value = outputs[0][0] ?? null;
  } else {
    value = evaluate({ ast: formula.ast, row: input.row, context: input.context }) as Scalar;
  }
  const type = formula.output.type;
  return { ok: true, value, type, display: displayValue(value, type), warnings: diagnostics };
}

