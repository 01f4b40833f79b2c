import path from 'node:path';
import type { Finding } from '../../finding';
import { readerRegistry } from '../../ingest/registry';
import { byteSourcesFromPath, InputError } from '../../runner/input-files';
import { loadTemplateFile } from '../../runner/load-template';
import { runSummary, writeRunOutputs } from '../../runner/run-outputs';
import { runTemplate } from '../../runner/run-template';
import { createSandboxPool } from '../../sandbox/node/pool';
import type { ByteSource } from '../../ingest/reader';
import { parseOptions } from '../args';
import { EXIT, UsageError, type Command, type CommandIO } from '../command';
import { progressBar } from '../progress-bar';

export const runCommand: Command = {
  path: ['run'],
  help: `Usage: opspilot run <template.json | templates/<name>> --input <source>=<path> … --out <dir> [options]

Reads each source's files, maps and validates them in the sandbox, and writes the template's
outputs plus summary.json (counts, findings, durations, input file hashes, template hash).
Every output row carries its lineage: _source_file and _source_row.

Options:
  --input <source>=<path>   a source's file, or a folder of files; repeat per source
  --out <dir>               where the outputs go (written only when the run completes)
  --business-date YYYY-MM-DD  what TODAY() returns (default: today, UTC)
  --json                    print the summary as one line of JSON
  -h, --help                show this help

Exit codes: 0 clean, 1 breaks or findings at error severity, 2 usage or input error.

Example:
  opspilot run templates/broker-etd-positions --input broker=statement.csv --out out/`,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      input: { type: 'string', multiple: true }, out: { type: 'string' }, 'business-date': { type: 'string' }, json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('Give exactly one template: a template.json or a templates/<name> folder.');
    if (!values.out) throw new UsageError('--out <dir> is required.');
    const businessDate = values['business-date'] ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(businessDate)) throw new UsageError(`--business-date must be YYYY-MM-DD, got ${businessDate}`);

    const loaded = await loadTemplateFile(path.resolve(io.cwd, positionals[0]));
    if (!loaded.ok) return report(io, values.json, loaded.findings, EXIT.USAGE);
    const { template } = loaded;
    const inputs: Record<string, ByteSource[]> = {};
    try {
      for (const spec of values.input ?? []) {
        const eq = spec.indexOf('=');
        if (eq <= 0) throw new UsageError(`--input takes <source>=<path>, got ${spec}`);
        const name = spec.slice(0, eq);
        if (!template.sources.some((s) => s.name === name)) {
          throw new UsageError(`The template has no source \`${name}\`; its sources are ${template.sources.map((s) => s.name).join(', ')}.`);
        }
        inputs[name] = await byteSourcesFromPath(path.resolve(io.cwd, spec.slice(eq + 1)));
      }
    } catch (e) {
      if (e instanceof InputError) return report(io, values.json, [{ code: 'input-unreadable', severity: 'error', message: e.message, location: { source: 'input' } }], EXIT.USAGE);
      throw e;
    }
    const missing = template.sources.filter((s) => !inputs[s.name]).map((s) => s.name);
    if (missing.length) throw new UsageError(`No --input for source${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`);

    const pool = createSandboxPool();
    const bar = progressBar(io.stderr);
    try {
      const result = await runTemplate({ template, inputs, readerFor: (f) => readerRegistry.byFormat(f), pool, businessDate, onProgress: bar.update });
      bar.done();
      const dir = path.resolve(io.cwd, values.out);
      const written = await writeRunOutputs({ dir, result, template, businessDate });
      const summary = runSummary({ result, template, businessDate });
      if (values.json) io.stdout.write(`${JSON.stringify({ ...summary, findings: undefined, findingCount: summary.findings.length, outputs: written })}\n`);
      else {
        for (const s of result.sources) io.stdout.write(`${s.name}: ${s.rows} rows read, ${s.mapped?.rowCount ?? 0} mapped\n`);
        if (result.match) io.stdout.write(`match: ${result.match.breaks.length} break(s)\n`);
        printFindings(io, result.findings);
        io.stdout.write(`Wrote ${written.length} file(s) to ${dir}\n`);
      }
      return result.findings.some((f) => f.severity === 'error') || (result.match?.breaks.length ?? 0) > 0 ? EXIT.FINDINGS : EXIT.OK;
    } finally {
      bar.done();
      await pool.close();
    }
  },
};

function printFindings(io: CommandIO, findings: readonly Finding[]) {
  for (const f of findings.slice(0, 50)) {
    const where = [f.location.source, f.location.row && `row ${f.location.row}`, f.location.column && `column ${f.location.column}`, f.location.path].filter(Boolean).join(', ');
    io.stdout.write(`${f.severity.padEnd(7)} ${where}: ${f.message}\n`);
  }
  if (findings.length > 50) io.stdout.write(`… and ${findings.length - 50} more findings in summary.json\n`);
}

function report(io: CommandIO, json: boolean | undefined, findings: readonly Finding[], code: number) {
  if (json) io.stdout.write(`${JSON.stringify({ ok: false, findings })}\n`);
  else printFindings(io, findings);
  return code;
}
