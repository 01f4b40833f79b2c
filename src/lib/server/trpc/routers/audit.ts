import { z } from 'zod';
import { verifyAuditChain } from '$runtime/audit/audit-hash';
import type { AuditEntry } from '$runtime/store/repositories/audit-log';
import { procedure, router } from '../init';

/** The audit trail, for approvers and admins: filtered listing and chain verification. */
export const auditFilter = z.object({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(320).optional(),
  /** Inclusive start, YYYY-MM-DD (UTC). */
  from: z.iso.date().optional(),
  /** Inclusive end, YYYY-MM-DD (UTC). */
  to: z.iso.date().optional(),
  beforeSeq: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});

export type AuditFilterInput = z.input<typeof auditFilter>;

/** Date filters as the repository takes them: [from 00:00, to+1 00:00) in UTC. */
export function toRepositoryFilter(input: z.output<typeof auditFilter>) {
  const day = 86_400_000;
  return {
    action: input.action || undefined,
    actor: input.actor || undefined,
    from: input.from ? new Date(`${input.from}T00:00:00Z`) : undefined,
    to: input.to ? new Date(new Date(`${input.to}T00:00:00Z`).getTime() + day) : undefined,
    beforeSeq: input.beforeSeq,
    limit: input.limit,
  };
}

export const auditDto = (e: AuditEntry) => ({ ...e, ts: e.ts.toISOString() });

export const auditRouter = router({
  list: procedure('approver').input(auditFilter).query(async ({ ctx, input }) => {
    const entries = await ctx.app.repos.audit.list(toRepositoryFilter(input));
    return { entries: entries.map(auditDto), more: entries.length === input.limit };
  }),

  actions: procedure('approver').input(z.void()).query(({ ctx }) => ctx.app.repos.audit.actions()),

  verify: procedure('approver').input(z.void()).query(async ({ ctx }) => verifyAuditChain({ audit: ctx.app.repos.audit })),
});
