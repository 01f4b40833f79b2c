/**
 * `opspilot recon`: two files compared on a composite key, datacompy style, with no template.
 * Every column both files share that is not a key is compared, exactly unless a --tolerance
 * names it. Prints datacompy's counts (or one JSON line) and writes the exception report.
 * This module parses the options and starts reading; the comparison (recon-compare.ts) loads
 * while the files are read, so a large recon's start-up hides behind its parsing.
 */
import { parseOptions } from '../args';
import { UsageError, type Command } from '../command';
import { fail, readFiles } from './recon-inputs';
import { parseTolerance } from './recon-rules';

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

    const tickTable = values['tick-table'];
    // The reading starts first (large files on worker threads); the comparison's modules load meanwhile.
    const reading = readFiles(io, tickTable === undefined ? [values.left, values.right] : [values.left, values.right, tickTable]);
    const comparison = import('./recon-compare');
    const [left, right, ticks] = await reading;
    const unread = [left, right, ticks].flatMap((r) => (r && !r.ok ? r.findings : []));
    if (!left.ok || !right.ok || (ticks && !ticks.ok)) return fail(io, values.json, unread);
    const { compareTables } = await comparison;
    return compareTables({
      io, started, keys, tolerances, left, right, ticks: ticks?.ok ? ticks.table : undefined,
      ignoreCase: values['ignore-case'] === true, ignoreSpaces: values['ignore-spaces'] === true, json: values.json === true, out: values.out,
    });
  },
};
