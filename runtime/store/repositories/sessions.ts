import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { toUserRecord, type UserRecord } from './users';

/**
 * Sessions by id, where the id is the SHA-256 of the cookie's token (runtime/auth/session-token.ts):
 * the token itself is never stored. Expiry is decided by the caller from the times returned.
 */
export interface SessionRecord {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
}

export function sessionsRepository(db: Kysely<Database>) {
  return {
    async insert(input: { id: string; userId: string; createdAt: Date; expiresAt: Date }): Promise<SessionRecord> {
      await db.insertInto('sessions')
        .values({ id: input.id, user_id: input.userId, created_at: input.createdAt, last_seen_at: input.createdAt, expires_at: input.expiresAt })
        .execute();
      return { id: input.id, userId: input.userId, createdAt: input.createdAt, lastSeenAt: input.createdAt, expiresAt: input.expiresAt };
    },

    /** The session and its user, unless the user is disabled. */
    async findWithUser({ id }: { id: string }): Promise<{ session: SessionRecord; user: UserRecord } | undefined> {
      const row = await db.selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.id as session_id', 's.user_id', 's.created_at as session_created_at', 's.last_seen_at', 's.expires_at',
          'u.id', 'u.email', 'u.display_name', 'u.role', 'u.created_at', 'u.disabled_at'])
        .where('s.id', '=', id)
        .where('u.disabled_at', 'is', null)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        session: { id: row.session_id, userId: row.user_id, createdAt: row.session_created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at },
        user: toUserRecord(row),
      };
    },

    async touch({ id, at }: { id: string; at: Date }): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
    },

    async delete({ id }: { id: string }): Promise<boolean> {
      const result = await db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async deleteForUser({ userId }: { userId: string }): Promise<number> {
      const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Removes sessions past their absolute expiry or idle longer than `idleMs`. */
    async deleteExpired({ now, idleMs }: { now: Date; idleMs: number }): Promise<number> {
      const result = await db.deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', new Date(now.getTime() - idleMs))]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async countForUser({ userId }: { userId: string }): Promise<number> {
      const { n } = await db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
      return n;
    },
  };
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>;
