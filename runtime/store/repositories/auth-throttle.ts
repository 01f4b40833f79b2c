import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * Failed sign-ins per key (`email:<address>`, `ip:<address>`). Failures count within a window;
 * reaching the limit locks the key for a while and starts a fresh count. One upsert per failure,
 * so concurrent attempts from many connections all count.
 */
export interface ThrottleState {
  readonly failures: number;
  readonly lockedUntil: Date | null;
}

export function authThrottleRepository(db: Kysely<Database>) {
  return {
    /** The latest lock still in force among these keys, or null. */
    async lockedUntil({ keys, now }: { keys: readonly string[]; now: Date }): Promise<Date | null> {
      if (keys.length === 0) return null;
      const row = await db.selectFrom('auth_throttle')
        .select((eb) => eb.fn.max('locked_until').as('until'))
        .where('key', 'in', [...keys])
        .where('locked_until', '>', now)
        .executeTakeFirst();
      return (row?.until as Date | null | undefined) ?? null;
    },

    async recordFailure({ key, now, windowMs, maxFailures, lockoutMs }: {
      key: string; now: Date; windowMs: number; maxFailures: number; lockoutMs: number;
    }): Promise<ThrottleState> {
      const windowStart = new Date(now.getTime() - windowMs);
      const lockUntil = new Date(now.getTime() + lockoutMs);
      // A fresh count starts when the window lapsed or a lock has ended. SET sees the old row.
      const fresh = sql`(t.window_started_at < ${windowStart}::timestamptz or (t.locked_until is not null and t.locked_until <= ${now}::timestamptz))`;
      const count = sql`(case when ${fresh} then 1 else t.failures + 1 end)`;
      const result = await sql<{ failures: number; locked_until: Date | null }>`
        insert into auth_throttle as t (key, failures, window_started_at, locked_until)
        values (${key}, 1, ${now}::timestamptz, case when 1 >= ${maxFailures}::int then ${lockUntil}::timestamptz end)
        on conflict (key) do update set
          failures = ${count},
          window_started_at = case when ${fresh} then ${now}::timestamptz else t.window_started_at end,
          locked_until = case when ${count} >= ${maxFailures}::int then ${lockUntil}::timestamptz
                              when ${fresh} then null else t.locked_until end
        returning t.failures, t.locked_until`.execute(db);
      const row = result.rows[0];
      return { failures: row.failures, lockedUntil: row.locked_until && row.locked_until > now ? row.locked_until : null };
    },

    async clear({ key }: { key: string }): Promise<void> {
      await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
    },

    /** Forgets keys whose window has lapsed and whose lock (if any) has ended, so the table stays small. */
    async deleteStale({ now, windowMs }: { now: Date; windowMs: number }): Promise<number> {
      const result = await db.deleteFrom('auth_throttle')
        .where('window_started_at', '<', new Date(now.getTime() - windowMs))
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Lifts a lockout (an admin's unlock). */
    async clearEmail({ email }: { email: string }): Promise<void> {
      await db.deleteFrom('auth_throttle').where('key', '=', `email:${email.toLowerCase()}`).execute();
    },
  };
}

export type AuthThrottleRepository = ReturnType<typeof authThrottleRepository>;
