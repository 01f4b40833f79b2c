/** The role order lives with the engine (runtime/auth/roles.ts), so the CLI and services share it. */
export { ROLES, ROLE_DESCRIPTIONS, isRole, roleAtLeast } from '$runtime/auth/roles';
