import type { App } from '../app/open-app';
import { refuse, succeed, type Outcome } from '../app/outcome';
import type { Role } from '../store/schema';
import type { UserRecord } from '../store/repositories/users';
import { inTransaction } from '../store/index';
import { hashPassword, passwordProblem } from './password-hash';
import { actorLabel, isRole, ROLES, type Actor } from './roles';
import { normaliseEmail } from './sign-in';

/**
 * User accounts: the first admin (once, while none exists), then users added by an admin or by
 * `opspilot user add`; role changes and disabling. Each change and its audit entry commit
 * together. There is never a default password: every account's password is chosen by a person.
 */
export interface NewAccount {
  readonly email: string;
  readonly displayName?: string;
  readonly password: string;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{1,63}$/;

function checkAccount(input: NewAccount): Outcome<{ email: string; displayName: string }> {
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email)) return refuse('invalid', 'bad-email', `"${input.email.trim()}" is not an email address; enter one like name@firm.com.`, 'email');
  const displayName = (input.displayName ?? '').trim() || email.split('@')[0];
  if (displayName.length > 100) return refuse('invalid', 'bad-name', 'The name is longer than 100 characters; shorten it.', 'displayName');
  const weak = passwordProblem({ password: input.password, email });
  if (weak) return refuse('invalid', 'weak-password', weak, 'password');
  return succeed({ email, displayName });
}

const emailTaken = (email: string) => refuse<never>('conflict', 'email-taken', `There is already an account for ${email}. Change its role on the Users page instead.`, 'email');

/** The one-time setup: creates the admin while no admin exists, else refuses. */
export async function createFirstAdmin({ app, account, correlationId }: { app: App; account: NewAccount; correlationId?: string | null }): Promise<Outcome<UserRecord>> {
  const checked = checkAccount(account);
  if (!checked.ok) return checked;
  const passwordHash = await hashPassword({ password: account.password });
  return inTransaction({ db: app.db, work: async (repos) => {
    if (await repos.users.findByEmail({ email: checked.value.email })) return emailTaken(checked.value.email);
    const user = await repos.users.insertFirstAdmin({ ...checked.value, passwordHash });
    if (!user) return refuse('conflict', 'already-set-up', 'This installation already has an admin. Sign in, or ask that admin for an account.');
    await repos.audit.append({ actor: user.email, action: 'user.create', entity: `user:${user.id}`, correlationId,
      summary: { via: 'setup', before: null, after: { email: user.email, displayName: user.displayName, role: user.role } } });
    return succeed(user);
  } });
}

export async function createUser({ app, actor, account, role, correlationId }: {
  app: App; actor: Actor | string; account: NewAccount; role: Role; correlationId?: string | null;
}): Promise<Outcome<UserRecord>> {
  if (!isRole(role)) return refuse('invalid', 'bad-role', `The role must be one of ${ROLES.join(', ')}.`, 'role');
  const checked = checkAccount(account);
  if (!checked.ok) return checked;
  const passwordHash = await hashPassword({ password: account.password });
  return inTransaction({ db: app.db, work: async (repos) => {
    if (await repos.users.findByEmail({ email: checked.value.email })) return emailTaken(checked.value.email);
    const user = await repos.users.insert({ ...checked.value, role, passwordHash });
    await repos.audit.append({ actor: label(actor), action: 'user.create', entity: `user:${user.id}`, correlationId,
      summary: { before: null, after: { email: user.email, displayName: user.displayName, role: user.role } } });
    return succeed(user);
  } });
}

const label = (actor: Actor | string) => (typeof actor === 'string' ? actor : actorLabel(actor));
const noUser = () => refuse<never>('not-found', 'no-user', 'No user with that id; reload the Users page.');
const lastAdmin = () => refuse<never>('conflict', 'last-admin', 'This is the only active admin. Make another user admin first, so someone can still manage users.');

export async function changeRole({ app, actor, userId, role, correlationId }: {
  app: App; actor: Actor | string; userId: string; role: Role; correlationId?: string | null;
}): Promise<Outcome<UserRecord>> {
  if (!isRole(role)) return refuse('invalid', 'bad-role', `The role must be one of ${ROLES.join(', ')}.`, 'role');
  return inTransaction({ db: app.db, work: async (repos) => {
    const before = await repos.users.get({ id: userId });
    if (!before) return noUser();
    if (before.role === role) return succeed(before);
    if (before.role === 'admin' && !before.disabledAt && (await repos.users.lockAndCountOtherAdmins({ exceptId: userId })) === 0) return lastAdmin();
    const after = (await repos.users.setRole({ id: userId, role }))!;
    await repos.audit.append({ actor: label(actor), action: 'user.role', entity: `user:${userId}`, correlationId,
      summary: { email: after.email, before: { role: before.role }, after: { role: after.role } } });
    return succeed(after);
  } });
}

/** Disabling also ends the user's sessions at once; enabling lets them sign in again. */
export async function setUserDisabled({ app, actor, userId, disabled, correlationId, now = new Date() }: {
  app: App; actor: Actor | string; userId: string; disabled: boolean; correlationId?: string | null; now?: Date;
}): Promise<Outcome<UserRecord>> {
  if (typeof actor !== 'string' && actor.id === userId && disabled) {
    return refuse('forbidden', 'self-disable', 'You cannot disable your own account; ask another admin.');
  }
  return inTransaction({ db: app.db, work: async (repos) => {
    const before = await repos.users.get({ id: userId });
    if (!before) return noUser();
    if (Boolean(before.disabledAt) === disabled) return succeed(before);
    if (disabled && before.role === 'admin' && (await repos.users.lockAndCountOtherAdmins({ exceptId: userId })) === 0) return lastAdmin();
    const after = (await repos.users.setDisabled({ id: userId, disabled, at: now }))!;
    const sessionsEnded = disabled ? await repos.sessions.deleteForUser({ userId }) : 0;
    await repos.audit.append({ actor: label(actor), action: disabled ? 'user.disable' : 'user.enable', entity: `user:${userId}`, correlationId,
      summary: { email: after.email, before: { disabled: !disabled }, after: { disabled }, ...(disabled ? { sessionsEnded } : {}) } });
    return succeed(after);
  } });
}
