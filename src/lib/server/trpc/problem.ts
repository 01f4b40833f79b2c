import { TRPCError } from '@trpc/server';
import type { Outcome, Problem, ProblemKind } from '$runtime/app/outcome';

/**
 * Services return problems as data (runtime/app/outcome.ts); procedures turn them into tRPC
 * errors with the same message, and the problem itself travels in `error.data.problem` so the
 * studio can point at the field at fault.
 */
type TrpcCode = TRPCError['code'];

const CODES: Readonly<Record<ProblemKind, TrpcCode>> = {
  invalid: 'BAD_REQUEST',
  'not-found': 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  locked: 'TOO_MANY_REQUESTS',
};

export class ProblemCause extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
    this.name = 'ProblemCause';
  }
}

export function problemError(problem: Problem): TRPCError {
  return new TRPCError({ code: CODES[problem.kind], message: problem.message, cause: new ProblemCause(problem) });
}

/** The value of a successful outcome; a refusal becomes the matching tRPC error. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw problemError(outcome.problem);
}

/** The problem behind an error thrown by a procedure, for page actions that show it by the field. */
export function problemOf(error: unknown): Problem | undefined {
  if (!(error instanceof TRPCError)) return undefined;
  if (error.cause instanceof ProblemCause) return error.cause.problem;
  if (error.code === 'INTERNAL_SERVER_ERROR') return undefined;
  return { kind: error.code === 'NOT_FOUND' ? 'not-found' : error.code === 'FORBIDDEN' || error.code === 'UNAUTHORIZED' ? 'forbidden' : 'invalid', code: error.code.toLowerCase(), message: error.message };
}
