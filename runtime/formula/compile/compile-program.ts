/**
 * A template's formulas → one CompiledProgram (program.ts): parse and check each formula,
 * then emit one function that reads each used column once per row and fills every output
 * in a single loop.
 */
import { checkFormula, type Resolution, type TableSpecs } from '../check/checker';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics';
import type { ColumnSpec, CompiledProgram, OutputSpec } from '../program';
import type { Expr } from '../syntax/ast';
import { parseFormula } from '../syntax/parser';
import { ExpressionEmitter } from './emit-expression';
import { local } from './js-syntax';
import { ProgramState } from './program-state';

export interface FormulaSource {
  /** The output (target column) name; it never reaches the emitted code. */
  readonly name: string;
  readonly text: string;
}

export interface CompileInput {
  readonly formulas: readonly FormulaSource[];
  /** Available columns; a source-qualified reference `[broker!Price]` resolves to the column named `broker!Price`. */
  readonly columns: readonly ColumnSpec[];
  /** Reference tables attached to the template: name → column names. */
  readonly tables?: TableSpecs;
}

export type CompileResult =
  | { readonly ok: true; readonly program: CompiledProgram; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** A formula that parsed and checked, ready to emit or to interpret. */
export interface CheckedFormula {
  readonly name: string;
  readonly ast: Expr;
  readonly output: OutputSpec;
  readonly resolution: Resolution;
}

export function checkFormulas(input: CompileInput): { formulas: CheckedFormula[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const formulas: CheckedFormula[] = [];
  const seen = new Set<string>();
  for (const f of input.formulas) {
    const tag = (d: Diagnostic) => diagnostic({ ...d, formula: f.name });
    if (seen.has(f.name)) {
      diagnostics.push(tag(diagnostic({ code: 'duplicate-output', message: `Two formulas are named \`${f.name}\`: rename one`, start: 0, end: f.text.length })));
    }
    seen.add(f.name);
    const parsed = parseFormula(f.text);
    if (!parsed.ok) {
      diagnostics.push(...parsed.diagnostics.map(tag));
      continue;
    }
    const checked = checkFormula({ ast: parsed.ast, columns: input.columns, tables: input.tables });
    diagnostics.push(...checked.diagnostics.map(tag));
    formulas.push({ name: f.name, ast: parsed.ast, output: { name: f.name, type: checked.type }, resolution: checked.resolution });
  }
  return { formulas, diagnostics };
}

export function compileProgram(input: CompileInput): CompileResult {
  const { formulas, diagnostics } = checkFormulas(input);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, program: emitProgram(formulas), warnings: diagnostics };
}

/** Emits checked formulas as `(function (I, n, L, X) {...})`, laid out for readable snapshots. */
export function emitProgram(formulas: readonly CheckedFormula[]): CompiledProgram {
  const state = new ProgramState();
  const assignments = formulas.map((f, k) => {
    const emitter = new ExpressionEmitter(state, f.resolution);
    emitter.prepare(f.ast);
    return `${local('o', k)}[i] = ${emitter.emit(f.ast).code};`;
  });
  const outputs = formulas.map((_, k) => local('o', k));
  const body = [
    '"use strict";',
    ...state.declarations(),
    ...state.constants,
    ...(outputs.length ? [`var ${outputs.map((o) => `${o} = new Array(n)`).join(', ')};`] : []),
    ...(state.rowLocals() ? [state.rowLocals()!] : []),
    'for (var i = 0; i < n; i++) {',
    ...state.rowReads().map((l) => `  ${l}`),
    ...assignments.map((l) => `  ${l}`),
    '}',
    `return [${outputs.join(', ')}];`,
  ];
  const source = `(function (I, n, L, X) {\n${body.map((l) => `  ${l}`).join('\n')}\n})`;
  return Object.freeze({
    source,
    inputs: Object.freeze(state.inputs.map((c) => Object.freeze({ name: c.name, type: c.type }))),
    outputs: Object.freeze(formulas.map((f) => Object.freeze(f.output))),
  });
}
