/**
 * `opspilot ingest <file>`: reads one file with the reader registry, prints each column's
 * profile and the findings, and writes the Table as CSV or JSON. The same readers as the Data
 * page and template runs, so what it shows is what a template would see.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileSource } from '../../ingest/byte-source';
import { headOf, ingest } from '../../ingest/ingest';
import type { Format } from '../../ingest/reader';
import { readerRegistry } from '../../ingest/registry';
import { parseOptions } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { findingText, outFormatOf, profileText, summaryLine, writeTableFile } from '../ingest-output';
import { progressBar } from '../progress-bar';

const ORDER = ['csv', 'xlsx', 'json', 'xml', 'fpml'];
const FORMATS = readerRegistry.list().map((r) => r.format).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)).join('|');
const TYPES = ['text', 'number', 'date', 'datetime', 'boolean'];

const HELP = `Usage: opspilot ingest <file> [--format ${FORMATS}] [--sheet S] [--row-path P] [--type COLUMN=TYPE]… [--out file.csv|file.json] [--json]

Reads a file the way templates and the Data page do, prints each column's inferred type and
profile (blanks, distinct values, min, max, examples) and the findings, and writes the table.

Options:
  --format F          the reader to use (default: detected from the name and first bytes)
  --sheet S           Excel: the sheet, by name or 1-based position (default: the first sheet
                      holding a table)
  --row-path P        XML: the elements that are rows (Document/Rpt/Tx); JSON: the array
                      that holds them (data.trades)
  --type C=T          fix column C's type to T instead of inferring it: ${TYPES.join(', ')};
                      repeat for more columns; C may be * for every column
  --out FILE          write the table: CSV (.csv) or a JSON array of objects (.json)
  --json              print one JSON object: {ok, format, rows, columns: [profile…], findings}
  -h, --help          show this help

Exit codes: 0 read without error findings, 1 findings at error severity (the file was
refused or a problem must be fixed), 2 usage or input error (no such file, unknown format).

Examples:
  opspilot ingest statement.csv
  opspilot ingest blotter.xlsx --sheet Blotter --out blotter.csv
  opspilot ingest report.xml --row-path Document/FinInstrmRptgTxRpt/Tx --json`;

/** Which reader option each flag sets, per format; a flag that does not apply is a usage error. */
const FLAG_OPTIONS: Record<string, Partial<Record<Format, string>>> = {
  sheet: { xlsx: 'sheet' },
  'row-path': { xml: 'rowPath', json: 'path' },
};

function parseTypes(specs: readonly string[]): Record<string, string> | undefined {
  if (specs.length === 0) return undefined;
  const types: Record<string, string> = {};
  for (const spec of specs) {
    const at = spec.lastIndexOf('=');
    const column = spec.slice(0, at).trim();
    const type = spec.slice(at + 1).trim();
    if (at <= 0 || !TYPES.includes(type)) throw new UsageError(`--type takes COLUMN=TYPE with TYPE one of ${TYPES.join(', ')}; got "${spec}"`);
    types[column] = type;
  }
  return types;
}

export const ingestCommand: Command = {
  path: ['ingest'],
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      format: { type: 'string' },
      sheet: { type: 'string' },
      'row-path': { type: 'string' },
      type: { type: 'string', multiple: true },
      out: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'Give one file to read' : 'Give the file to read');
    const file = path.resolve(io.cwd, positionals[0]);
    if (values.format !== undefined && !readerRegistry.byFormat(values.format)) {
      throw new UsageError(`Unknown format "${values.format}": the formats are ${FORMATS.split('|').join(', ')}`);
    }
    if (values.out !== undefined && !outFormatOf(values.out)) throw new UsageError(`--out must name a .csv or .json file; got "${values.out}"`);
    const types = parseTypes(values.type ?? []);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return inputError(io, values.json, `No such file: ${positionals[0]}`);

    const source = await fileSource({ filePath: file });
    const reader = values.format !== undefined ? readerRegistry.byFormat(values.format) : readerRegistry.detect({ name: source.name, head: await headOf(source) });
    if (!reader) return inputError(io, values.json, `${source.name} is not a format OpsPilot reads; name one with --format ${FORMATS}.`);
    const options: Record<string, unknown> = {};
    for (const [flag, byFormat] of Object.entries(FLAG_OPTIONS)) {
      const value = values[flag as keyof typeof values];
      if (value === undefined) continue;
      const option = byFormat[reader.format];
      if (!option) throw new UsageError(`--${flag} does not apply to ${reader.format} files; it is for ${Object.keys(byFormat).join(' and ')}`);
      options[option] = flag === 'sheet' && /^\d+$/.test(String(value)) ? Number(value) : value;
    }
    if (types) options.types = types;

    const bar = progressBar(io.stderr);
    const result = await ingest({
      source, format: reader.format, options,
      onProgress: (done) => bar.update({ stage: 'ingest', source: source.name, unit: 'bytes', done, total: source.sizeBytes }),
    });
    bar.done();
    const errors = result.findings.filter((f) => f.severity === 'error');
    let wrote: string | undefined;
    if (values.out !== undefined && result.table) {
      writeTableFile({ table: result.table, file: path.resolve(io.cwd, values.out) });
      wrote = values.out;
    }
    if (values.json) {
      io.stdout.write(`${JSON.stringify({
        ok: errors.length === 0, file: source.name, format: result.format ?? reader.format, rows: result.table?.rowCount ?? 0,
        columns: result.profile, findings: result.findings, details: result.details ?? {}, ...(wrote ? { out: wrote } : {}),
      })}\n`);
    } else {
      io.stdout.write(`${summaryLine({ file: source.name, format: reader.format, table: result.table, details: result.details })}\n`);
      if (result.profile.length) io.stdout.write(`\n${profileText(result.profile)}\n`);
      if (result.findings.length) {
        const rowWord = reader.format === 'csv' ? 'line' : 'row';
        io.stdout.write(`\nFindings (${result.findings.length}):\n${result.findings.map((f) => findingText(f, rowWord)).join('\n')}\n`);
      }
      if (wrote) io.stdout.write(`\nWrote ${wrote} (${result.table!.rowCount.toLocaleString('en-US')} rows).\n`);
    }
    return errors.length ? EXIT.FINDINGS : EXIT.OK;
  },
};

function inputError(io: Parameters<Command['run']>[1], json: boolean | undefined, message: string): number {
  if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: { message } })}\n`);
  else io.stderr.write(`${message}\n`);
  return EXIT.USAGE;
}
