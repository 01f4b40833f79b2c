import { z } from 'zod';
import { changeRole, createUser, setUserDisabled } from '$runtime/auth/accounts';
import type { UserRecord } from '$runtime/store/repositories/users';
import { procedure, router } from '../init';
import { unwrap } from '../problem';

/**
 * The signed-in user, and user administration (admin). Responses never carry a password or
 * its hash: repositories do not return the hash outside sign-in.
 */
const role = z.enum(['viewer', 'analyst', 'approver', 'admin']);

export const userDto = (u: UserRecord) => ({
  id: u.id, email: u.email, displayName: u.displayName, role: u.role,
  createdAt: u.createdAt.toISOString(), disabledAt: u.disabledAt?.toISOString() ?? null,
});

export const authRouter = router({
  me: procedure('viewer').input(z.void()).query(({ ctx }) => ({ id: ctx.user.id, name: ctx.user.name, email: ctx.user.email ?? null, role: ctx.user.role })),
});

export const usersRouter = router({
  /** Who a break can be assigned to, for every signed-in user: id and email only. */
  assignable: procedure('viewer').input(z.void()).query(async ({ ctx }) =>
    (await ctx.app.repos.breakReview.assignableUsers()).map((u) => ({ id: u.id, email: u.email }))),

  list: procedure('admin').input(z.void()).query(async ({ ctx }) => (await ctx.app.repos.users.list()).map(userDto)),

  create: procedure('admin')
    .input(z.object({ email: z.string().max(320), displayName: z.string().max(200).default(''), role, password: z.string().max(2048) }))
    .mutation(async ({ ctx, input }) => userDto(unwrap(await createUser({
      app: ctx.app, actor: ctx.user, role: input.role, correlationId: ctx.requestId,
      account: { email: input.email, displayName: input.displayName, password: input.password },
    })))),

  setRole: procedure('admin')
    .input(z.object({ userId: z.uuid(), role }))
    .mutation(async ({ ctx, input }) => userDto(unwrap(await changeRole({ app: ctx.app, actor: ctx.user, userId: input.userId, role: input.role, correlationId: ctx.requestId })))),

  setDisabled: procedure('admin')
    .input(z.object({ userId: z.uuid(), disabled: z.boolean() }))
    .mutation(async ({ ctx, input }) => userDto(unwrap(await setUserDisabled({ app: ctx.app, actor: ctx.user, userId: input.userId, disabled: input.disabled, correlationId: ctx.requestId })))),
});
