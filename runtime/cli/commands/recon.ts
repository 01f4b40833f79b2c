/**
 * `opspilot recon`: two files compared on a composite key, datacompy style, with no template.
 * Every column both files share that is not a key is compared, exactly unless a --tolerance
 * names it. Prints datacompy's counts (or one JSON line) and writes the exception report.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../../finding';
import { fileSource } from '../../ingest/byte-source';
import { ingest } from '../../ingest/ingest';
import { reconcile, type RuleData, type ReferenceTable } from '../../recon/index';
import { exceptionCsv, exceptionXlsx } from '../../recon/node/exception-report';
import { writeAllOrNothing } from '../../runner/write-outputs';
import { cellValue, type Table } from '../../table/table';
import { parseOptions } from '../args';
import { EXIT, UsageError, type Command, type CommandIO } from '../command';
import { parseTolerance, TICK_TABLE } from './recon-rules';

const HELP = `Usage: opspilot recon --left <file> --right <file> --on <key,key,…> [options]

Compares two files row by row on a composite key, like datacompy: rows in common, rows only
on one side, and per column how many common rows disagree. Every column both files have that
is not a key is compared, exactly unless a --tolerance names it.

Options:
  --left FILE             the book of record (CSV, Excel, JSON, XML)
  --right FILE            the file compared to it
  --on K1,K2,…            key columns, present in both files
  --tolerance F=KIND:N    a tolerance on field F; repeat per field. KIND is
                            abs:N     |left − right| ≤ N
                            rel:N     relative difference ≤ N (see --rel-mode)
                            bps:N     within N basis points
                            ticks:N   within N ticks (needs --tick-table)
                            days:N    dates within N business days (weekends skipped)
                            exact     no difference (the default)
  --rel-mode M            symmetric (default: relative to the larger side) or right
  --tick-table FILE       tick sizes: columns product,tick_size
  --tick-key COLUMN       the product column in both files and the tick table (default product)
  --ignore-case           text columns compare case-insensitively
  --ignore-spaces         text columns ignore leading, trailing and repeated spaces
  --json                  print one JSON line: common, only_left, only_right, unequal_rows,
                          by_column, duration_ms
  --out DIR               write breaks.csv and breaks.xlsx (breaks + Summary sheet) there
  -h, --help              show this help

Exit codes: 0 no breaks, 1 breaks, 2 usage or input error.

Example:
  opspilot recon --left internal.csv --right broker.csv --on account,product,expiry \\
    --tolerance price=ticks:1 --tick-table ticks.csv --tolerance cash=abs:0.05 --out out/`;

type Read = { ok: true; table: Table; name: string } | { ok: false; findings: Finding[] };

async function readFile(io: CommandIO, file: string): Promise<Read> {
  const full = path.resolve(io.cwd, file);
  const info = await stat(full).catch(() => undefined);
  if (!info?.isFile()) return { ok: false, findings: [{ code: 'input-unreadable', severity: 'error', message: `No such file: ${file}`, location: { source: file } }] };
  const result = await ingest({ source: await fileSource({ filePath: full }) });
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (!result.table || errors.length) return { ok: false, findings: errors.length ? errors : [...result.findings] };
  return { ok: true, table: result.table, name: path.basename(full) };
}

/** A read table as the engine's reference-table shape: column names and plain row values. */
function referenceTableOf(table: Table): ReferenceTable {
  const rows = Array.from({ length: table.rowCount }, (_, r) => table.columns.map((c) => cellValue(c, r)));
  return { columns: table.columns.map((c) => c.name), rows };
}

function fail(io: CommandIO, json: boolean | undefined, findings: readonly Finding[]): number {
  if (json) io.stdout.write(`${JSON.stringify({ ok: false, findings })}\n`);
  else for (const f of findings) io.stderr.write(`${f.location.source ? `${f.location.source}: ` : ''}${f.message}\n`);
  return EXIT.USAGE;
}

const inputError = (message: string): Finding => ({ code: 'recon.input', severity: 'error', message, location: { source: 'input' } });

