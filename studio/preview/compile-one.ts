/**
 * One formula checked and compiled on its own, remembered by its text and the columns it sees,
 * so an edit recompiles only the formula that changed. Without columns (no sample, none
 * declared) only the syntax is checked.
 */
import { compileProgram } from '../../runtime/formula/compile/compile-program';
import { hasErrors, type Diagnostic } from '../../runtime/formula/diagnostics';
import type { ColumnSpec, CompiledProgram, ValueType } from '../../runtime/formula/program';
import { parseFormula } from '../../runtime/formula/syntax/parser';

export interface Compiled {
  /** No error diagnostics. */
  readonly ok: boolean;
  /** Present when ok and checked against columns. */
  readonly program?: CompiledProgram;
  readonly diagnostics: readonly Diagnostic[];
  /** The static result type, when checked against columns. */
  readonly type?: ValueType;
}

const MEMO_LIMIT = 1_000;

export class FormulaCompiler {
  readonly #memo = new Map<string, Compiled>();
  compiles = 0;

  compile({ name, text, columns, columnsKey, tables, tablesKey }: {
    name: string;
    text: string;
    columns: readonly ColumnSpec[] | undefined;
    /** Identifies `columns` (names and types) in the memo. */
    columnsKey: string;
    tables: Readonly<Record<string, readonly string[]>>;
    tablesKey: string;
  }): Compiled {
    const key = `${columnsKey}\u0000${tablesKey}\u0000${name}\u0000${text}`;
    const hit = this.#memo.get(key);
    if (hit) return hit;
    this.compiles++;
    const made = compile(name, text, columns, tables);
    if (this.#memo.size >= MEMO_LIMIT) this.#memo.clear();
    this.#memo.set(key, made);
    return made;
  }
}

function compile(name: string, text: string, columns: readonly ColumnSpec[] | undefined, tables: Readonly<Record<string, readonly string[]>>): Compiled {
  if (!columns) {
    const parsed = parseFormula(text);
    return parsed.ok ? { ok: true, diagnostics: [] } : { ok: false, diagnostics: parsed.diagnostics };
  }
  const r = compileProgram({ formulas: [{ name, text }], columns, tables });
  if (!r.ok) return { ok: !hasErrors(r.diagnostics), diagnostics: r.diagnostics };
  return { ok: true, program: r.program, diagnostics: r.warnings, type: r.program.outputs[0].type };
}

export const specsKey = (columns: readonly ColumnSpec[] | undefined): string =>
  columns ? columns.map((c) => `${c.name}\u0001${c.type}`).join('\u0002') : '-';
