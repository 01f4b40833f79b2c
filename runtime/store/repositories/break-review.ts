import { sql, type Kysely } from 'kysely';
import type { BreakStatus } from '../../recon/break-view';
import type { Database, Role } from '../schema';

/**
 * The review workflow's writes on breaks: assign, resolve with a reason, reopen, comment.
 * Bulk by id list; the service calls these inside one transaction with the audit entry, after
 * `lock` has taken the rows, so two reviewers acting on the same breaks queue rather than mix.
 */
export interface BreakComment {
  readonly id: number;
  readonly breakId: number;
  readonly author: { readonly id: string; readonly email: string } | null;
  readonly body: string;
  readonly createdAt: Date;
}

export interface LockedBreak {
  readonly id: number;
  readonly runId: string;
  readonly status: BreakStatus;
  readonly assigneeId: string | null;
}

const COMMENT_BATCH = 1000;

export function breakReviewRepository(db: Kysely<Database>) {
  return {
    /** The breaks among `ids` that exist, locked until the transaction ends. */
    async lock({ ids }: { ids: readonly number[] }): Promise<LockedBreak[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('breaks').select(['id', 'run_id', 'status', 'assignee_id'])
        .where('id', 'in', ids).orderBy('id').forUpdate().execute();
      return rows.map((r) => ({ id: r.id, runId: r.run_id, status: r.status, assigneeId: r.assignee_id }));
    },

    /** A resolved break keeps its status (assigning is not reopening); others become assigned, or open when unassigned. */
    async assign({ ids, assigneeId }: { ids: readonly number[]; assigneeId: string | null }): Promise<number> {
      const status = assigneeId ? sql<BreakStatus>`'assigned'` : sql<BreakStatus>`'open'`;
      const result = await db.updateTable('breaks')
        .set({ assignee_id: assigneeId, status: sql`case when status = 'resolved' then status else ${status} end`, updated_at: sql`now()` })
        .where('id', 'in', ids).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async resolve({ ids, reason, by }: { ids: readonly number[]; reason: string; by: string | null }): Promise<number> {
      const result = await db.updateTable('breaks')
        .set({ status: 'resolved', reason, resolved_at: sql`now()`, resolved_by: by, updated_at: sql`now()` })
        .where('id', 'in', ids).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Resolved breaks back to work: assigned when someone holds them, open otherwise. */
    async reopen({ ids }: { ids: readonly number[] }): Promise<number> {
      const result = await db.updateTable('breaks')
        .set({
          status: sql`case when assignee_id is null then 'open' else 'assigned' end`,
          reason: null, resolved_at: null, resolved_by: null, updated_at: sql`now()`,
        })
        .where('id', 'in', ids).where('status', '=', 'resolved').executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async addComments({ ids, authorId, body }: { ids: readonly number[]; authorId: string | null; body: string }): Promise<number> {
      for (let at = 0; at < ids.length; at += COMMENT_BATCH) {
        await db.insertInto('break_comments')
          .values(ids.slice(at, at + COMMENT_BATCH).map((id) => ({ break_id: id, author_id: authorId, body })))
          .execute();
      }
      await db.updateTable('breaks').set({ updated_at: sql`now()` }).where('id', 'in', ids).execute();
      return ids.length;
    },

    /** Oldest first, as a conversation reads. */
    async comments({ breakId }: { breakId: number }): Promise<BreakComment[]> {
      const rows = await db.selectFrom('break_comments as c').leftJoin('users as u', 'u.id', 'c.author_id')
        .select(['c.id', 'c.break_id', 'c.author_id', 'u.email', 'c.body', 'c.created_at'])
        .where('c.break_id', '=', breakId).orderBy('c.created_at').orderBy('c.id').execute();
      return rows.map((r) => ({
        id: Number(r.id), breakId: Number(r.break_id), author: r.author_id && r.email ? { id: r.author_id, email: r.email } : null,
        body: r.body, createdAt: r.created_at,
      }));
    },

    /** Who may hold a break: active users who can act on breaks (analyst and above). */
    async assignableUsers(): Promise<{ id: string; email: string; role: Role }[]> {
      return db.selectFrom('users').select(['id', 'email', 'role'])
        .where('disabled_at', 'is', null).where('role', 'in', ['analyst', 'approver', 'admin'])
        .orderBy('email').execute();
    },
  };
}

export type BreakReviewRepository = ReturnType<typeof breakReviewRepository>;
