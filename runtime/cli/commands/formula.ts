/**
 * `opspilot formula '<expr>'`: evaluates one formula over one row, for analysts trying a
 * formula and for scripts. Evaluation is runtime/formula's evaluateOne, the same path the
 * studio preview takes.
 */
import { EXIT, UsageError, type Command, type CommandIO } from '../command';
import { parseOptions } from '../args';
import { evaluateOne, isoDate, type Diagnostic, type EvaluateOneResult } from '../../formula/index';
import { serialFromYmd } from '../../formula/library/dates';
import { numberToText, type Scalar } from '../../formula/library/values';
import type { RunContext } from '../../formula/program';

const HELP = `Usage: opspilot formula '<expr>' [--row '<json object>'] [--today YYYY-MM-DD] [--json]

Evaluates one formula over one row and prints the result.

Options:
  --row <json>      the row, as a JSON object: its keys are the columns the formula may use.
                    Numbers, text and true/false give the column its type; null is a blank cell.
  --today <date>    the business date TODAY() returns (default: the local date); NOW() is
                    that date at 00:00 when given, else the current local time
  --json            print one JSON line: {"ok":true,"type":...,"value":...} or
                    {"ok":false,"error":{"message":...,"start":...,"end":...}}
  -h, --help        show this help

A formula that starts with - goes after \`--\` (opspilot formula -- '-1+2') or after an = sign.

Exit codes: 0 a value (errors such as #DIV/0! are values), 2 the formula does not compile
or the options are wrong.

Examples:
  opspilot formula 'ROUND([Price]*[Qty], 2)' --row '{"Price": 2.675, "Qty": 1}'
  opspilot formula 'TODAY()+30' --today 2024-01-31 --json`;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseRow(text: string | undefined): Record<string, Scalar> {
  if (text === undefined) return {};
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--row is not valid JSON: ${(e as Error).message}`);
  }
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new UsageError('--row must be a JSON object, e.g. {"Price": 2.5}');
  for (const [k, v] of Object.entries(row)) {
    if (v !== null && typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean') {
      throw new UsageError(`--row value of "${k}" must be a number, text, true/false or null`);
    }
  }
  return row as Record<string, Scalar>;
}

/** The run context: the business date from --today, else the host's local clock. */
function context(today: string | undefined): RunContext {
  if (today !== undefined) {
    const m = DATE.exec(today);
    const serial = m ? serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : NaN;
    // serialFromYmd rolls 2024-02-30 over into March: a real date reads back unchanged.
    if (!m || isoDate(serial) !== today) throw new UsageError(`--today must be a date as YYYY-MM-DD, got "${today}"`);
    return { today: serial, now: serial, tables: {} };
  }
  const d = new Date();
  const serial = serialFromYmd(d.getFullYear(), d.getMonth() + 1, d.getDate());
  const seconds = d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds() + d.getMilliseconds() / 1000;
  return { today: serial, now: serial + seconds / 86400, tables: {} };
}

function firstError(ds: readonly Diagnostic[]): Diagnostic {
  return ds.find((d) => d.severity === 'error') ?? ds[0];
}

/** The formula with a caret line under the problem, for the terminal. */
function pointAt(text: string, d: Diagnostic): string {
  const width = Math.max(1, d.end - d.start);
  return `  ${text}\n  ${' '.repeat(d.start)}${'^'.repeat(width)}`;
}

function print(result: EvaluateOneResult, text: string, json: boolean, io: CommandIO): number {
  if (!result.ok) {
    const d = firstError(result.diagnostics);
    if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: { message: d.message, start: d.start, end: d.end } })}\n`);
    else io.stderr.write(`${d.message}\n${pointAt(text, d)}\n`);
    return EXIT.USAGE;
  }
  const { type, value } = result.display;
  if (json) {
    io.stdout.write(`${JSON.stringify({ ok: true, type, value })}\n`);
    return EXIT.OK;
  }
  for (const w of result.warnings) io.stderr.write(`warning: ${w.message}\n${pointAt(text, w)}\n`);
  // Numbers as Excel's General format shows them (0.1+0.2 is 0.3); --json keeps every digit.
  const shown = type === 'text' ? JSON.stringify(value) : value === null ? '(blank)' : typeof value === 'number' ? numberToText(value) : String(value);
  io.stdout.write(`${shown}  (${type})\n`);
  return EXIT.OK;
}

export const formulaCommand: Command = {
  path: ['formula'],
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      row: { type: 'string' },
      today: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) {
      throw new UsageError(positionals.length ? 'Give one formula; quote it so the shell keeps it whole' : 'Give the formula to evaluate');
    }
    const text = positionals[0];
    const result = await evaluateOne({ text, row: parseRow(values.row), context: context(values.today) });
    return print(result, text, values.json === true, io);
  },
};
