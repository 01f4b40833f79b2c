/**
 * The live match rate of the template editor: the real recon engine over every match source's
 * sample, mapped and keyed as a server run would (live-match-runner-tables.ts), in the same
 * sandbox client as the formula preview.
 *
 * The match is secondary to the formula preview, which must stay instant: updates wait
 * `debounceMs` for more, and the sandbox takes requests one at a time, so the preview's batches
 * interleave with these. A newer update supersedes a running one at once (its unsent batches are
 * dropped, its result never published). Program results are cached by program text and sample,
 * so editing a rule or an option reruns only the engine. Errors are states, never exceptions.
 */
import type { RunContext } from '../../runtime/formula/program';
import type { Table } from '../../runtime/table/table';
import { runContextFor } from '../../runtime/template/run-context';
import type { Template } from '../../runtime/template/schema';
import type { TemplateDraft } from '../editor/template-draft';
import { FormulaCompiler } from '../preview/compile-one';
import { PreviewCache } from '../preview/preview-cache';
import { PublishedState } from '../preview/published-state';
import { PreviewCancelled, type PreviewSandbox } from '../preview/sandbox-client';
import { computeLiveMatch, isLiveMatch, type LiveMatch, type LiveMatchError } from '../rules/live-match';
import { matchSourceTables, type ProgramResults } from './live-match-runner-tables';
import { templateForMatch } from './live-match-runner-template';

/** What the Match panel shows: figures, 'pending' while the first figures compute, an error, or nothing (no samples yet, or a mapping template). */
export type LiveMatchState = LiveMatch | 'pending' | LiveMatchError | undefined;

export interface LiveMatchUpdate {
  readonly template: TemplateDraft;
  /** Per source name: its sample, undefined until one is loaded. */
  readonly samples: Readonly<Record<string, Table | undefined>>;
  /** YYYY-MM-DD: what TODAY() returns, as in a run. */
  readonly businessDate: string;
}

export interface LiveMatchRunner {
  /** The latest draft, samples and business date; matched after the debounce. */
  update(input: LiveMatchUpdate): void;
  readonly state: LiveMatchState;
  /** Svelte store contract: `fn` now and on every change of state. */
  subscribe(fn: (state: LiveMatchState) => void): () => void;
  /** Resolves with the state once nothing is scheduled or running. */
  settled(): Promise<LiveMatchState>;
  dispose(): void;
}

export function createLiveMatchRunner({ sandbox, debounceMs = 250 }: { sandbox: PreviewSandbox; debounceMs?: number }): LiveMatchRunner {
  const published = new PublishedState<LiveMatchState>(undefined, () => !busy(), (next, now) => next === now || (isError(next) && isError(now) && next.error === now.error));
  const cache = new PreviewCache();
  const compiler = new FormulaCompiler();
  const programs: ProgramResults = new Map();
  const tableIds = new WeakMap<Table, number>();
  let nextTableId = 0;
  let context: { key: string; refs: unknown; value: RunContext; epoch: number } | undefined;
  let contexts = 0;
  let work: { template: Template; update: LiveMatchUpdate } | undefined;
  let version = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: AbortController | undefined;
  let disposed = false;

  const busy = () => timer !== undefined || running !== undefined;
  const publish = (next: LiveMatchState) => published.publish(next);

  function stop() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    running?.abort();
    running = undefined;
  }

  function start() {
    timer = undefined;
    if (disposed || !work) return;
    const controller = (running = new AbortController());
    const mine = version;
    const current = () => mine === version && !controller.signal.aborted;
    compute(work, controller.signal).then(
      (result) => {
        if (!current()) return; // stale: a newer update owns the state
        running = undefined;
        publish(result);
      },
      (e: unknown) => {
        if (!current()) return;
        running = undefined;
        publish(e instanceof PreviewCancelled ? published.value : { error: `The live match stopped: ${e instanceof Error ? e.message : String(e)}` });
      },
    );
  }

  /** One RunContext object while its inputs stay: the sandbox keeps compiled programs per context object. */
  function contextFor(update: LiveMatchUpdate, template: Template): { value: RunContext; epoch: number } {
    const refs = update.template.referenceTables;
    if (context && context.key === update.businessDate && context.refs === refs) return context;
    const value = runContextFor({ businessDate: update.businessDate, referenceTables: template.referenceTables });
    context = { key: update.businessDate, refs, value, epoch: ++contexts };
    return context;
  }

  async function compute({ template, update }: { template: Template; update: LiveMatchUpdate }, signal: AbortSignal): Promise<LiveMatchState> {
    const match = template.match!;
    let ctx: { value: RunContext; epoch: number };
    try {
      ctx = contextFor(update, template);
    } catch (e) {
      return { error: `${e instanceof Error ? e.message : String(e)}: set the business date under the grid.` };
    }
    const sources: Record<string, Table> = {};
    const findings = [];
    let ruleSetIndex: Int32Array | undefined;
    for (const [i, name] of match.sources.entries()) {
      const table = update.samples[name]!;
      const id = tableIds.get(table) ?? (tableIds.set(table, ++nextTableId), nextTableId);
      const prepared = await matchSourceTables({
        template, source: name, table, dataKey: `${ctx.epoch}|${id}`, context: ctx.value, bookOfRecord: i === 0,
        sandbox, cache, compiler, programs, signal,
      });
      if ('error' in prepared) return prepared;
      sources[name] = prepared.table;
      findings.push(...prepared.findings);
      if (i === 0) ruleSetIndex = prepared.ruleSetIndex;
    }
    const live = computeLiveMatch({ template, sources, ruleSetIndex });
    return isLiveMatch(live) && findings.length ? { ...live, findings: [...findings, ...live.findings] } : live;
  }

  return {
    update(update) {
      if (disposed) return;
      version++;
      stop();
      const ready = templateForMatch(update);
      if (!('template' in ready)) {
        work = undefined;
        return publish(ready.state);
      }
      work = { template: ready.template, update };
      timer = setTimeout(start, debounceMs);
      // Figures stay up while new ones compute (no flicker per keystroke); otherwise say it is coming.
      if (!isLiveMatch(published.value)) publish('pending');
    },
    get state() {
      return published.value;
    },
    subscribe: (fn) => published.subscribe(fn),
    settled: () => published.settled(),
    dispose() {
      disposed = true;
      stop();
      published.close();
    },
  };
}

const isError = (s: LiveMatchState): s is LiveMatchError => typeof s === 'object' && s !== null && 'error' in s;
