/** What the preview engine takes and gives. */
import type { Diagnostic } from '../../runtime/formula/diagnostics';
import type { Scalar } from '../../runtime/formula/library/values';
import type { ValueType } from '../../runtime/formula/program';
import type { SandboxError } from '../../runtime/sandbox/sandbox-error';
import type { Table } from '../../runtime/table/table';
import type { TemplateDraft } from '../editor/template-draft';
import type { ColumnSummary } from './column-summary';
import type { RowSelection } from './row-selection';

export interface PreviewInput {
  readonly template: TemplateDraft;
  /** The source whose mappings and validations are previewed. */
  readonly source: string;
  /** The source's sample rows; undefined until a sample is loaded ("no data yet"). */
  readonly table?: Table;
  readonly selection: RowSelection;
  /** YYYY-MM-DD: what TODAY() returns, as in a run. */
  readonly businessDate: string;
  /** What NOW() returns; the business date at 00:00 by default, as in a run. */
  readonly now?: Date;
}

interface FormulaPreview {
  readonly formula: string;
  /** The checker's findings on this formula (errors and warnings), with spans and did-you-mean suggestions. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * - `no-data`: the formula checks, but there are no sample rows to run it on yet;
 * - `error`: the formula does not compile (see diagnostics);
 * - `blocked`: it reads a target that has an error or failed;
 * - `failed`: the sandbox stopped it (time or memory limit; see failure);
 * - `ok`: values computed.
 */
export type PreviewStatus = 'no-data' | 'error' | 'blocked' | 'failed' | 'ok';

export type TargetPreview = FormulaPreview & { readonly target: string; readonly type?: ValueType } & (
  | { readonly status: 'no-data' | 'error' }
  | { readonly status: 'failed'; readonly failure: SandboxError }
  | {
      readonly status: 'ok';
      /** Raw values, one per previewed row (per computed row in a partial result). */
      readonly values: readonly Scalar[];
      /** Row `row`'s value as the grid shows it, made on demand. */
      display(row: number): string;
      /** Every value as the grid shows it; made (once) when first read. */
      readonly text: readonly string[];
      readonly summary: ColumnSummary;
    }
);

export type ValidationPreview = FormulaPreview & { readonly name: string; readonly severity: 'error' | 'warning' | 'info' } & (
  | { readonly status: 'no-data' | 'error' }
  | { readonly status: 'blocked'; readonly blockedBy: readonly string[] }
  | { readonly status: 'failed'; readonly failure: SandboxError }
  | {
      readonly status: 'ok';
      /** Sample-table indices of the previewed rows where the check is not TRUE. */
      readonly failingRows: Int32Array;
      readonly failing: number;
    }
);

export interface PreviewResult {
  readonly source: string;
  /** Sample-table index of each previewed row, in order; empty without a sample. */
  readonly rows: Int32Array;
  /** The previewed rows themselves (a view of the sample): the grid's source columns. */
  readonly table?: Table;
  /** In mapping order. */
  readonly targets: readonly TargetPreview[];
  /** The validations that run on this source, in template order. */
  readonly validations: readonly ValidationPreview[];
  /**
   * False for the partial result a run over many rows publishes first: values, summaries and
   * failing rows cover the first `computedRows` rows only (the rest follow in a complete result).
   */
  readonly complete: boolean;
  readonly computedRows: number;
  /** Why the selection gave no rows (e.g. the validation it names does not compute). */
  readonly selectionProblem?: string;
  /** Why the run context could not be built (e.g. a malformed reference table); formulas ran without tables. */
  readonly contextProblem?: string;
  readonly stats: PreviewStats;
}

export interface PreviewStats {
  /** Programs run in the sandbox for this result; the rest came from the cache. */
  readonly programsRun: number;
  readonly programsCached: number;
  readonly compileMs: number;
  readonly sandboxMs: number;
  readonly totalMs: number;
}

export interface PreviewState {
  /** `scheduled`: an edit waits for the debounce; `running`: the sandbox is at work; `idle`: the result is current. */
  readonly phase: 'idle' | 'scheduled' | 'running';
  /** The latest applied result; never one older than an applied one. */
  readonly result?: PreviewResult;
}
