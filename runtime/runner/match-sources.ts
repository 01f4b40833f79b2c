/**
 * The match stage of recon and N-way templates: key formulas and rule-set filters run in the
 * sandbox over each source's mapped rows (source columns plus targets), then the recon engine
 * compares the mapped tables natively. User code never runs on the engine's hot path.
 */
import type { Finding } from '../finding';
import type { ColumnSpec, RunContext } from '../formula/index';
import { formulaColumns, keyFormulas, matchFields, reconcileTemplate, ruleSetFormulas, ruleSetIndexFrom, withKeyColumns } from '../recon/template-match';
import type { Break, ReconSource } from '../recon/types';
import type { SandboxPool } from '../sandbox/node/pool';
import type { Column, Table } from '../table/table';
import type { Template } from '../template/schema';
import { compile, runProgram } from './map-source';
import { columnFromOutput } from './table-columns';

export interface MatchInput {
  readonly template: Template;
  /** Per source: the table as read, and its mapped targets. */
  readonly sources: ReadonlyMap<string, { readonly table: Table; readonly mapped: Table }>;
  readonly pool: SandboxPool;
  readonly context: RunContext;
  readonly signal?: AbortSignal;
}

export interface MatchResult {
  readonly breaks: readonly Break[];
  readonly summary: unknown;
  readonly keyNames: readonly string[];
  readonly fields: readonly string[];
  /** Set when the N-way engine judged the match (three sources or more): its sources in authoritative order. */
  readonly sources?: readonly string[];
  readonly findings: readonly Finding[];
}

const specOf = (c: Column): ColumnSpec => ({ name: c.name, type: c.type });

export async function matchSources(input: MatchInput): Promise<MatchResult | { readonly findings: readonly Finding[] }> {
  const { template, pool, context, signal } = input;
  const match = template.match!;
  const findings: Finding[] = [];
  const tables = Object.fromEntries(Object.entries(template.referenceTables).map(([n, r]) => [n, r.columns]));
  const prepared: ReconSource[] = [];
  let ruleSetIndex: Int32Array | undefined;
  for (const [i, name] of match.sources.entries()) {
    const source = input.sources.get(name);
    if (!source) return { findings };
    const visible = formulaColumns(source);
    const program = compile({ formulas: keyFormulas(match, name), columns: visible.map(specOf), tables, path: (k) => `$.match.keys[${k}].formulas.${name}`, findings, source: name });
    if (!program) return { findings };
    const values = await runProgram({ program, columns: visible, stage: 'map', pool, context, signal, table: source.table });
    const keys = values.map((v, k) => columnFromOutput({ name: program.outputs[k].name, type: program.outputs[k].type, values: v }));
    prepared.push({ name, table: withKeyColumns({ mapped: source.mapped, keys }) });
    if (i === 0 && match.ruleSets.length) ruleSetIndex = await ruleSetsFor({ ...input, visible, table: source.table, findings, tables, source: name });
  }
  const { result } = reconcileTemplate({ template, sources: prepared, ruleSetIndex });
  const fields = matchFields(match);
  const sources = prepared.length === 2 ? undefined : prepared.map((p) => p.name);
  return { breaks: result.breaks, summary: result.summary, keyNames: match.keys.map((k) => k.name), fields, sources, findings: [...findings, ...result.findings] };
}

/** Per row of the book of record: the first rule set whose filter holds, or -1. */
async function ruleSetsFor({ template, pool, context, signal, visible, table, findings, tables, source }: MatchInput & {
  visible: Column[]; table: Table; findings: Finding[]; tables: Record<string, readonly string[]>; source: string;
}): Promise<Int32Array> {
  const index = new Int32Array(table.rowCount).fill(-1);
  const program = compile({ formulas: ruleSetFormulas(template.match!), columns: visible.map(specOf), tables, path: (i) => `$.match.ruleSets[${i}].when`, findings, source });
  if (!program) return index;
  const results = await runProgram({ program, columns: visible, stage: 'map', pool, context, signal, table });
  return ruleSetIndexFrom({ results, rowCount: table.rowCount });
}
