import type { Finding } from '../finding';
import type { RunStage } from '../runner/progress';
import { runSummary } from '../runner/run-outputs';
import type { RunResult } from '../runner/run-template';
import type { NwaySummary, ReconSummary } from '../recon/types';
import type { Template } from '../template/schema';

/**
 * What a server run stores as its summary: the CLI's summary.json (counts per source, findings
 * by severity, the match summary, durations, input hashes) with the findings capped, so a file
 * with a million bad rows still stores a readable summary; `findingsTotal` keeps the true count.
 */
export const MAX_STORED_FINDINGS = 1000;

export interface StoredRunSummary {
  readonly ok: boolean;
  readonly template: { readonly name: string; readonly kind: string; readonly schemaVersion: number; readonly sha256: string };
  readonly businessDate: string;
  readonly inputs: readonly { readonly source: string; readonly files: readonly { readonly name: string; readonly sha256: string; readonly sizeBytes: number }[] }[];
  readonly counts: {
    readonly sources: Readonly<Record<string, { readonly rows: number; readonly mapped: number; readonly validationFailures: Readonly<Record<string, number>> }>>;
    readonly findings: { readonly error: number; readonly warning: number; readonly info: number };
  };
  /** Recon and N-way templates: the number of breaks and the engine's summary. */
  readonly match?: {
    readonly breaks: number;
    readonly summary: ReconSummary | NwaySummary;
    /** Key part names and compared fields in template order (jsonb keeps no object key order). */
    readonly keyNames: readonly string[];
    readonly fields: readonly string[];
  };
  /** Per stage, plus `store` (writing the results) and `total`. */
  readonly durationsMs: Readonly<Partial<Record<RunStage | 'store' | 'total', number>>>;
  readonly findings: readonly Finding[];
  readonly findingsTotal: number;
}

export function storedRunSummary({ result, template, businessDate, extraDurations = {} }: {
  result: RunResult; template: Template; businessDate: string; extraDurations?: Partial<Record<'store' | 'total', number>>;
}): StoredRunSummary {
  const summary = runSummary({ result, template, businessDate });
  return {
    ...summary,
    match: summary.match && result.match && {
      breaks: summary.match.breaks, summary: summary.match.summary as ReconSummary | NwaySummary,
      keyNames: result.match.keyNames, fields: result.match.fields,
    },
    durationsMs: { ...summary.durationsMs, ...extraDurations },
    findings: summary.findings.slice(0, MAX_STORED_FINDINGS),
    findingsTotal: summary.findings.length,
  };
}

/**
 * Why a run could not complete, from its error findings: a source that could not be read or
 * mapped, or a match that could not be made. Null when it completed (breaks are a result).
 */
export function runFailure({ result, template }: { result: RunResult; template: Template }): string | null {
  const completed = result.sources.every((s) => s.mapped) && (template.kind === 'mapping' || result.match !== undefined);
  if (completed) return null;
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return 'The run stopped before producing a result, without saying why; start it again, and report it if it repeats.';
  const shown = errors.slice(0, 5).map((f) => `${f.location.source}${f.location.row ? ` row ${f.location.row}` : ''}: ${f.message}`);
  return `${shown.join('\n')}${errors.length > 5 ? `\n… and ${errors.length - 5} more errors in the run summary.` : ''}`;
}
