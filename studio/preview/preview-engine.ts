/**
 * The live preview: give it the draft, the source, its sample and a row selection, and it keeps
 * a result computed in the sandbox (a Web Worker in the browser) while the analyst edits.
 *
 * Scheduling: an update waits `debounceMs` for more (keystrokes coalesce into one run); a newer
 * update supersedes an older one at once: the older run's unsent batches are dropped and its
 * result is never applied, so results only ever move forward. A stuck sandbox is restarted by
 * the client (sandbox-client.ts). Programs whose text and data are unchanged are not rerun.
 */
import type { RunContext } from '../../runtime/formula/program';
import { runContextFor } from '../../runtime/template/run-context';
import type { Template } from '../../runtime/template/schema';
import type { Table } from '../../runtime/table/table';
import { FormulaCompiler } from './compile-one';
import { computePreview, NeedsRun, type Computed } from './compute-preview';
import { PreviewCache } from './preview-cache';
import type { PreviewInput, PreviewResult, PreviewState } from './preview-types';
import { firstRows, pickRows, selectionKey, type RowSubset } from './row-selection';
import { PreviewCancelled, type PreviewSandbox } from './sandbox-client';
import { PublishedState } from './published-state';

export interface PreviewEngineOptions {
  readonly sandbox: PreviewSandbox;
  /** Quiet time after an update before it runs. Default 80 ms; 0 runs at the end of the current task. */
  readonly debounceMs?: number;
  /** Error rows listed per target in its summary. Default 20. */
  readonly maxErrorRows?: number;
  /**
   * Past this many rows, a run first previews this many (what the grid shows first) and
   * publishes that as a partial result, then the rest. Default 1000; 0 turns it off.
   */
  readonly headRows?: number;
}

export interface PreviewEngine {
  /** Changes what is previewed (any subset of the input); runs after the debounce. */
  update(input: Partial<PreviewInput>): void;
  /** Runs any pending update now; resolves with the state once nothing is pending. */
  flush(): Promise<PreviewState>;
  /** Resolves with the state once nothing is scheduled or running. */
  settled(): Promise<PreviewState>;
  readonly state: PreviewState;
  /** Svelte store contract: `fn` now and on every change of state. */
  subscribe(fn: (state: PreviewState) => void): () => void;
  dispose(): void;
}

