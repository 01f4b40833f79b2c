import type { App } from '../app/open-app';
import { refuse, succeed, type Outcome } from '../app/outcome';
import { actorLabel, roleAtLeast, type Actor } from '../auth/roles';
import { inTransaction } from '../store/index';
import { isSettled } from '../store/repositories/runs';
import type { RunStatus } from '../store/schema';

/**
 * Cancels a queued or running run: its work stops, no breaks are stored, the status becomes
 * cancelled and the audit log says who cancelled it. Waits until the run has settled, so the
 * answer is the final status. A run this process is not working on (another server's, or a
 * dead one's) is cancelled in the database; if its process is alive, its finish then fails to
 * settle the run and rolls its results back.
 */
export async function cancelRun({ app, actor, runId, correlationId = null }: {
  app: App; actor: Actor; runId: string; correlationId?: string | null;
}): Promise<Outcome<{ runId: string; status: RunStatus }>> {
  if (!roleAtLeast(actor.role, 'analyst')) return refuse('forbidden', 'needs-analyst', `Cancelling a run needs the analyst role; you are ${actor.role}. Ask an admin for access.`);
  const run = await app.repos.runs.get({ id: runId });
  if (!run) return refuse('not-found', 'no-run', 'No run with that id; pick one from the Runs page.', 'runId');
  if (isSettled(run.status)) return finished(run.status);
  const live = app.runRegistry.get(runId);
  if (live) {
    live.stop ??= { kind: 'cancel', actor, correlationId };
    live.controller.abort(new Error('Cancelled by the user.'));
    const status = await live.done;
    return status === 'cancelled' ? succeed({ runId, status }) : finished(status);
  }
  const cancelled = await inTransaction({ db: app.db, work: async (repos) => {
    if (!(await repos.runs.cancel({ id: runId }))) return false;
    await repos.audit.append({
      actor: actorLabel(actor), action: 'run.cancel', entity: `run:${runId}`, correlationId,
      summary: { before: { status: run.status }, after: { status: 'cancelled' } },
    });
    return true;
  } });
  if (cancelled) return succeed({ runId, status: 'cancelled' });
  return finished((await app.repos.runs.get({ id: runId }))?.status ?? 'failed');
}

function finished(status: RunStatus): Outcome<never> {
  return refuse('conflict', 'run-finished', `The run has already ${status === 'succeeded' ? 'finished' : status === 'failed' ? 'failed' : 'been cancelled'}; only a queued or running run can be cancelled. Its results are kept as they are.`, 'runId');
}
