import type { App } from '../app/open-app';
import { actorLabel } from '../auth/roles';
import { fileSource } from '../ingest/byte-source';
import type { ByteSource } from '../ingest/reader';
import { readerRegistry } from '../ingest/registry';
import type { Break, NwayBreak } from '../recon/types';
import { runTemplate, type RunResult } from '../runner/run-template';
import { inTransaction } from '../store/index';
import { filePath } from '../store/file-store';
import type { RunInputFile } from '../store/repositories/runs';
import type { RunStatus } from '../store/schema';
import type { Template } from '../template/schema';
import { toNewBreaks } from './break-rows';
import type { LiveRun } from './run-registry';
import { runFailure, storedRunSummary } from './run-summary';
import { HEARTBEAT_MS, SERVER_STOPPED } from './stale-runs';

/**
 * A run's background work: read the stored datasets, run the template in the app's sandbox
 * pool, and store the outcome in one transaction: breaks, summary, final status and audit
 * entry together, so a crash leaves no half-written results. Nothing here may escape: every
 * error ends as a failed run and a log line, never as a dead server.
 */
export interface LaunchRunInput {
  readonly app: App;
  readonly runId: string;
  readonly template: Template;
  readonly files: readonly RunInputFile[];
  readonly businessDate: string;
  /** The starting request's id, so the finish and failure entries link to it. */
  readonly correlationId: string | null;
}

/** A problem with the run's inputs that the user can fix; its message is shown as is. */
class RunInputError extends Error {}

export function launchRun(input: LaunchRunInput): LiveRun {
  const { app, runId } = input;
  const live: LiveRun = { runId, controller: new AbortController(), progress: null, stop: null, done: Promise.resolve('queued') };
  app.runRegistry.add(live);
  live.done = (async (): Promise<RunStatus> => {
    const heartbeat = setInterval(() => void app.repos.runs.heartbeat({ id: runId }).catch(() => {}), HEARTBEAT_MS);
    heartbeat.unref();
    try {
      const status = await execute(input, live);
      app.logger.info({ runId, status }, 'run settled');
      return status;
    } catch (err) {
      const status = await settleAfterError(input, live, err);
      app.logger.info({ runId, status }, 'run settled');
      return status;
    } finally {
      clearInterval(heartbeat);
      app.runRegistry.remove(runId);
    }
  })();
  return live;
}

async function execute(input: LaunchRunInput, live: LiveRun): Promise<RunStatus> {
  const { app, runId, template } = input;
  const started = performance.now();
  if (!(await app.repos.runs.setRunning({ id: runId }))) return (await app.repos.runs.get({ id: runId }))?.status ?? 'failed';
  const signal = live.controller.signal;
  const inputs: Record<string, ByteSource[]> = {};
  for (const f of input.files) {
    signal.throwIfAborted();
    (inputs[f.source] ??= []).push(await storedSource({ app, file: f }));
  }
  const result = await runTemplate({
    template, inputs, businessDate: input.businessDate, signal,
    readerFor: (format) => readerRegistry.byFormat(format), pool: app.sandboxPool(),
    onProgress: (p) => app.runRegistry.report(runId, p),
  });
  signal.throwIfAborted();
  const failure = runFailure({ result, template });
  const storing = performance.now();
  const summaryOf = () => storedRunSummary({
    result, template, businessDate: input.businessDate,
    extraDurations: { store: Math.round(performance.now() - storing), total: Math.round(performance.now() - started) },
  });
  if (failure) return settle(input, 'failed', { error: failure, summary: summaryOf() });
  const breaks = result.match ? toNewBreaks({ breaks: result.match.breaks as readonly (Break | NwayBreak)[], sources: template.match!.sources, fileNames: result.fileNames }) : [];
  return inTransaction({ db: app.db, work: async (repos) => {
    await repos.breaks.insertMany({ runId, breaks });
    const summary = summaryOf();
    // Settled meanwhile (cancelled from another process, or failed by the stale sweep): roll the breaks back.
    if (!(await repos.runs.finish({ id: runId, summary }))) throw new RunSettledElsewhere();
    await repos.audit.append({
      actor: 'system', action: 'run.finish', entity: `run:${runId}`, correlationId: input.correlationId,
      summary: { before: { status: 'running' }, after: { status: 'succeeded' }, breaks: breaks.length, counts: countsOf(result), durationsMs: summary.durationsMs },
    });
    return 'succeeded' as const;
  } });
}

class RunSettledElsewhere extends Error {}

const countsOf = (result: RunResult) => ({
  rows: Object.fromEntries(result.sources.map((s) => [s.name, s.rows])),
  findings: result.findings.length,
});

/** The stored bytes of an input dataset, checked against the hash the run recorded. */
async function storedSource({ app, file }: { app: App; file: RunInputFile }): Promise<ByteSource> {
  const source = await fileSource({ filePath: filePath({ dataDir: app.config.dataDir, sha256: file.sha256 }), name: file.name }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw new RunInputError(`The stored file of dataset "${file.name}" (source ${file.source}) is missing from the file store (DATA_DIR/files/${file.sha256.slice(0, 12)}…); upload the file again and start a new run.`);
    throw e;
  });
  if (source.sha256 !== file.sha256) throw new RunInputError(`The stored file of dataset "${file.name}" no longer matches its content hash; it was changed on disk. Upload the file again and start a new run.`);
  return source;
}

async function settle(input: LaunchRunInput, status: 'failed' | 'cancelled', detail: { error?: string; summary?: unknown; actor?: string; correlationId?: string | null }): Promise<RunStatus> {
  const { app, runId } = input;
  return inTransaction({ db: app.db, work: async (repos) => {
    const done = status === 'failed'
      ? await repos.runs.fail({ id: runId, error: detail.error ?? 'The run failed.', summary: detail.summary })
      : await repos.runs.cancel({ id: runId, summary: detail.summary });
    if (!done) return (await repos.runs.get({ id: runId }))?.status ?? status;
    await repos.audit.append({
      actor: detail.actor ?? 'system', action: status === 'failed' ? 'run.fail' : 'run.cancel', entity: `run:${runId}`,
      correlationId: detail.correlationId ?? input.correlationId,
      summary: { before: { status: 'running' }, after: { status }, ...(detail.error ? { error: detail.error } : {}) },
    });
    return status;
  } });
}

async function settleAfterError(input: LaunchRunInput, live: LiveRun, err: unknown): Promise<RunStatus> {
  const { app, runId } = input;
  try {
    if (err instanceof RunSettledElsewhere) return (await app.repos.runs.get({ id: runId }))?.status ?? 'failed';
    const stop = live.stop;
    if (live.controller.signal.aborted && stop?.kind === 'cancel') {
      const actor = typeof stop.actor === 'string' ? stop.actor : actorLabel(stop.actor);
      return await settle(input, 'cancelled', { actor, correlationId: stop.correlationId ?? null });
    }
    if (live.controller.signal.aborted) return await settle(input, 'failed', { error: SERVER_STOPPED });
    if (err instanceof RunInputError) return await settle(input, 'failed', { error: err.message });
    app.logger.error({ err, runId }, 'run failed on an internal error');
    return await settle(input, 'failed', { error: `Something went wrong on the server during the run; the server log has the detail (run ${runId}). Start it again, and report it if it repeats.` });
  } catch (storeErr) {
    // The database itself is failing (or closed): the stale-run sweep fails this run later.
    app.logger.error({ err: storeErr, cause: err, runId }, 'could not record the run outcome');
    return 'failed';
  }
}
