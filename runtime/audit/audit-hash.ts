import { createHash } from 'node:crypto';
import type { AuditLogRepository } from '../store/repositories/audit-log';
import { canonicalJson } from '../template/canonical-json';

/**
 * The audit chain. Each entry's hash is SHA-256 over the canonical JSON of the entry's fields
 * together with the previous entry's hash:
 *
 *   hash = sha256(canonicalJson({ seq, ts, actor, action, entity, summary, correlation_id, prev_hash }))
 *
 * with ts as an ISO-8601 UTC string to the millisecond. The first entry's prev_hash is 64 zeros.
 * Editing, inserting or deleting any entry changes a hash that a later entry depends on.
 */
export const GENESIS_HASH = '0'.repeat(64);

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * A summary as it is stored and hashed: plain JSON, as JSON.stringify makes it (Dates become ISO
 * text, undefined members go, non-finite numbers become null). A jsonb column gives back the same
 * value (keys reordered, which canonical JSON sorts again), so what is hashed is what is stored.
 */
export function toStoredJson(value: unknown): JsonValue {
  const text = JSON.stringify(value ?? null);
  return text === undefined ? null : (JSON.parse(text) as JsonValue);
}

export interface AuditEntryFields {
  readonly seq: number;
  readonly ts: Date;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly summary: JsonValue;
  readonly correlationId: string | null;
  readonly prevHash: string;
}

export function auditEntryHash(entry: AuditEntryFields): string {
  const text = canonicalJson({
    seq: entry.seq,
    ts: entry.ts.toISOString(),
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    summary: entry.summary,
    correlation_id: entry.correlationId,
    prev_hash: entry.prevHash,
  });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export type ChainProblem = 'seq-gap' | 'prev-hash-mismatch' | 'hash-mismatch';

export interface ChainBreak {
  readonly seq: number;
  readonly problem: ChainProblem;
  readonly message: string;
}

/**
 * Checks one entry against the one before it (or the genesis). Returns the first problem, or
 * null when the entry is intact and correctly linked.
 */
export function checkLink({ entry, hash, previous }: {
  entry: AuditEntryFields; hash: string; previous: { seq: number; hash: string } | null;
}): ChainBreak | null {
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (entry.seq !== expectedSeq) {
    return { seq: entry.seq, problem: 'seq-gap', message: `Entry ${entry.seq} follows ${previous?.seq ?? 'the start of the log'}: entries ${expectedSeq}..${entry.seq - 1} are missing.` };
  }
  const expectedPrev = previous?.hash ?? GENESIS_HASH;
  if (entry.prevHash !== expectedPrev) {
    return { seq: entry.seq, problem: 'prev-hash-mismatch', message: `Entry ${entry.seq} does not link to entry ${previous?.seq ?? '(genesis)'}: its prev_hash differs from that entry's hash.` };
  }
  if (auditEntryHash(entry) !== hash) {
    return { seq: entry.seq, problem: 'hash-mismatch', message: `Entry ${entry.seq} was altered: its contents no longer match its hash.` };
  }
  return null;
}

/**
 * Recomputes the whole chain, in seq order, a page at a time. Reports the first entry that does
 * not verify, or the head of an intact chain (its seq and hash: record them elsewhere, and a
 * later verification also proves nothing was cut from the end).
 */
export type ChainVerification =
  | { readonly ok: true; readonly entries: number; readonly head: { readonly seq: number; readonly hash: string } | null }
  | { readonly ok: false; readonly entries: number; readonly firstBad: ChainBreak };

export async function verifyAuditChain({ audit, pageSize = 1000 }: { audit: Pick<AuditLogRepository, 'page'>; pageSize?: number }): Promise<ChainVerification> {
  let previous: { seq: number; hash: string } | null = null;
  let entries = 0;
  for (;;) {
    const page = await audit.page({ afterSeq: previous?.seq ?? 0, limit: pageSize });
    if (page.length === 0) return { ok: true, entries, head: previous };
    for (const entry of page) {
      const problem = checkLink({ entry, hash: entry.hash, previous });
      if (problem) return { ok: false, entries, firstBad: problem };
      previous = { seq: entry.seq, hash: entry.hash };
      entries++;
    }
  }
}
