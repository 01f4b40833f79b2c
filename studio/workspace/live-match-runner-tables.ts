/**
 * One match source's engine input from its sample, computed as a server run computes it
 * (runtime/runner/map-source.ts, then match-sources.ts): the mapped targets; then the key
 * formulas, and on the book of record the rule sets' `when` formulas, over the source columns
 * with the targets shadowing them. The engine sees the targets plus the key columns, exactly as
 * on the server, so a rule on a column nobody mapped fails here as it would in a run.
 *
 * Targets go through the preview's own computePreview (one program per formula, cached); the
 * key and `when` formulas run as one program each, like the runner's. Every result is cached by
 * program text and input data, so an edit to a rule or option runs no program at all.
 */
import type { Finding } from '../../runtime/finding';
import { compileProgram } from '../../runtime/formula/compile/compile-program';
import type { Diagnostic } from '../../runtime/formula/diagnostics';
import type { Scalar } from '../../runtime/formula/library/values';
import type { ColumnSpec, CompiledProgram, RunContext } from '../../runtime/formula/program';
import { formulaColumns, keyColumn, keyFormulas, ruleSetFormulas, ruleSetIndexFrom, withKeyColumns } from '../../runtime/recon/template-match';
import { columnFromOutput, toInputColumn } from '../../runtime/table/sandbox-columns';
import type { Column, Table } from '../../runtime/table/table';
import type { Template } from '../../runtime/template/schema';
import type { FormulaCompiler } from '../preview/compile-one';
import { computePreview } from '../preview/compute-preview';
import type { PreviewCache } from '../preview/preview-cache';
import { isTransient, type PreviewSandbox } from '../preview/sandbox-client';

export interface MatchSourceInput {
  readonly template: Template;
  readonly source: string;
  readonly table: Table;
  /** Identifies `table` and the run context in cache keys. */
  readonly dataKey: string;
  readonly context: RunContext;
  /** The book of record: its rows pick the rule sets. */
  readonly bookOfRecord: boolean;
  readonly sandbox: PreviewSandbox;
  readonly cache: PreviewCache;
  readonly compiler: FormulaCompiler;
  /** Multi-output programs (keys, `when`s) by data and text; computePreview keeps the targets in `cache`. */
  readonly programs: ProgramResults;
  readonly signal: AbortSignal;
}

/** Results of key and `when` programs by data and program text. */
export type ProgramResults = Map<string, Scalar[][] | { readonly error: string }>;

export type MatchSourceTables =
  | { readonly table: Table; readonly ruleSetIndex?: Int32Array; readonly findings: readonly Finding[] }
  | { readonly error: string };

const PROGRAMS_KEPT = 64;
const SEP = '\u0000';
const specOf = (c: Column): ColumnSpec => ({ name: c.name, type: c.type });
const firstError = (ds: readonly Diagnostic[]) => ds.find((d) => d.severity === 'error') ?? ds[0];

/** Values arrays come back from the caches as the same objects: their identity names the data. */
const valueIds = new WeakMap<object, number>();
let nextValueId = 0;
const idOf = (o: object) => valueIds.get(o) ?? (valueIds.set(o, ++nextValueId), nextValueId);
const columns = new WeakMap<object, Column>();

