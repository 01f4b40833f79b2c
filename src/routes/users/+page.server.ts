import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { ROLE_DESCRIPTIONS, ROLES } from '$runtime/auth/roles';
import { callerFor } from '$lib/server/caller';
import { requireRole } from '$lib/server/http/route-guard';
import { problemOf } from '$lib/server/trpc/problem';
import type { Actions, PageServerLoad } from './$types';

/** Users admin (admin only): add users, change roles, disable and enable. Every change is audited. */
export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, 'admin');
  return {
    users: await callerFor(event).users.list(),
    roles: ROLES.map((role) => ({ role, description: ROLE_DESCRIPTIONS[role] })),
    myId: event.locals.user?.id ?? null,
  };
};

const role = z.enum(['viewer', 'analyst', 'approver', 'admin']);

async function attempt(action: string, run: () => Promise<unknown>, keep: { email?: string; displayName?: string } = {}) {
  try {
    await run();
    return { action, ok: true as const, message: null };
  } catch (e) {
    const problem = problemOf(e);
    if (!problem) throw e;
    return fail(problem.kind === 'not-found' ? 404 : 400, { action, ok: false as const, message: problem.message, field: problem.field ?? null, email: keep.email ?? '', displayName: keep.displayName ?? '' });
  }
}

export const actions: Actions = {
  add: async (event) => {
    requireRole(event.locals, 'admin');
    const form = await event.request.formData();
    const email = String(form.get('email') ?? '');
    const displayName = String(form.get('displayName') ?? '');
    const parsedRole = role.safeParse(form.get('role'));
    if (!parsedRole.success) return fail(400, { action: 'add', ok: false as const, message: `Pick a role: ${ROLES.join(', ')}.`, field: 'role', email, displayName });
    const password = String(form.get('password') ?? '');
    return attempt('add', () => callerFor(event).users.create({ email, displayName, role: parsedRole.data, password }), { email, displayName });
  },

  role: async (event) => {
    requireRole(event.locals, 'admin');
    const form = await event.request.formData();
    const parsedRole = role.safeParse(form.get('role'));
    if (!parsedRole.success) return fail(400, { action: 'role', ok: false as const, message: 'Pick a role.', field: 'role', email: '', displayName: '' });
    return attempt('role', () => callerFor(event).users.setRole({ userId: String(form.get('userId') ?? ''), role: parsedRole.data }));
  },

  disable: async (event) => {
    requireRole(event.locals, 'admin');
    const form = await event.request.formData();
    return attempt('disable', () => callerFor(event).users.setDisabled({ userId: String(form.get('userId') ?? ''), disabled: true }));
  },

  enable: async (event) => {
    requireRole(event.locals, 'admin');
    const form = await event.request.formData();
    return attempt('enable', () => callerFor(event).users.setDisabled({ userId: String(form.get('userId') ?? ''), disabled: false }));
  },
};
