/**
 * Errors as data (DESIGN.md §11): a service refuses with a problem that says what went wrong and
 * what to do about it. `kind` is the broad class an interface maps to its own codes (HTTP 404,
 * tRPC FORBIDDEN, CLI exit 2); `code` is the specific reason, stable for tests and clients.
 */
export type ProblemKind = 'invalid' | 'not-found' | 'forbidden' | 'conflict' | 'locked';

export interface Problem {
  readonly kind: ProblemKind;
  readonly code: string;
  /** A sentence with the remedy: "… Ask another approver to review it." */
  readonly message: string;
  /** The input field at fault, when there is one. */
  readonly field?: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

export function succeed<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function refuse<T = never>(kind: ProblemKind, code: string, message: string, field?: string): Outcome<T> {
  return { ok: false, problem: field ? { kind, code, message, field } : { kind, code, message } };
}
