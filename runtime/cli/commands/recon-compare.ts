/**
 * The comparison half of `opspilot recon` (recon.ts reads the files): check the keys and
 * tolerances against the columns the files have, reconcile, print datacompy's counts and
 * write the exception report.
 */
import path from 'node:path';
import type { Finding } from '../../finding';
import { reconcile, type ReferenceTable, type RuleData } from '../../recon/index';
import { cellValue, type Table } from '../../table/table';
import { EXIT, type CommandIO } from '../command';
import { progressBar } from '../progress-bar';
import { fail } from './recon-inputs';
import { TICK_TABLE } from './recon-rules';

export interface CompareTablesInput {
  readonly io: CommandIO;
  /** When the command started (performance.now()), for duration_ms. */
  readonly started: number;
  readonly keys: readonly string[];
  readonly tolerances: readonly (RuleData & { field: string })[];
  readonly left: { readonly table: Table; readonly name: string };
  readonly right: { readonly table: Table; readonly name: string };
  readonly ticks?: Table;
  readonly ignoreCase: boolean;
  readonly ignoreSpaces: boolean;
  readonly json: boolean;
  readonly out?: string;
}

/** A read table as the engine's reference-table shape: column names and plain row values. */
function referenceTableOf(table: Table): ReferenceTable {
  const rows = Array.from({ length: table.rowCount }, (_, r) => table.columns.map((c) => cellValue(c, r)));
  return { columns: table.columns.map((c) => c.name), rows };
}

const inputError = (message: string): Finding => ({ code: 'recon.input', severity: 'error', message, location: { source: 'input' } });

export async function compareTables(input: CompareTablesInput): Promise<number> {
  const { io, keys, tolerances, left, right, json } = input;
  const referenceTables: Record<string, ReferenceTable> = input.ticks ? { [TICK_TABLE]: referenceTableOf(input.ticks) } : {};
  const names = (t: Table) => t.columns.map((c) => c.name);
  const problems: Finding[] = [];
  for (const [side, t] of [[left.name, left.table], [right.name, right.table]] as const) {
    for (const k of keys) {
      if (!names(t).includes(k)) problems.push(inputError(`Key column \`${k}\` is not in ${side}; its columns are: ${names(t).join(', ')}.`));
    }
  }
  const rightColumns = new Map(right.table.columns.map((c) => [c.name, c]));
  const shared = left.table.columns.filter((c) => !keys.includes(c.name) && rightColumns.has(c.name));
  for (const t of tolerances) {
    if (!shared.some((c) => c.name === t.field)) problems.push(inputError(`--tolerance names ${t.field}, which is not a compared column; they are: ${shared.map((c) => c.name).join(', ') || '(none)'}.`));
  }
  if (problems.length) return fail(io, json, problems);

  const textRule = input.ignoreCase || input.ignoreSpaces;
  const rules: RuleData[] = shared.map((c): RuleData => {
    const given = tolerances.find((t) => t.field === c.name);
    if (given) return given;
    // Text rule only where both sides read as text: numbers and dates keep their exact compare.
    if (textRule && c.type === 'text' && rightColumns.get(c.name)!.type === 'text') {
      return { field: c.name, kind: 'text', ignoreCase: input.ignoreCase, ignoreSpaces: input.ignoreSpaces };
    }
    return { field: c.name, kind: 'exact' };
  });

  const bar = progressBar(io.stderr);
  const fmt = (n: number) => n.toLocaleString('en-US');
  bar.note('match', `${fmt(left.table.rowCount)} × ${fmt(right.table.rowCount)} rows on ${keys.join(', ')}`);
  const result = reconcile({
    left: { name: 'left', table: left.table }, right: { name: 'right', table: right.table },
    keys: keys.map((k) => ({ name: k, columns: { left: k, right: k } })),
    rules, referenceTables, suggest: false,
  });
  bar.done();
  for (const f of result.findings) io.stderr.write(`${f.severity}: ${f.message}\n`);
  const d = result.summary.datacompy;
  let written: string[] = [];
  if (input.out !== undefined) {
    // The report's writers (and the workbook library) load only when a report is asked for.
    const [{ exceptionCsv, exceptionXlsx }, { writeAllOrNothing }] = await Promise.all([import('../../recon/node/exception-report'), import('../../runner/write-outputs')]);
    const report = { breaks: result.breaks, summary: result.summary, keyNames: keys, fields: shared.map((c) => c.name) };
    bar.note('write', `${fmt(result.breaks.length)} break(s) to breaks.csv, breaks.xlsx`);
    try {
      written = await writeAllOrNothing({ dir: path.resolve(io.cwd, input.out), files: [{ name: 'breaks.csv', bytes: exceptionCsv(report) }, { name: 'breaks.xlsx', bytes: exceptionXlsx(report) }] });
    } finally {
      bar.done();
    }
  }
  const durationMs = Math.round(performance.now() - input.started);
  if (json) {
    const byColumn = Object.fromEntries(d.byColumn.map((c) => [c.column, c.mismatches]));
    io.stdout.write(`${JSON.stringify({ common: d.commonRows, only_left: d.onlyLeft, only_right: d.onlyRight, unequal_rows: d.unequalRows, by_column: byColumn, duration_ms: durationMs })}\n`);
  } else {
    const lines = [
      `Left:  ${left.name} (${fmt(left.table.rowCount)} rows)`,
      `Right: ${right.name} (${fmt(right.table.rowCount)} rows)`,
      `Keys:  ${keys.join(', ')}`,
      '',
      `Rows in common   ${fmt(d.commonRows)}`,
      `Only in left     ${fmt(d.onlyLeft)}`,
      `Only in right    ${fmt(d.onlyRight)}`,
      `Unequal rows     ${fmt(d.unequalRows)}`,
      '',
      'Column mismatches:',
      ...d.byColumn.map((c) => `  ${c.column.padEnd(Math.max(...d.byColumn.map((x) => x.column.length)))}  ${fmt(c.mismatches).padStart(9)}  rule: ${rules.find((r) => r.field === c.column)!.kind}`),
      '',
      `${fmt(result.breaks.length)} break(s) in ${fmt(durationMs)} ms.`,
      ...(written.length ? [`Wrote ${written.join(', ')}`] : []),
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return result.breaks.length ? EXIT.FINDINGS : EXIT.OK;
}
