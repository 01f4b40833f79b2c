import type { Actor } from '../auth/roles';
import type { RunProgress } from '../runner/progress';
import type { RunStatus } from '../store/schema';

/**
 * The runs this process is working on, by run id: how far each is, and the handle to cancel it.
 * In memory on purpose: progress changes many times a second and matters only while the run
 * lives; the database holds the run's status and results.
 */
export interface LiveProgress extends RunProgress {
  /** Rows mapped so far, over every source (the bar the Runs page draws). */
  readonly rowsDone: number;
}

/** Why a live run is being stopped: a user's cancel, or the server shutting down. */
export type StopReason = { readonly kind: 'cancel'; readonly actor: Actor | string; readonly correlationId?: string | null } | { readonly kind: 'shutdown' };

export interface LiveRun {
  readonly runId: string;
  readonly controller: AbortController;
  progress: LiveProgress | null;
  stop: StopReason | null;
  /** Settles with the run's final status once its results (or failure) are stored. */
  done: Promise<RunStatus>;
}

export interface RunRegistry {
  add(run: LiveRun): void;
  get(runId: string): LiveRun | undefined;
  remove(runId: string): void;
  ids(): string[];
  /** Records a progress report, adding up rows per source. */
  report(runId: string, progress: RunProgress): void;
  /** Stops every live run (shutdown) and waits until each has stored its outcome. */
  stopAll(): Promise<void>;
}

export function createRunRegistry(): RunRegistry {
  const live = new Map<string, LiveRun>();
  const rowsBySource = new Map<string, Map<string, number>>();
  return {
    add(run) {
      live.set(run.runId, run);
      rowsBySource.set(run.runId, new Map());
    },
    get: (runId) => live.get(runId),
    remove(runId) {
      live.delete(runId);
      rowsBySource.delete(runId);
    },
    ids: () => [...live.keys()],
    report(runId, progress) {
      const run = live.get(runId);
      const rows = rowsBySource.get(runId);
      if (!run || !rows) return;
      if (progress.unit === 'rows' && progress.stage === 'map' && progress.source) rows.set(progress.source, Math.max(rows.get(progress.source) ?? 0, progress.done));
      let rowsDone = 0;
      for (const n of rows.values()) rowsDone += n;
      run.progress = { ...progress, rowsDone };
    },
    async stopAll() {
      const runs = [...live.values()];
      for (const run of runs) {
        run.stop ??= { kind: 'shutdown' };
        run.controller.abort(new Error('The server is shutting down.'));
      }
      await Promise.allSettled(runs.map((r) => r.done));
    },
  };
}
