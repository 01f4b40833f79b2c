/**
 * `opspilot script --file step.js`: runs a script step (the body of `function (row, ctx)`)
 * over one row in the sandbox, under the same limits as a real run, for power users trying
 * a step and for scripts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EXIT, UsageError, type Command, type CommandIO } from '../command';
import { parseOptions } from '../args';
import { FormulaError } from '../../formula/library/values';
import { createSandbox } from '../../sandbox/sandbox';
import { DEFAULT_LIMITS } from '../../sandbox/sandbox-limits';
import { runContextAt, runScript, type ScriptRowResult } from '../../sandbox/script';

const HELP = `Usage: opspilot script --file <step.js> [--row '<json object>'] [--json] [--timeout-ms N] [--memory-mb N]

Runs a script step over one row in the sandbox and prints what it returns.

The file holds the body of \`function (row, ctx)\`: \`row\` has the row's columns by name,
\`ctx\` has { today, now, tables, L } (L is the formula function library). Return text, a
number, true/false, null, or a plain object of those (its keys become columns).

Options:
  --file <path>       the script step (required)
  --row <json>        the row, as a JSON object (default {})
  --timeout-ms <n>    stop the script after n milliseconds (default ${DEFAULT_LIMITS.timeoutMs})
  --memory-mb <n>     stop the script past n MiB of memory (default ${DEFAULT_LIMITS.memoryBytes / 2 ** 20})
  --json              print one JSON line: {"ok":true,"value":...} or
                      {"ok":false,"error":{"kind":"timeout|memory|stack|exception","message":...}}
  -h, --help          show this help

Formula errors in the value print as their code ("#N/A").
Exit codes: 0 the script returned a value, 1 it failed (threw, or hit a limit), 2 the file
cannot be read or the options are wrong.

Examples:
  opspilot script --file notional.js --row '{"Price": 2.5, "Qty": 4}'
  opspilot script --file step.js --json --timeout-ms 500`;

function parseRow(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--row is not valid JSON: ${(e as Error).message}`);
  }
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new UsageError('--row must be a JSON object, e.g. {"Price": 2.5}');
  return row as Record<string, unknown>;
}

function positiveInt(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a whole number above 0, got "${text}"`);
  return n;
}

/** Formula errors as their code, as `opspilot formula --json` prints them. */
const plain = (_key: string, v: unknown) => (v instanceof FormulaError ? v.code : v);

function print(result: ScriptRowResult, json: boolean, io: CommandIO): number {
  if (json) {
    io.stdout.write(`${JSON.stringify(result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error }, plain)}\n`);
  } else if (result.ok) {
    io.stdout.write(`${JSON.stringify(result.value, plain)}\n`);
  } else {
    io.stderr.write(`${result.error.kind}: ${result.error.message}\n`);
  }
  return result.ok ? EXIT.OK : EXIT.FINDINGS;
}

export const scriptCommand: Command = {
  path: ['script'],
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseOptions(
      args,
      {
        file: { type: 'string' },
        row: { type: 'string' },
        json: { type: 'boolean' },
        'timeout-ms': { type: 'string' },
        'memory-mb': { type: 'string' },
      },
      false,
    );
    if (positionals.length) throw new UsageError(`Unexpected argument \`${positionals[0]}\``);
    if (!values.file) throw new UsageError('Give the script step with --file <path>');
    const row = parseRow(values.row);
    const timeoutMs = positiveInt('timeout-ms', values['timeout-ms']);
    const memoryMb = positiveInt('memory-mb', values['memory-mb']);
    const file = path.resolve(io.cwd, values.file);
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch (e) {
      io.stderr.write(`Cannot read the script step ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Check the --file path.\n`);
      return EXIT.USAGE;
    }
    const sandbox = await createSandbox({ limits: { timeoutMs, memoryBytes: memoryMb === undefined ? undefined : memoryMb * 2 ** 20 } });
    const result = await runScript({ sandbox, source, row, context: runContextAt(new Date()) });
    return print(result, values.json === true, io);
  },
};
