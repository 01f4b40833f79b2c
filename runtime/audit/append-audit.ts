import type { Kysely } from 'kysely';
import { actorLabel, type Actor } from '../auth/roles';
import type { Repositories } from '../store/index';
import type { AuditEntry } from '../store/repositories/audit-log';
import type { Database } from '../store/schema';
import { auditLogRepository } from '../store/repositories/audit-log';

/**
 * Records a state change in the tamper-evident audit log. Every change a user or the system
 * makes goes through here or through `repos.audit.append` inside the change's own transaction:
 * sign-ins, uploads, template lifecycle, user changes, run start/finish/cancel, break status.
 *
 *   await appendAudit({ app, actor: ctx.user, action: 'run.start', entity: `run:${id}`,
 *     summary: { before: null, after: { status: 'running' } }, correlationId: ctx.requestId });
 *
 * Conventions: `action` is `noun.verb` (run.start, run.finish, run.cancel, break.resolve);
 * `entity` is `kind:id`; `summary` holds `before` and `after` plus what a reader needs to
 * recognise the thing (names, versions, hashes) and never a secret.
 */
export interface AppendAuditInput {
  /** The opened app, or repositories bound to a transaction (`inTransaction`). */
  readonly app?: { readonly db: Kysely<Database> };
  readonly repos?: Pick<Repositories, 'audit'>;
  /** A user or headless caller, or a literal actor label such as `system`. */
  readonly actor: Pick<Actor, 'name' | 'email'> | string;
  readonly action: string;
  readonly entity: string;
  readonly summary: unknown;
  readonly correlationId?: string | null;
}

const ACTION = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

export async function appendAudit(input: AppendAuditInput): Promise<AuditEntry> {
  if (!ACTION.test(input.action)) throw new Error(`Audit action ${JSON.stringify(input.action)} must look like noun.verb, e.g. run.start`);
  const audit = input.repos?.audit ?? (input.app ? auditLogRepository(input.app.db) : undefined);
  if (!audit) throw new Error('appendAudit needs the app or a repository set');
  return audit.append({
    actor: typeof input.actor === 'string' ? input.actor : actorLabel(input.actor),
    action: input.action,
    entity: input.entity,
    summary: input.summary,
    correlationId: input.correlationId ?? null,
  });
}
