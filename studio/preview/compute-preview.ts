/**
 * One preview of one source over a subset of its sample rows, computed as the runner computes
 * a run (runtime/runner/map-source.ts): each target from its formula over the source columns,
 * then each validation over the source columns plus the targets (a target shadowing a source
 * column of its name), with the same conversions between Table columns and the sandbox.
 *
 * Unlike a run, each formula compiles and runs on its own: one formula with an error leaves
 * the others previewing, and an edit reruns only the programs whose text changed; the rest
 * come from the cache.
 */
import type { ColumnSpec, ColumnType, CompiledProgram, RunContext, ValueType } from '../../runtime/formula/program';
import type { Scalar } from '../../runtime/formula/library/values';
import { columnFromOutput, toInputColumn } from '../../runtime/table/sandbox-columns';
import type { Column } from '../../runtime/table/table';
import type { TemplateDraft } from '../editor/template-draft';
import { cellDisplay, summarize } from './column-summary';
import { specsKey, type FormulaCompiler } from './compile-one';
import type { PreviewCache, RunEntry } from './preview-cache';
import type { PreviewStats, TargetPreview, ValidationPreview } from './preview-types';
import type { RowSubset } from './row-selection';
import { isTransient, type PreviewSandbox } from './sandbox-client';

export interface ComputeInput {
  readonly template: TemplateDraft;
  readonly source: string;
  /** The rows to preview; undefined without a sample. */
  readonly subset?: RowSubset;
  readonly context: RunContext;
  readonly sandbox: PreviewSandbox;
  readonly cache: PreviewCache;
  readonly compiler: FormulaCompiler;
  /** Identifies the subset's data (sample, rows, run context) in cache keys. */
  readonly dataKey: string;
  /**
   * When the subset is the head of a larger one already (partly) computed under this data key:
   * programs found there are sliced to the head instead of run again.
   */
  readonly headOf?: string;
  /** Compute only from the cache: throws NeedsRun at the first program that would have to run. */
  readonly onlyCached?: boolean;
  readonly signal?: AbortSignal;
  readonly maxErrorRows: number;
}

export interface Computed {
  readonly targets: TargetPreview[];
  readonly validations: ValidationPreview[];
  readonly stats: PreviewStats;
}

/** A target as validations see it: its column, or only its type when it has no values. */
type Mapped = { readonly column: () => Column; readonly type: ColumnType; readonly key: string } | { readonly blocked: true; readonly type: ColumnType };

const SEP = '\u0000';

/** computePreview with `onlyCached` met a program it would have to run. */
export class NeedsRun extends Error {}

