import { initTRPC, TRPCError } from '@trpc/server';
import type { Role } from '$runtime/store/schema';
import type { Context } from './context';
import { ProblemCause } from './problem';
import { roleAtLeast } from './roles';

export interface Meta {
  /** Every procedure declares the least role that may call it; the router test enforces this. */
  readonly minRole: Role;
}

const t = initTRPC.context<Context>().meta<Meta>().create({
  errorFormatter({ shape, error }) {
    // Internal errors reach the client as a generic message; the log keeps the detail.
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    const problem = error.cause instanceof ProblemCause ? error.cause.problem : undefined;
    return { ...shape, message: internal ? 'Something went wrong on the server; the request id in the log has the detail.' : shape.message, data: { ...shape.data, stack: undefined, problem } };
  },
});

const enforceRole = t.middleware(({ ctx, meta, next, path }) => {
  if (!meta?.minRole) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `Procedure ${path} declares no minimum role` });
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  if (!roleAtLeast(ctx.user.role, meta.minRole)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `This needs the ${meta.minRole} role; you are ${ctx.user.role}. Ask an admin for access.` });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The only way to make a procedure: with its minimum role. */
export function procedure(minRole: Role) {
  return t.procedure.meta({ minRole }).use(enforceRole);
}