export async function matchSourceTables(input: MatchSourceInput): Promise<MatchSourceTables> {
  const { template, source, table, context, sandbox, signal } = input;
  const match = template.match!;
  const computed = await computePreview({
    template: { ...template, validations: [] }, source, subset: { rows: identityRows(table), table },
    context, sandbox, cache: input.cache, compiler: input.compiler, dataKey: input.dataKey, signal, maxErrorRows: 0,
  });
  const targets: Column[] = [];
  for (const t of computed.targets) {
    if (t.status === 'failed') return { error: `The sandbox stopped the formula for \`${t.target}\` on \`${source}\`: ${t.failure.message}` };
    if (t.status !== 'ok') {
      const d = firstError(t.diagnostics);
      return { error: `The formula for \`${t.target}\` on \`${source}\` does not compile${d ? `: ${d.message}` : ''}. Fix it in the grid to see the match rate.` };
    }
    let column = columns.get(t.values);
    // A renamed target keeps its cached values: its column must take the new name.
    if (column?.name !== t.target) columns.set(t.values, (column = columnFromOutput({ name: t.target, type: t.type ?? 'any', values: t.values })));
    targets.push(column);
  }
  const mapped: Table = { rowCount: table.rowCount, origin: table.origin, columns: targets };
  const visible = formulaColumns({ table, mapped });
  const tables = Object.fromEntries(Object.entries(template.referenceTables).map(([n, r]) => [n, r.columns]));
  const specs = visible.map(specOf);

  const keyFormulaList = keyFormulas(match, source);
  const keyed = compileProgram({ formulas: keyFormulaList, columns: specs, tables });
  if (!keyed.ok) {
    const d = firstError(keyed.diagnostics);
    const key = match.keys.find((k) => keyColumn(k.name) === d.formula)?.name ?? d.formula;
    return { error: `The key \`${key}\` for \`${source}\` does not compile: ${d.message}. Fix its formula under Keys.` };
  }
  const findings = formulaFindings({ diagnostics: keyed.warnings, formulas: keyFormulaList, source, path: (k) => `$.match.keys[${k}].formulas.${source}` });
  const keyValues = await runCached({ input, program: keyed.program, visible });
  if ('error' in keyValues) return { error: `The sandbox stopped the key formulas of \`${source}\`: ${keyValues.error}` };
  const keys = keyValues.map((values, k) => columnFromOutput({ name: keyed.program.outputs[k].name, type: keyed.program.outputs[k].type, values }));
  const engineTable = withKeyColumns({ mapped, keys });
  if (!input.bookOfRecord || match.ruleSets.length === 0) return { table: engineTable, findings };

  // As on the server: `when` formulas that do not compile leave every row on the default rules, with findings.
  const whenFormulas = ruleSetFormulas(match);
  const when = compileProgram({ formulas: whenFormulas, columns: specs, tables });
  const path = (i: number) => `$.match.ruleSets[${i}].when`;
  if (!when.ok) {
    findings.push(...formulaFindings({ diagnostics: when.diagnostics, formulas: whenFormulas, source, path }));
    return { table: engineTable, ruleSetIndex: new Int32Array(table.rowCount).fill(-1), findings };
  }
  findings.push(...formulaFindings({ diagnostics: when.warnings, formulas: whenFormulas, source, path }));
  const results = await runCached({ input, program: when.program, visible });
  if ('error' in results) return { error: `The sandbox stopped the rule sets' filters on \`${source}\`: ${results.error}` };
  return { table: engineTable, ruleSetIndex: ruleSetIndexFrom({ results, rowCount: table.rowCount }), findings };
}

/** A program's outputs over the visible columns, from the cache when its text and inputs are unchanged. */
async function runCached({ input, program, visible }: { input: MatchSourceInput; program: CompiledProgram; visible: readonly Column[] }): Promise<Scalar[][] | { error: string }> {
  const byName = new Map(visible.map((c) => [c.name, c]));
  const used = program.inputs.map((s) => byName.get(s.name)!);
  // A source column is named by the data key; a target by the identity of its values.
  const inputsKey = used.map((c) => (input.table.columns.includes(c) ? `s:${c.name}` : `t:${idOf(c)}`)).join('\u0001');
  const key = [input.dataKey, program.source, inputsKey].join(SEP);
  const hit = input.programs.get(key);
  if (hit) return hit;
  const result = await input.sandbox.runProgram({
    program, context: input.context, rows: input.table.rowCount, signal: input.signal, columns: used.map(toInputColumn),
  });
  const entry = result.failures.length ? { error: result.failures[0].error.message } : result.columns;
  // A program the sandbox stopped stays stopped until its text changes; a port given up on is retried.
  if (result.failures.some((f) => isTransient(f.error))) return entry;
  if (input.programs.size >= PROGRAMS_KEPT) input.programs.clear();
  input.programs.set(key, entry);
  return entry;
}

/** Compiler diagnostics as the runner reports them (runtime/runner/map-source.ts compile). */
function formulaFindings({ diagnostics, formulas, source, path }: {
  diagnostics: readonly Diagnostic[]; formulas: readonly { name: string; text: string }[]; source: string; path: (i: number) => string;
}): Finding[] {
  return diagnostics.map((d) => {
    const i = Math.max(0, formulas.findIndex((f) => f.name === d.formula));
    return { code: `formula-${d.code}`, severity: d.severity, message: `${d.message} (at character ${d.start + 1} of \`${formulas[i]?.text ?? ''}\`)`, location: { source, path: path(i) } };
  });
}

const identity = new WeakMap<Table, Int32Array>();
function identityRows(table: Table): Int32Array {
  let rows = identity.get(table);
  if (!rows) identity.set(table, (rows = Int32Array.from({ length: table.rowCount }, (_, i) => i)));
  return rows;
}
