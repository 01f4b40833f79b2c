import type { Role } from '$runtime/store/schema';

/** Roles in increasing power; a role may do everything the roles before it may. */
export const ROLES: readonly Role[] = ['viewer', 'analyst', 'approver', 'admin'];

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}
