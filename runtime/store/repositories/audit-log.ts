import { sql, type Kysely, type Selectable } from 'kysely';
import { auditEntryHash, GENESIS_HASH, toStoredJson, type AuditEntryFields, type JsonValue } from '../../audit/audit-hash';
import type { AuditLogTable, Database } from '../schema';

/** One audit entry as stored: the fields the hash covers, plus the hash. */
export interface AuditEntry extends AuditEntryFields {
  readonly hash: string;
}

export interface NewAuditEntry {
  /** Who: a user's email, `cli:<os user>`, or `system`. */
  readonly actor: string;
  /** What, as `noun.verb`: `template.approve`, `auth.sign-in`, `dataset.upload`. */
  readonly action: string;
  /** Which: `kind:id`, e.g. `template-version:<uuid>`. */
  readonly entity: string;
  /** Before and after, and whatever identifies the change for a reader. */
  readonly summary: unknown;
  /** The request id of the request that made the change. */
  readonly correlationId?: string | null;
}

export interface AuditFilter {
  readonly action?: string;
  readonly actor?: string;
  readonly from?: Date;
  readonly to?: Date;
  /** Only entries with seq below this (paging backwards from the newest). */
  readonly beforeSeq?: number;
  readonly limit?: number;
}

/**
 * Serialises appends across every connection of every process: a transaction-scoped advisory
 * lock on one fixed key. Held until the surrounding transaction ends, so the read of the last
 * entry, the hash and the insert happen as one step and the chain cannot fork.
 */
const AUDIT_APPEND_LOCK = 0x0a0d17; // any fixed int8; 'AUDIT' in spirit

const toEntry = (r: Selectable<AuditLogTable>): AuditEntry => ({
  seq: r.seq, ts: r.ts, actor: r.actor, action: r.action, entity: r.entity, summary: r.summary as JsonValue,
  correlationId: r.correlation_id, prevHash: r.prev_hash, hash: r.hash,
});

export function auditLogRepository(db: Kysely<Database>) {
  /** Runs inside a transaction: the caller's, when the change and its audit entry must commit together. */
  async function appendIn(tx: Kysely<Database>, input: NewAuditEntry): Promise<AuditEntry> {
    await sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK}::int8)`.execute(tx);
    const last = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const fields = {
      seq: last ? last.seq + 1 : 1,
      ts: new Date(),
      actor: input.actor,
      action: input.action,
      entity: input.entity,
      summary: toStoredJson(input.summary ?? {}),
      correlationId: input.correlationId ?? null,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const hash = auditEntryHash(fields);
    await tx.insertInto('audit_log').values({
      seq: fields.seq, ts: fields.ts, actor: fields.actor, action: fields.action, entity: fields.entity,
      summary: JSON.stringify(fields.summary), correlation_id: fields.correlationId, prev_hash: fields.prevHash, hash,
    }).execute();
    return { ...fields, hash };
  }

  return {
    /**
     * Appends one entry. Inside a transaction (a repository set made over a transaction) the
     * entry commits or rolls back with the change it records; make it the transaction's last
     * statement, since the append lock is held until commit. Outside, it is its own transaction.
     */
    async append(input: NewAuditEntry): Promise<AuditEntry> {
      if (db.isTransaction) return appendIn(db, input);
      return db.transaction().execute((tx) => appendIn(tx, input));
    },

    /** Newest first, filtered; the audit page and its export. */
    async list(filter: AuditFilter = {}): Promise<AuditEntry[]> {
      let q = db.selectFrom('audit_log').selectAll();
      if (filter.action) q = q.where('action', '=', filter.action);
      if (filter.actor) q = q.where(sql`lower(actor)`, '=', filter.actor.toLowerCase());
      if (filter.from) q = q.where('ts', '>=', filter.from);
      if (filter.to) q = q.where('ts', '<', filter.to);
      if (filter.beforeSeq !== undefined) q = q.where('seq', '<', filter.beforeSeq);
      const rows = await q.orderBy('seq', 'desc').limit(filter.limit ?? 200).execute();
      return rows.map(toEntry);
    },

    /** The distinct actions recorded so far, for the audit page's filter. */
    async actions(): Promise<string[]> {
      const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
      return rows.map((r) => r.action);
    },

    /** Entries in chain order, a page at a time, for verification. */
    async page({ afterSeq, limit }: { afterSeq: number; limit: number }): Promise<AuditEntry[]> {
      const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
      return rows.map(toEntry);
    },

    async count(): Promise<number> {
      const { n } = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return n;
    },
  };
}

export type AuditLogRepository = ReturnType<typeof auditLogRepository>;
