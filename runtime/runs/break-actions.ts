import type { z } from 'zod';
import type { App } from '../app/open-app';
import { refuse, succeed, type Outcome } from '../app/outcome';
import { actorLabel, roleAtLeast, type Actor } from '../auth/roles';
import type { BreakActionSchema } from '../recon/break-view';
import { inTransaction } from '../store/index';
import type { Role } from '../store/schema';

/**
 * The review workflow on breaks, in bulk: assign (or unassign), comment, resolve with a reason
 * code, reopen. Each call is one transaction with one audit entry naming every break it touched,
 * all or nothing: if any id is unknown, nothing changes. Analysts assign and comment; resolving
 * and reopening need the approver role (four eyes on what clears a break).
 */
export type BreakActionInput = z.output<typeof BreakActionSchema>;

export interface BreakActionResult {
  readonly action: BreakActionInput['action'];
  /** The breaks the action changed. */
  readonly ids: readonly number[];
}

const NEEDS: Readonly<Record<BreakActionInput['action'], Role>> = { assign: 'analyst', comment: 'analyst', resolve: 'approver', reopen: 'approver' };
const VERB: Readonly<Record<BreakActionInput['action'], string>> = { assign: 'Assigning', comment: 'Commenting on', resolve: 'Resolving', reopen: 'Reopening' };

export async function actOnBreaks({ app, actor, correlationId = null, action }: {
  app: App; actor: Actor; correlationId?: string | null; action: BreakActionInput;
}): Promise<Outcome<BreakActionResult>> {
  const needed = NEEDS[action.action];
  if (!roleAtLeast(actor.role, needed)) {
    return refuse('forbidden', `needs-${needed}`, `${VERB[action.action]} breaks needs the ${needed} role; you are ${actor.role}. Ask an ${needed} or an admin.`);
  }
  if (!actor.id) return refuse('forbidden', 'no-user', 'Sign in as a named user: break reviews are attributed to a person.');
  const comment = 'comment' in action ? action.comment?.trim() || undefined : undefined;
  if (action.action === 'resolve' && action.reason === 'other' && !comment) {
    return refuse('invalid', 'comment-required', 'Resolving with reason "Other" needs a comment that explains it.', 'comment');
  }
  if (action.action === 'assign' && action.assigneeId) {
    const assignable = await app.repos.breakReview.assignableUsers();
    if (!assignable.some((u) => u.id === action.assigneeId)) {
      return refuse('invalid', 'not-assignable', 'That person cannot hold breaks: pick an active analyst, approver or admin.', 'assigneeId');
    }
  }
  const ids = [...new Set(action.ids)].sort((a, b) => a - b);
  return inTransaction({ db: app.db, work: async (repos) => {
    const found = await repos.breakReview.lock({ ids });
    if (found.length !== ids.length) {
      const known = new Set(found.map((b) => b.id));
      const missing = ids.filter((id) => !known.has(id));
      return refuse<BreakActionResult>('not-found', 'no-break', `No break${missing.length > 1 ? 's' : ''} ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}; reload the grid and try again.`, 'ids');
    }
    let changed = ids;
    switch (action.action) {
      case 'assign': await repos.breakReview.assign({ ids, assigneeId: action.assigneeId }); break;
      case 'comment': break;
      case 'resolve': await repos.breakReview.resolve({ ids, reason: action.reason, by: actor.id }); break;
      case 'reopen': {
        changed = found.filter((b) => b.status === 'resolved').map((b) => b.id);
        if (changed.length === 0) return refuse<BreakActionResult>('conflict', 'not-resolved', 'None of these breaks is resolved, so there is nothing to reopen.', 'ids');
        await repos.breakReview.reopen({ ids: changed });
        break;
      }
    }
    if (comment) await repos.breakReview.addComments({ ids: changed, authorId: actor.id, body: comment });
    const touched = new Set(changed);
    const before: Record<string, number> = {};
    const reopened: Record<string, number> = {};
    for (const b of found) {
      if (!touched.has(b.id)) continue;
      before[b.status] = (before[b.status] ?? 0) + 1;
      const next = b.assigneeId ? 'assigned' : 'open';
      reopened[next] = (reopened[next] ?? 0) + 1;
    }
    await repos.audit.append({
      actor: actorLabel(actor), action: `break.${action.action}`, correlationId,
      entity: changed.length === 1 ? `break:${changed[0]}` : `breaks:${changed.length}`,
      summary: {
        count: changed.length, ids: changed, runs: [...new Set(found.map((b) => b.runId))],
        before: { status: before }, after: action.action === 'reopen' ? { status: reopened, reason: null } : afterOf(action),
        ...(comment ? { comment } : {}),
      },
    });
    return succeed<BreakActionResult>({ action: action.action, ids: changed });
  } });
}

function afterOf(action: BreakActionInput): Record<string, unknown> {
  switch (action.action) {
    case 'assign': return { assigneeId: action.assigneeId, status: action.assigneeId ? 'assigned' : 'open' };
    case 'resolve': return { status: 'resolved', reason: action.reason };
    case 'reopen': case 'comment': return {};
  }
}
