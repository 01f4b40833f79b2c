import type { Role } from '../store/schema';

/**
 * Roles in increasing power; a role may do everything the roles before it may.
 * - viewer: reads everything the studio shows;
 * - analyst: edits template drafts, uploads files, starts runs;
 * - approver: approves or rejects template versions, activates them, bulk-resolves breaks;
 * - admin: manages users and settings.
 */
export const ROLES: readonly Role[] = ['viewer', 'analyst', 'approver', 'admin'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = Object.freeze({
  viewer: 'Reads templates, runs, breaks and data',
  analyst: 'Edits template drafts, uploads files and starts runs',
  approver: 'Approves or rejects template versions and bulk-resolves breaks',
  admin: 'Manages users and settings',
});

/** Who is acting: the signed-in user, or a headless caller (CLI, scheduler) with a name. */
export interface Actor {
  /** The user's id; null for a caller that is not a stored user (a test, the CLI before setup). */
  readonly id: string | null;
  readonly name: string;
  readonly email?: string;
  readonly role: Role;
}

/** How an actor appears in the audit log: the email when there is one. */
export function actorLabel(actor: Pick<Actor, 'name' | 'email'>): string {
  return actor.email ?? actor.name;
}
