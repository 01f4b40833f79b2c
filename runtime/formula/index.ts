/**
 * The formula language: text → AST → check → JavaScript (program.ts), plus the reference
 * interpreter and single-row evaluation. Browser-safe: the studio imports this too.
 */
export type { ColumnSpec, ColumnType, CompiledProgram, OutputSpec, RunContext, ValueType } from './program';
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostics';
export type * from './syntax/ast';
export { parseFormula, type ParseResult } from './syntax/parser';
export { tokenize, type Token } from './syntax/lexer';
export { formatColumnRef, formatColumnKey } from './syntax/column-ref';
export { checkFormula, type CheckResult, type Resolution, type TableSpecs } from './check/checker';
export { signature, arityProblem } from './check/arity';
export type { StaticType } from './check/types';
export {
  compileProgram,
  checkFormulas,
  emitProgram,
  type CompileInput,
  type CompileResult,
  type CheckedFormula,
  type FormulaSource,
} from './compile/compile-program';
export { evaluate, type EvaluateInput } from './interpret/evaluate';
export { evaluateOne, inferColumns, type EvaluateOneInput, type EvaluateOneResult, type ProgramRunner } from './evaluate-one';
export { displayValue, isoDate, isoDateTime, type DisplayType, type DisplayValue } from './display-value';
export { FUNCTIONS, findFunction, createLibrary, type Library } from './library/index';