export const reconCommand: Command = {
  path: ['recon'],
  help: HELP,
  async run(args, io) {
    const started = performance.now();
    const { values, positionals } = parseOptions(args, {
      left: { type: 'string' }, right: { type: 'string' }, on: { type: 'string' },
      tolerance: { type: 'string', multiple: true }, 'rel-mode': { type: 'string' },
      'tick-table': { type: 'string' }, 'tick-key': { type: 'string' },
      'ignore-case': { type: 'boolean' }, 'ignore-spaces': { type: 'boolean' },
      json: { type: 'boolean' }, out: { type: 'string' },
    }, false);
    if (positionals.length) throw new UsageError(`Unexpected argument ${positionals[0]}`);
    if (!values.left || !values.right) throw new UsageError('--left and --right are required.');
    const keys = (values.on ?? '').split(',').map((k) => k.trim()).filter(Boolean);
    if (!keys.length) throw new UsageError('--on <key,key,…> is required.');
    const relMode = values['rel-mode'] ?? 'symmetric';
    if (relMode !== 'symmetric' && relMode !== 'right') throw new UsageError(`--rel-mode is symmetric or right, got ${relMode}`);
    const tickKey = values['tick-key'] ?? 'product';
    const tolerances = (values.tolerance ?? []).map((spec) => parseTolerance(spec, { relMode, tickKey, hasTickTable: values['tick-table'] !== undefined }));
    const seen = new Set<string>();
    for (const t of tolerances) {
      if (seen.has(t.field)) throw new UsageError(`--tolerance names ${t.field} twice; give one rule per field.`);
      seen.add(t.field);
    }

    const [left, right] = await Promise.all([readFile(io, values.left), readFile(io, values.right)]);
    if (!left.ok || !right.ok) return fail(io, values.json, [...(left.ok ? [] : left.findings), ...(right.ok ? [] : right.findings)]);
    const referenceTables: Record<string, ReferenceTable> = {};
    if (values['tick-table'] !== undefined) {
      const ticks = await readFile(io, values['tick-table']);
      if (!ticks.ok) return fail(io, values.json, ticks.findings);
      referenceTables[TICK_TABLE] = referenceTableOf(ticks.table);
    }

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
    if (problems.length) return fail(io, values.json, problems);

    const textRule = values['ignore-case'] || values['ignore-spaces'];
    const rules: RuleData[] = shared.map((c): RuleData => {
      const given = tolerances.find((t) => t.field === c.name);
      if (given) return given;
      // Text rule only where both sides read as text: numbers and dates keep their exact compare.
      if (textRule && c.type === 'text' && rightColumns.get(c.name)!.type === 'text') {
        return { field: c.name, kind: 'text', ignoreCase: !!values['ignore-case'], ignoreSpaces: !!values['ignore-spaces'] };
      }
      return { field: c.name, kind: 'exact' };
    });

    const result = reconcile({
      left: { name: 'left', table: left.table }, right: { name: 'right', table: right.table },
      keys: keys.map((k) => ({ name: k, columns: { left: k, right: k } })),
      rules, referenceTables, suggest: false,
    });
    for (const f of result.findings) io.stderr.write(`${f.severity}: ${f.message}\n`);
    const d = result.summary.datacompy;
    let written: string[] = [];
    if (values.out !== undefined) {
      const report = { breaks: result.breaks, summary: result.summary, keyNames: keys, fields: shared.map((c) => c.name) };
      written = await writeAllOrNothing({ dir: path.resolve(io.cwd, values.out), files: [{ name: 'breaks.csv', bytes: exceptionCsv(report) }, { name: 'breaks.xlsx', bytes: exceptionXlsx(report) }] });
    }
    const durationMs = Math.round(performance.now() - started);
    if (values.json) {
      const byColumn = Object.fromEntries(d.byColumn.map((c) => [c.column, c.mismatches]));
      io.stdout.write(`${JSON.stringify({ common: d.commonRows, only_left: d.onlyLeft, only_right: d.onlyRight, unequal_rows: d.unequalRows, by_column: byColumn, duration_ms: durationMs })}\n`);
    } else {
      const fmt = (n: number) => n.toLocaleString('en-US');
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
  },
};
