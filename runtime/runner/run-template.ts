/**
 * The runner: template + input files → ingest → mappings and validations (sandbox) → the kind's
 * engine (mapping: the mapped tables are the result; recon/nway plug in through kind-engines)
 * → outputs, findings and lineage. It reports progress and can be cancelled; it throws only for
 * bugs and for a cancelled run, never for a bad file or formula.
 */
import type { Finding } from '../finding';
import type { RunContext } from '../formula/index';
import type { ByteSource, Format, Reader } from '../ingest/reader';
import type { SandboxPool } from '../sandbox/node/pool';
import { concatTables } from '../table/concat-tables';
import type { Table } from '../table/table';
import { runContextFor } from '../template/run-context';
import type { Template } from '../template/schema';
import { mapSource, RunFailure } from './map-source';
import { matchSources, type MatchResult } from './match-sources';
import type { ProgressListener, RunStage } from './progress';

export interface RunTemplateInput {
  readonly template: Template;
  /** Per source name: its files (a folder of confirmations is several). */
  readonly inputs: Readonly<Record<string, readonly ByteSource[]>>;
  readonly readerFor: (format: Format) => Reader | undefined;
  readonly pool: SandboxPool;
  /** YYYY-MM-DD: what TODAY() returns, so a run replays identically. */
  readonly businessDate: string;
  /** What NOW() returns; defaults to the business date at 00:00 so replays stay identical. */
  readonly now?: Date;
  readonly onProgress?: ProgressListener;
  readonly signal?: AbortSignal;
}

export interface SourceResult {
  readonly name: string;
  readonly files: readonly { readonly name: string; readonly sha256: string; readonly sizeBytes: number }[];
  readonly rows: number;
  readonly mapped?: Table;
  readonly validationFailures: Readonly<Record<string, number>>;
}

export interface RunResult {
  /** False when any finding has error severity, or a source could not be read or mapped. */
  readonly ok: boolean;
  readonly sources: readonly SourceResult[];
  readonly findings: readonly Finding[];
  readonly durationsMs: Readonly<Partial<Record<RunStage, number>>>;
  /** Display names of every input file, by content hash, for lineage in outputs. */
  readonly fileNames: ReadonlyMap<string, string>;
  /** Recon and N-way templates: the breaks and the engine's summary. */
  readonly match?: MatchResult;
}

export { runContextFor } from '../template/run-context';

export async function runTemplate(input: RunTemplateInput): Promise<RunResult> {
  const { template, signal } = input;
  const findings: Finding[] = [];
  const durationsMs: Partial<Record<RunStage, number>> = {};
  const fileNames = new Map<string, string>();
  const context: RunContext = runContextFor({ businessDate: input.businessDate, now: input.now, referenceTables: template.referenceTables });
  const timed = async <T>(stage: RunStage, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try { return await work(); } finally { durationsMs[stage] = (durationsMs[stage] ?? 0) + Math.round(performance.now() - started); }
  };

  const read: { name: string; table?: Table; files: SourceResult['files'] }[] = [];
  for (const source of template.sources) {
    signal?.throwIfAborted();
    const files = input.inputs[source.name] ?? [];
    if (files.length === 0) {
      findings.push({ code: 'input-missing', severity: 'error', message: `No input file for source \`${source.name}\`: pass --input ${source.name}=<path>.`, location: { source: source.name } });
      read.push({ name: source.name, files: [] });
      continue;
    }
    const table = await timed('ingest', () => readSource({ input, source, files, findings, fileNames }));
    read.push({ name: source.name, table, files: files.map((f) => ({ name: f.name, sha256: f.sha256, sizeBytes: f.sizeBytes })) });
  }

  const sources: SourceResult[] = [];
  for (const r of read) {
    signal?.throwIfAborted();
    if (!r.table) { sources.push({ name: r.name, files: r.files, rows: 0, validationFailures: {} }); continue; }
    const table = r.table;
    input.onProgress?.({ stage: 'map', source: r.name, unit: 'rows', done: 0, total: table.rowCount });
    try {
      const result = await timed('map', () => mapSource({
        template, source: r.name, table, fileNames, pool: input.pool, context, signal,
        onRows: (stage, done) => input.onProgress?.({ stage, source: r.name, unit: 'rows', done, total: table.rowCount }),
      }));
      findings.push(...result.findings);
      sources.push({ name: r.name, files: r.files, rows: table.rowCount, mapped: result.mapped, validationFailures: result.validationFailures });
    } catch (e) {
      if (!(e instanceof RunFailure)) throw e;
      findings.push({ code: 'sandbox-failed', severity: 'error', message: e.message, location: { source: r.name } });
      sources.push({ name: r.name, files: r.files, rows: table.rowCount, validationFailures: {} });
    }
  }
  let match: MatchResult | undefined;
  if (template.kind !== 'mapping' && sources.every((s) => s.mapped)) {
    signal?.throwIfAborted();
    const tables = new Map(read.flatMap((r) => {
      const mapped = sources.find((s) => s.name === r.name)?.mapped;
      return r.table && mapped ? [[r.name, { table: r.table, mapped }] as const] : [];
    }));
    const rows = [...tables.values()].reduce((n, t) => n + t.table.rowCount, 0);
    input.onProgress?.({ stage: 'match', unit: 'rows', done: 0, total: rows });
    const matched = await timed('match', () => matchSources({ template, sources: tables, pool: input.pool, context, signal }));
    findings.push(...matched.findings);
    if ('breaks' in matched) match = matched;
    input.onProgress?.({ stage: 'match', unit: 'rows', done: rows, total: rows });
  }
  const ok = !findings.some((f) => f.severity === 'error') && sources.every((s) => s.mapped) && (template.kind === 'mapping' || (match !== undefined && match.breaks.length === 0));
  return { ok, sources, findings, durationsMs, fileNames, match };
}

async function readSource({ input, source, files, findings, fileNames }: {
  input: RunTemplateInput; source: Template['sources'][number]; files: readonly ByteSource[]; findings: Finding[]; fileNames: Map<string, string>;
}): Promise<Table | undefined> {
  const reader = input.readerFor(source.format);
  if (!reader) {
    findings.push({ code: 'reader-missing', severity: 'error', message: `No reader for format \`${source.format}\`.`, location: { source: source.name } });
    return undefined;
  }
  const total = files.reduce((n, f) => n + f.sizeBytes, 0);
  let before = 0;
  const tables: Table[] = [];
  for (const file of files) {
    fileNames.set(file.sha256, file.name);
    const result = await reader.read({
      source: file, options: source.options, signal: input.signal,
      onProgress: (bytes) => input.onProgress?.({ stage: 'ingest', source: source.name, unit: 'bytes', done: before + bytes, total }),
    });
    findings.push(...result.findings);
    if (result.table) tables.push(result.table);
    before += file.sizeBytes;
  }
  if (tables.length === 0) return undefined;
  const table = concatTables(tables);
  const present = new Set(table.columns.map((c) => c.name));
  for (const expected of source.columns) {
    if (!present.has(expected.name)) {
      findings.push({ code: 'column-missing', severity: 'error', message: `Source \`${source.name}\` has no column \`${expected.name}\`; its columns are ${[...present].map((c) => `\`${c}\``).join(', ')}. Rename the column in the file or update the template.`, location: { source: files[0].name, column: expected.name } });
    }
  }
  return table;
}