export async function computePreview(input: ComputeInput): Promise<Computed> {
  const started = performance.now();
  const { template, source, subset, cache, dataKey, maxErrorRows } = input;
  const stats = { programsRun: 0, programsCached: 0, compileMs: 0, sandboxMs: 0 };
  const tables = tableSpecs(template);
  const tablesKey = JSON.stringify(tables);
  const compile = (name: string, text: string, columns: readonly ColumnSpec[] | undefined) => {
    const t = performance.now();
    const c = input.compiler.compile({ name, text, columns, columnsKey: specsKey(columns), tables, tablesKey });
    stats.compileMs += performance.now() - t;
    return c;
  };
  /** The program's result over the subset: cached under `key` (relative to the data), or run. */
  const run = async (key: string, program: CompiledProgram, columns: readonly Column[]): Promise<RunEntry> => {
    const hit = cache.get(dataKey + SEP + key) ?? headOfCached(key);
    if (hit) {
      stats.programsCached++;
      return hit;
    }
    if (input.onlyCached) throw new NeedsRun();
    const byName = new Map(columns.map((c) => [c.name, c]));
    const t = performance.now();
    const result = await input.sandbox.runProgram({
      program, context: input.context, rows: subset!.table.rowCount, signal: input.signal,
      columns: program.inputs.map((s) => toInputColumn(byName.get(s.name)!)),
    });
    stats.sandboxMs += performance.now() - t;
    stats.programsRun++;
    const entry: RunEntry = result.failures.length ? { failure: result.failures[0].error } : { values: result.columns[0] };
    // A program the sandbox stopped stays stopped (no rerun per keystroke elsewhere); a port given up on is retried.
    if (!result.failures.some((f) => isTransient(f.error))) cache.set(dataKey + SEP + key, entry);
    return entry;
  };
  const headOfCached = (key: string): RunEntry | undefined => {
    const whole = input.headOf === undefined ? undefined : cache.get(input.headOf + SEP + key);
    if (!whole) return undefined;
    const entry: RunEntry = 'values' in whole ? { values: whole.values.slice(0, subset!.table.rowCount) } : whole;
    cache.set(dataKey + SEP + key, entry);
    return entry;
  };

  const sourceColumns: readonly Column[] = subset?.table.columns ?? [];
  const sourceSpecs = subset ? sourceColumns.map((c) => ({ name: c.name, type: c.type })) : declaredSpecs(template, source);
  const targets: TargetPreview[] = [];
  const mapped = new Map<string, Mapped>();
  for (const m of template.mappings?.[source] ?? []) {
    const c = compile(m.target, m.formula, sourceSpecs);
    const base = { target: m.target, formula: m.formula, diagnostics: c.diagnostics, type: c.type };
    if (!c.ok || !c.program || !subset) {
      targets.push({ ...base, status: c.ok ? 'no-data' : 'error' });
      mapped.set(m.target, { blocked: true, type: columnTypeOf(c.type) });
      continue;
    }
    // The emitted text reads inputs by position (`I[0]`): UPPER([MIC]) and UPPER([Symbol]) differ only in their inputs.
    const key = ['t', c.type, c.program.source, c.program.inputs.map((i) => i.name).join('\u0001')].join(SEP);
    const r = await run(key, c.program, sourceColumns);
    if ('failure' in r) {
      targets.push({ ...base, status: 'failed', failure: r.failure });
      mapped.set(m.target, { blocked: true, type: columnTypeOf(c.type) });
      continue;
    }
    const type = c.type ?? 'any';
    const values = r.values;
    const cached = dataKey + SEP + key;
    const summary = cache.view(cached, 'summary', () => summarize({ values, type, rows: subset.rows, rowNumbers: subset.table.origin.rowNumbers, maxErrorRows }));
    targets.push(okTarget({ ...base, values, summary }, type));
    // As the runner hands targets to validations: a Table column of the formula's type (made when one reads it).
    const column = () => cache.view(cached, 'column', () => columnFromOutput({ name: m.target, type, values }));
    mapped.set(m.target, { column, type: columnFromOutputType(type, values), key });
  }

  const visibleSource = sourceColumns.filter((c) => !mapped.has(c.name));
  const visibleSpecs: ColumnSpec[] | undefined = sourceSpecs && [
    ...sourceSpecs.filter((c) => !mapped.has(c.name)),
    ...[...mapped].map(([name, m]) => ({ name, type: m.type })),
  ];
  const validations: ValidationPreview[] = [];
  for (const v of (template.validations ?? []).filter((x) => (x.source ?? template.sources[0]?.name) === source)) {
    const c = compile(v.name, v.formula, visibleSpecs);
    const base = { name: v.name, formula: v.formula, severity: v.severity ?? 'error', diagnostics: c.diagnostics } as const;
    if (!c.ok || !c.program || !subset) {
      validations.push({ ...base, status: c.ok ? 'no-data' : 'error' });
      continue;
    }
    const blockedBy = c.program.inputs.map((i) => i.name).filter((n) => { const m = mapped.get(n); return m !== undefined && 'blocked' in m; });
    if (blockedBy.length) {
      validations.push({ ...base, status: 'blocked', blockedBy });
      continue;
    }
    // Keyed by the keys of the targets it reads: their values decide its result.
    const inputsKey = c.program.inputs.map((i) => { const m = mapped.get(i.name); return m && 'key' in m ? m.key : `source:${i.name}`; }).join('\u0001');
    const key = ['v', c.program.source, inputsKey].join(SEP);
    const reads = new Set(c.program.inputs.map((i) => i.name));
    const columns = [...visibleSource, ...[...mapped].flatMap(([name, m]) => (reads.has(name) && 'column' in m ? [m.column()] : []))];
    const r = await run(key, c.program, columns);
    if ('failure' in r) validations.push({ ...base, status: 'failed', failure: r.failure });
    else {
      const failingRows = cache.view(dataKey + SEP + key, 'failing', () => failingOf(r.values, subset.rows));
      validations.push({ ...base, status: 'ok', failingRows, failing: failingRows.length });
    }
  }
  return { targets, validations, stats: { ...stats, totalMs: performance.now() - started } };
}

function okTarget(t: Omit<Extract<TargetPreview, { status: 'ok' }>, 'status' | 'display' | 'text'>, type: ValueType): TargetPreview {
  let text: string[] | undefined;
  return {
    ...t,
    status: 'ok',
    display: (row) => cellDisplay(t.values[row], type),
    get text() {
      return (text ??= t.values.map((v) => cellDisplay(v, type)));
    },
  };
}

/** The type of the column columnFromOutput makes: numeric only when every value fits. */
function columnFromOutputType(type: ValueType, values: readonly Scalar[]): ColumnType {
  const numeric = columnTypeOf(type);
  if (numeric === 'text') return 'text';
  const want = numeric === 'boolean' ? 'boolean' : 'number';
  for (const v of values) if (v !== null && typeof v !== want) return 'text';
  return numeric;
}

/** As the runner counts them: anything but TRUE fails. */
function failingOf(values: readonly Scalar[], rows: Int32Array): Int32Array {
  const out: number[] = [];
  values.forEach((v, i) => { if (v !== true) out.push(rows[i]); });
  return Int32Array.from(out);
}

function tableSpecs(template: TemplateDraft): Record<string, readonly string[]> {
  return Object.fromEntries(Object.entries(template.referenceTables ?? {}).filter(([, t]) => Array.isArray(t?.columns)).map(([n, t]) => [n, t.columns]));
}

/** Without a sample, formulas check against the columns the source declares (none: syntax only). */
function declaredSpecs(template: TemplateDraft, source: string): ColumnSpec[] | undefined {
  const declared = template.sources.find((s) => s.name === source)?.columns ?? [];
  return declared.length ? declared.map((c) => ({ name: c.name, type: c.type ?? 'text' })) : undefined;
}

/** The column type a target of static type `t` becomes (runtime/table/sandbox-columns.ts columnFromOutput). */
function columnTypeOf(t: ValueType | undefined): ColumnType {
  return t === 'number' || t === 'date' || t === 'datetime' || t === 'boolean' ? t : 'text';
}
