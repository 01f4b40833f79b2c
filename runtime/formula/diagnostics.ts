/**
 * Diagnostics are data (DESIGN.md §11): every problem the lexer, parser or checker finds is
 * one of these, with the character span it is about and a message that names the remedy.
 */
export type Severity = 'error' | 'warning';

export type DiagnosticCode =
  | 'empty-formula'
  | 'unexpected-character'
  | 'unterminated-text'
  | 'unterminated-column'
  | 'empty-column'
  | 'invalid-number'
  | 'unexpected-token'
  | 'unexpected-end'
  | 'missing-argument'
  | 'invalid-array'
  | 'too-deep'
  | 'unknown-column'
  | 'ambiguous-column'
  | 'unknown-function'
  | 'unknown-name'
  | 'unknown-table'
  | 'unknown-table-column'
  | 'arity'
  | 'array-not-allowed'
  | 'array-expected'
  | 'always-error'
  | 'duplicate-output';

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly message: string;
  /** Character offsets into the formula text, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly severity: Severity;
  /** Replacement text for [start, end) that fixes the problem, when there is an obvious one. */
  readonly suggestion?: string;
  /** The formula (output name) it belongs to, when compiling a program of several. */
  readonly formula?: string;
}

export function diagnostic(d: Omit<Diagnostic, 'severity'> & { severity?: Severity }): Diagnostic {
  return Object.freeze({ severity: 'error', ...d });
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');
