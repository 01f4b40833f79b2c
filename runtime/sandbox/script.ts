/**
 * Script steps: a power user's plain JavaScript, the body of `function (row, ctx)`, run per
 * row inside the same sandbox and under the same limits as compiled formulas. Browser-safe.
 *
 * `row` holds the row's columns by name (own properties, so `__proto__` is just a name);
 * `ctx` is the frozen run context plus the function library: { today, now, tables, L }.
 * The body returns text, a number, a boolean, blank, a formula error, or a plain object of
 * those, whose keys become columns when a template uses the step (scriptColumns).
 */
import type { RunContext } from '../formula/program';
import { serialFromYmd } from '../formula/library/dates';
import { ERR, errorOf, FormulaError, type Scalar } from '../formula/library/values';
import type { Sandbox } from './sandbox';
import type { SandboxError } from './sandbox-error';
import { SCRIPT_ERROR_KEY } from './wire-format';

export type ScriptValue = Scalar | readonly ScriptValue[] | { readonly [key: string]: ScriptValue };
export type ScriptRowResult = { readonly ok: true; readonly value: ScriptValue } | { readonly ok: false; readonly error: SandboxError };
export type ScriptBatchResult =
  | { readonly ok: true; readonly rows: readonly ScriptRowResult[] }
  | { readonly ok: false; readonly error: SandboxError };

/** A context for ad-hoc runs (CLI, previews): the local date and time of `at`, no reference tables. */
export function runContextAt(at: Date): RunContext {
  const today = serialFromYmd(at.getFullYear(), at.getMonth() + 1, at.getDate());
  const seconds = at.getHours() * 3600 + at.getMinutes() * 60 + at.getSeconds() + at.getMilliseconds() / 1000;
  return Object.freeze({ today, now: today + seconds / 86_400, tables: Object.freeze({}) });
}

export function encodeScriptRows(rows: readonly Readonly<Record<string, unknown>>[]): string {
  return JSON.stringify(rows, (_key, v: unknown) => (v instanceof FormulaError ? { [SCRIPT_ERROR_KEY]: v.code } : v));
}

/** JSON.parse makes `__proto__` an own key, so results keep the keys scripts gave them. */
export function decodeScriptResults(json: string): ScriptRowResult[] {
  const pairs = JSON.parse(json, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && Object.hasOwn(v, SCRIPT_ERROR_KEY)
      ? (errorOf((v as Record<string, string>)[SCRIPT_ERROR_KEY]) ?? ERR.VALUE)
      : v,
  ) as [0 | 1, unknown][];
  return pairs.map(([failed, value]) =>
    failed ? { ok: false, error: { kind: 'exception', message: value as string } } : { ok: true, value: value as ScriptValue },
  );
}

/** One batch of rows through the script: a limit fails the batch, a throw fails its row. */
export async function runScriptBatch({
  sandbox,
  source,
  rows,
  context,
  timeoutMs,
}: {
  sandbox: Sandbox;
  source: string;
  rows: readonly Readonly<Record<string, unknown>>[];
  context: RunContext;
  timeoutMs?: number;
}): Promise<ScriptBatchResult> {
  const result = await sandbox.runScriptJson({ source, context, rowsJson: encodeScriptRows(rows), timeoutMs });
  return result.ok ? { ok: true, rows: decodeScriptResults(result.value) } : result;
}

/** One row through the script (the CLI, the studio's script editor). */
export async function runScript({
  sandbox,
  source,
  row,
  context,
  timeoutMs,
}: {
  sandbox: Sandbox;
  source: string;
  row: Readonly<Record<string, unknown>>;
  context: RunContext;
  timeoutMs?: number;
}): Promise<ScriptRowResult> {
  const result = await runScriptBatch({ sandbox, source, rows: [row], context, timeoutMs });
  return result.ok ? result.rows[0] : result;
}

/**
 * Script results as columns: an object's keys become columns (in first-seen order), any
 * other value the single column `value`. Failed rows and missing keys are blank; the
 * failures are reported beside the columns, by row.
 */
export function scriptColumns({ rows }: { rows: readonly ScriptRowResult[] }): {
  names: string[];
  columns: Scalar[][];
  failures: { row: number; error: SandboxError }[];
} {
  const index = new Map<string, number>();
  const columns: Scalar[][] = [];
  const failures: { row: number; error: SandboxError }[] = [];
  const cell = (name: string, row: number, v: ScriptValue) => {
    let c = index.get(name);
    if (c === undefined) {
      index.set(name, (c = columns.length));
      columns.push(new Array<Scalar>(rows.length).fill(null));
    }
    columns[c][row] = v === null || typeof v !== 'object' || v instanceof FormulaError ? v : ERR.VALUE;
  };
  rows.forEach((r, i) => {
    if (!r.ok) failures.push({ row: i, error: r.error });
    else if (r.value !== null && typeof r.value === 'object' && !Array.isArray(r.value) && !(r.value instanceof FormulaError)) {
      for (const [k, v] of Object.entries(r.value)) cell(k, i, v);
    } else cell('value', i, r.value);
  });
  return { names: [...index.keys()], columns, failures };
}
