import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, Role, UsersTable } from '../schema';

/** A user as the rest of the app sees one: never with the password hash. */
export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly createdAt: Date;
  readonly disabledAt: Date | null;
}

/** Serialises changes to who is an admin, so the last admin can never be removed by a race. */
const ADMIN_CHANGE_LOCK = 0x0a0d18;

export const toUserRecord = (u: Pick<Selectable<UsersTable>, 'id' | 'email' | 'display_name' | 'role' | 'created_at' | 'disabled_at'>): UserRecord => ({
  id: u.id, email: u.email, displayName: u.display_name, role: u.role, createdAt: u.created_at, disabledAt: u.disabled_at,
});

const PUBLIC_COLUMNS = ['id', 'email', 'display_name', 'role', 'created_at', 'disabled_at'] as const;

export function usersRepository(db: Kysely<Database>) {
  const activeAdmins = (tx: Kysely<Database>) =>
    tx.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('disabled_at', 'is', null);

  return {
    async insert(input: { email: string; displayName: string; role: Role; passwordHash: string }): Promise<UserRecord> {
      const row = await db.insertInto('users')
        .values({ email: input.email, display_name: input.displayName, role: input.role, password_hash: input.passwordHash })
        .returning(PUBLIC_COLUMNS).executeTakeFirstOrThrow();
      return toUserRecord(row);
    },

    /**
     * Creates the first admin, only while no active admin exists. Takes the admin-change lock
     * inside the caller's transaction, so two setup forms submitted at once create one admin.
     */
    async insertFirstAdmin(input: { email: string; displayName: string; passwordHash: string }): Promise<UserRecord | undefined> {
      await sql`select pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK}::int8)`.execute(db);
      const { n } = await activeAdmins(db).executeTakeFirstOrThrow();
      if (n > 0) return undefined;
      const row = await db.insertInto('users')
        .values({ email: input.email, display_name: input.displayName, role: 'admin', password_hash: input.passwordHash })
        .returning(PUBLIC_COLUMNS).executeTakeFirstOrThrow();
      return toUserRecord(row);
    },

    /** Active admins other than `exceptId`, counted under the admin-change lock (call in a transaction). */
    async lockAndCountOtherAdmins({ exceptId }: { exceptId: string }): Promise<number> {
      await sql`select pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK}::int8)`.execute(db);
      const { n } = await activeAdmins(db).where('id', '!=', exceptId).executeTakeFirstOrThrow();
      return n;
    },

    async adminExists(): Promise<boolean> {
      const { n } = await activeAdmins(db).executeTakeFirstOrThrow();
      return n > 0;
    },

    /** The one read that includes the password hash: for checking a sign-in. */
    async findForSignIn({ email }: { email: string }): Promise<(UserRecord & { passwordHash: string }) | undefined> {
      const row = await db.selectFrom('users').select([...PUBLIC_COLUMNS, 'password_hash'])
        .where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
      return row && { ...toUserRecord(row), passwordHash: row.password_hash };
    },

    async findByEmail({ email }: { email: string }): Promise<UserRecord | undefined> {
      const row = await db.selectFrom('users').select(PUBLIC_COLUMNS).where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
      return row && toUserRecord(row);
    },

    async get({ id }: { id: string }): Promise<UserRecord | undefined> {
      const row = await db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row && toUserRecord(row);
    },

    async list(): Promise<UserRecord[]> {
      const rows = await db.selectFrom('users').select(PUBLIC_COLUMNS).orderBy('disabled_at', (o) => o.nullsFirst()).orderBy('email').execute();
      return rows.map(toUserRecord);
    },

    async setRole({ id, role }: { id: string; role: Role }): Promise<UserRecord | undefined> {
      const row = await db.updateTable('users').set({ role }).where('id', '=', id).returning(PUBLIC_COLUMNS).executeTakeFirst();
      return row && toUserRecord(row);
    },

    async setDisabled({ id, disabled, at }: { id: string; disabled: boolean; at: Date }): Promise<UserRecord | undefined> {
      const row = await db.updateTable('users').set({ disabled_at: disabled ? at : null }).where('id', '=', id).returning(PUBLIC_COLUMNS).executeTakeFirst();
      return row && toUserRecord(row);
    },

    async setPasswordHash({ id, passwordHash }: { id: string; passwordHash: string }): Promise<void> {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
