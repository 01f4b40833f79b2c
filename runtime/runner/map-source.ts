/**
 * One source's mappings and validations, run in the sandbox over its Table: target columns from
 * their formulas, then each validation over the source row plus its targets. Bad values are
 * findings; the run goes on.
 */
import type { Finding } from '../finding';
import { compileProgram, type ColumnSpec, type CompiledProgram, type RunContext } from '../formula/index';
import { FormulaError, type Scalar } from '../formula/library/values';
import type { SandboxPool } from '../sandbox/node/pool';
import { columnByName, originOf, type Column, type Table } from '../table/table';
import type { Template } from '../template/schema';
import { columnFromOutput, toInputColumn } from './table-columns';

/** Row-level findings kept per formula; the rest are counted in one summary finding. */
export const FINDINGS_PER_FORMULA = 100;

export interface MapSourceInput {
  readonly template: Template;
  readonly source: string;
  readonly table: Table;
  /** Display name of each file in the table's origin, by dataset id, for findings. */
  readonly fileNames: ReadonlyMap<string, string>;
  readonly pool: SandboxPool;
  readonly context: RunContext;
  readonly signal?: AbortSignal;
  readonly onRows?: (stage: 'map' | 'validate', done: number) => void;
}

export interface MapSourceResult {
  /** The target columns, with the source table's origin. Absent when the formulas do not compile. */
  readonly mapped?: Table;
  readonly findings: readonly Finding[];
  readonly validationFailures: Readonly<Record<string, number>>;
}

const specOf = (c: Column): ColumnSpec => ({ name: c.name, type: c.type });

export async function mapSource(input: MapSourceInput): Promise<MapSourceResult> {
  const { template, source, table } = input;
  const findings: Finding[] = [];
  const where = (row: number, column?: string) => {
    const o = originOf(table, row);
    return { source: input.fileNames.get(o.datasetId) ?? source, row: o.rowNumber, ...(column ? { column } : {}) };
  };
  const tables = Object.fromEntries(Object.entries(template.referenceTables).map(([n, r]) => [n, r.columns]));
  const mappings = template.mappings[source] ?? [];
  const compiled = compile({ formulas: mappings.map((m) => ({ name: m.target, text: m.formula })), columns: table.columns.map(specOf), tables, path: (i) => `$.mappings.${source}[${i}].formula`, findings, source });
  if (!compiled) return { findings, validationFailures: {} };
  const mappedColumns = await runProgram({ ...input, program: compiled, columns: table.columns, stage: 'map' });
  const mapped: Table = { rowCount: table.rowCount, origin: table.origin, columns: mappedColumns.map((values, i) => columnFromOutput({ name: compiled.outputs[i].name, type: compiled.outputs[i].type, values })) };
  mappedColumns.forEach((values, i) => reportErrors({ values, column: compiled.outputs[i].name, what: `The formula for \`${compiled.outputs[i].name}\``, where, findings, severity: 'warning' }));

  const validations = template.validations.filter((v) => (v.source ?? template.sources[0].name) === source);
  const validationFailures: Record<string, number> = {};
  if (validations.length === 0) return { mapped, findings, validationFailures };
  const visible = [...table.columns.filter((c) => !columnByName(mapped, c.name)), ...mapped.columns];
  const checks = compile({ formulas: validations.map((v) => ({ name: v.name, text: v.formula })), columns: visible.map(specOf), tables, path: (i) => `$.validations[${template.validations.indexOf(validations[i])}].formula`, findings, source });
  if (!checks) return { mapped, findings, validationFailures };
  const results = await runProgram({ ...input, program: checks, columns: visible, stage: 'validate' });
  results.forEach((values, i) => {
    const v = validations[i];
    let failed = 0;
    values.forEach((value, row) => {
      if (value === true) return;
      failed++;
      if (failed > FINDINGS_PER_FORMULA) return;
      const detail = value instanceof FormulaError ? ` (the check gave ${value.code})` : '';
      findings.push({ code: 'validation-failed', severity: v.severity, message: `${v.name}: ${v.message}${detail}`, location: where(row, v.name) });
    });
    validationFailures[v.name] = failed;
    if (failed > FINDINGS_PER_FORMULA) {
      findings.push({ code: 'validation-failed-more', severity: v.severity, message: `${v.name}: ${failed - FINDINGS_PER_FORMULA} more rows fail this check (${failed} in all).`, location: { source } });
    }
  });
  return { mapped, findings, validationFailures };
}

export function compile({ formulas, columns, tables, path, findings, source }: {
  formulas: { name: string; text: string }[]; columns: ColumnSpec[]; tables: Record<string, readonly string[]>;
  path: (i: number) => string; findings: Finding[]; source: string;
}): CompiledProgram | undefined {
  if (formulas.length === 0) return { source: '(function (I, n, L, X) { return []; })', inputs: [], outputs: [] };
  const result = compileProgram({ formulas, columns, tables });
  const diagnostics = result.ok ? result.warnings : result.diagnostics;
  for (const d of diagnostics) {
    const i = Math.max(0, formulas.findIndex((f) => f.name === d.formula));
    findings.push({ code: `formula-${d.code}`, severity: d.severity, message: `${d.message} (at character ${d.start + 1} of \`${formulas[i]?.text ?? ''}\`)`, location: { source, path: path(i) } });
  }
  return result.ok ? result.program : undefined;
}

export async function runProgram({ program, columns, stage, pool, context, signal, onRows, table }: Pick<MapSourceInput, 'pool' | 'context' | 'signal' | 'onRows' | 'table'> & {
  program: CompiledProgram; columns: readonly Column[]; stage: 'map' | 'validate';
}): Promise<Scalar[][]> {
  if (program.outputs.length === 0) return [];
  const byName = new Map(columns.map((c) => [c.name, c]));
  const inputs = program.inputs.map((spec) => toInputColumn(byName.get(spec.name)!));
  const result = await pool.runProgram({ program, context, columns: inputs, rows: table.rowCount, signal });
  onRows?.(stage, table.rowCount);
  if (result.failures.length) {
    const f = result.failures[0];
    throw new RunFailure(`The sandbox stopped while ${stage === 'map' ? 'mapping' : 'validating'} rows ${f.start + 1}–${f.end}: ${f.error.message}`);
  }
  return result.columns;
}

/** A run that cannot go on (the sandbox refused a batch); nothing is written. */
export class RunFailure extends Error {}

function reportErrors({ values, column, what, where, findings, severity }: {
  values: readonly Scalar[]; column: string; what: string; where: (row: number, column?: string) => Finding['location']; findings: Finding[]; severity: Finding['severity'];
}) {
  let count = 0;
  values.forEach((v, row) => {
    if (!(v instanceof FormulaError)) return;
    if (++count <= FINDINGS_PER_FORMULA) findings.push({ code: 'formula-error-value', severity, message: `${what} gave ${v.code}.`, location: where(row, column) });
  });
  if (count > FINDINGS_PER_FORMULA) findings.push({ code: 'formula-error-value-more', severity, message: `${what} gave an error value on ${count - FINDINGS_PER_FORMULA} more rows (${count} in all).`, location: { source: where(0).source, column } });
}