export function createPreviewEngine({ sandbox, debounceMs = 80, maxErrorRows = 20, headRows = 1_000 }: PreviewEngineOptions): PreviewEngine {
  let input: Partial<PreviewInput> = {};
  const published = new PublishedState<PreviewState>({ phase: 'idle' }, (s) => s.phase === 'idle');
  const cache = new PreviewCache();
  const compiler = new FormulaCompiler();
  let version = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let microtask = false;
  let running: AbortController | undefined;
  let disposed = false;
  // Data identity: cache keys change when the sample or run context does.
  let dataEpoch = 0;
  let context: { key: string; refs: unknown; value: RunContext; problem?: string } | undefined;
  let identity: Int32Array | undefined;
  /** Rows of the failing selection, fixed when it was chosen so they stay while the analyst fixes them. */
  let frozen: { key: string; id: number; epoch: number; rows?: Int32Array; problem?: string } | undefined;
  let frozenCount = 0;

  const settled = () => published.settled();
  const publish = (next: PreviewState) => published.publish(next);

  function schedule() {
    if (disposed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (published.value.phase !== 'scheduled') publish({ ...published.value, phase: 'scheduled' });
    if (debounceMs > 0) timer = setTimeout(start, debounceMs);
    else if (!microtask) {
      microtask = true;
      queueMicrotask(() => {
        microtask = false;
        start();
      });
    }
  }

  function start() {
    timer = undefined;
    if (disposed) return;
    running?.abort();
    const controller = (running = new AbortController());
    const mine = version;
    publish({ ...published.value, phase: 'running' });
    const current = () => mine === version && !controller.signal.aborted;
    compute(controller.signal, (partial) => { if (current()) publish({ phase: 'running', result: partial }); }).then(
      (result) => {
        if (!current()) return; // stale: a newer run owns the state
        running = undefined;
        publish({ phase: 'idle', result });
      },
      (e: unknown) => {
        if (e instanceof PreviewCancelled || !current()) return;
        running = undefined;
        publish({ ...published.value, phase: 'idle' });
        throw e;
      },
    );
  }

  /** One RunContext object while its inputs stay: the sandbox keeps compiled programs per context object. */
  function runContext(): { value: RunContext; problem?: string } {
    const { template, businessDate = '', now } = input;
    const key = `${businessDate}\u0000${now?.toISOString() ?? ''}`;
    const refs = template?.referenceTables;
    if (context && context.key === key && context.refs === refs) return context;
    let value: RunContext;
    let problem: string | undefined;
    try {
      value = runContextFor({ businessDate, now, referenceTables: refs as Template['referenceTables'] });
    } catch (e) {
      problem = `${e instanceof Error ? e.message : String(e)}; the preview ran without TODAY() and reference tables.`;
      value = Object.freeze({ today: 0, now: 0, tables: {} });
    }
    dataEpoch++;
    context = { key, refs, value, problem };
    return context;
  }

  async function subsetFor(table: Table, signal: AbortSignal, ctx: RunContext): Promise<{ subset: RowSubset; dataKey: string; problem?: string }> {
    const selection = input.selection ?? { mode: 'all' };
    const all = (): RowSubset => ({ rows: (identity ??= Int32Array.from({ length: table.rowCount }, (_, i) => i)), table });
    if (selection.mode === 'first') return { subset: firstRows(table, selection.n), dataKey: `${dataEpoch}|first:${selection.n}` };
    if (selection.mode === 'all') return { subset: all(), dataKey: `${dataEpoch}|all` };
    const key = selectionKey(selection);
    if (!frozen || frozen.key !== key || frozen.epoch !== dataEpoch) {
      const full = await computePreview({ ...common(ctx, signal), subset: all(), dataKey: `${dataEpoch}|all` });
      const v = full.validations.find((x) => x.name === selection.validation);
      const id = ++frozenCount;
      frozen = v?.status === 'ok'
        ? { key, id, epoch: dataEpoch, rows: v.failingRows }
        : { key, id, epoch: dataEpoch, problem: v ? `Validation \`${v.name}\` gives no result to pick rows by (${v.status}): fix it first.` : `There is no validation \`${selection.validation}\` on source \`${input.source}\`.` };
    }
    return { subset: pickRows(table, frozen.rows ?? new Int32Array(0)), dataKey: `${dataEpoch}|${key}#${frozen.id}`, problem: frozen.problem };
  }

  const common = (ctx: RunContext, signal: AbortSignal) => ({
    template: input.template!, source: input.source!, context: ctx, sandbox, cache, compiler, signal, maxErrorRows,
  });

  async function compute(signal: AbortSignal, partial: (result: PreviewResult) => void): Promise<PreviewResult> {
    const { template, source, table } = input;
    if (!template || source === undefined) throw new TypeError('The preview needs a template and a source: call update({ template, source, … }).');
    const ctx = runContext();
    const picked = table ? await subsetFor(table, signal, ctx.value) : undefined;
    const dataKey = picked?.dataKey ?? `${dataEpoch}|none`;
    const assemble = (computed: Computed, computedRows?: number): PreviewResult => ({
      source, rows: picked?.subset.rows ?? new Int32Array(0), table: picked?.subset.table,
      targets: computed.targets, validations: computed.validations, stats: computed.stats,
      complete: computedRows === undefined, computedRows: computedRows ?? picked?.subset.rows.length ?? 0,
      ...(picked?.problem ? { selectionProblem: picked.problem } : {}),
      ...(ctx.problem ? { contextProblem: ctx.problem } : {}),
    });
    const whole = { ...common(ctx.value, signal), subset: picked?.subset, dataKey };
    if (picked && headRows > 0 && picked.subset.rows.length > headRows) {
      // Many rows: unless all is cached, the rows on screen first, then the rest.
      try {
        return assemble(await computePreview({ ...whole, onlyCached: true }));
      } catch (e) {
        if (!(e instanceof NeedsRun)) throw e;
      }
      const head: RowSubset = { rows: picked.subset.rows.subarray(0, headRows), table: firstRows(picked.subset.table, headRows).table };
      partial(assemble(await computePreview({ ...whole, subset: head, dataKey: `${dataKey}|head`, headOf: dataKey }), headRows));
    }
    return assemble(await computePreview(whole));
  }

  return {
    update(next) {
      if (next.table !== undefined && next.table !== input.table) {
        dataEpoch++;
        identity = undefined;
        cache.clear();
      }
      if ('table' in next && next.table === undefined && input.table) dataEpoch++;
      if (next.selection && (!input.selection || selectionKey(next.selection) !== selectionKey(input.selection))) frozen = undefined;
      input = { ...input, ...next };
      version++;
      schedule();
    },
    flush() {
      if (timer !== undefined) {
        clearTimeout(timer);
        start();
      }
      return settled();
    },
    settled,
    get state() {
      return published.value;
    },
    subscribe: (fn) => published.subscribe(fn),
    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
      running?.abort();
      published.close();
    },
  };
}
