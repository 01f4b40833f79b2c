import type { App } from '../app/open-app';
import { inTransaction } from '../store/index';

/**
 * Runs whose process died (crash, kill, power cut) would stay "running" for ever. A working
 * process touches each of its runs' heartbeat; a run still queued or running whose heartbeat
 * is older than STALE_AFTER_SECONDS, and that this process is not working on, is marked failed
 * with an audit entry. Checked when the app opens and every STALE_SWEEP_MS after.
 */
export const HEARTBEAT_MS = 15_000;
export const STALE_AFTER_SECONDS = 60;
export const STALE_SWEEP_MS = 30_000;
export const SERVER_STOPPED = 'The server stopped during the run; start it again.';

export async function failStaleRuns({ app, staleAfterSeconds = STALE_AFTER_SECONDS }: { app: App; staleAfterSeconds?: number }): Promise<string[]> {
  const stale = await app.repos.runs.stale({ seconds: staleAfterSeconds, except: app.runRegistry.ids() });
  const failed: string[] = [];
  for (const run of stale) {
    const done = await inTransaction({ db: app.db, work: async (repos) => {
      if (!(await repos.runs.fail({ id: run.id, error: SERVER_STOPPED }))) return false;
      await repos.audit.append({
        actor: 'system', action: 'run.fail', entity: `run:${run.id}`,
        summary: { before: { status: run.status }, after: { status: 'failed' }, error: SERVER_STOPPED, reason: 'no heartbeat from the process running it' },
      });
      return true;
    } });
    if (done) failed.push(run.id);
  }
  if (failed.length) app.logger.warn({ runs: failed }, 'runs left behind by a stopped server marked failed');
  return failed;
}
