/**
 * Script steps: a power user's function body, run per row of a batch. Runs INSIDE QuickJS.
 *
 * Scripts are off the hot path (DESIGN.md §2), so rows cross as JSON; what matters here is
 * that the result is plain data and that a thrown value becomes a row's error while a limit
 * (time, memory, stack) fails the whole batch, as it does for programs.
 */
import { FormulaError } from '../../formula/library/values';
import { kindOfVmError } from '../sandbox-error';
import { SCRIPT_ERROR_KEY } from '../wire-format';
import { deepFreeze } from './harden';
import { compileFunction, type Evaluate } from './program-driver';
import { describeThrown } from './thrown';

const MAX_DEPTH = 16;

type Script = (row: unknown, ctx: unknown) => unknown;

function kindName(v: object): string {
  return Object.prototype.toString.call(v).slice(8, -1);
}

/**
 * What a script may return: text, numbers, booleans, blanks, formula errors, and plain
 * objects and arrays of those. Objects are copied onto null-prototype objects so that keys
 * such as `__proto__` stay ordinary keys on the way out.
 */
function toPlain(v: unknown, depth: number): unknown {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? v : { [SCRIPT_ERROR_KEY]: '#NUM!' };
    case 'string':
    case 'boolean':
      return v;
    case 'object': {
      if (v instanceof FormulaError) return { [SCRIPT_ERROR_KEY]: v.code };
      if (depth >= MAX_DEPTH) throw new TypeError(`The script's result is nested more than ${MAX_DEPTH} levels deep.`);
      if (Array.isArray(v)) {
        const out: unknown[] = [];
        for (let i = 0; i < v.length; i++) out[i] = toPlain(v[i], depth + 1);
        return out;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null) {
        const out: Record<string, unknown> = Object.create(null);
        for (const k of Object.keys(v)) out[k] = toPlain((v as Record<string, unknown>)[k], depth + 1);
        return out;
      }
      throw new TypeError(
        `A script step returns text, numbers, booleans, blanks, or plain objects and arrays of them; it returned a ${kindName(v)}. Script steps are synchronous.`,
      );
    }
    default:
      throw new TypeError(`A script step cannot return a ${typeof v}.`);
  }
}

export function prepareScript(evaluate: Evaluate, L: unknown, errors: readonly FormulaError[], body: string, contextJson: string) {
  const script = compileFunction<Script>(evaluate, `(function (row, ctx) {"use strict";\n${body}\n})`, 'script');
  const ctx = deepFreeze({ ...(JSON.parse(contextJson) as object), L });
  const byCode: Record<string, FormulaError> = Object.create(null);
  for (const e of errors) byCode[e.code] = e;
  const revive = (_k: string, v: unknown) => {
    if (v !== null && typeof v === 'object' && SCRIPT_ERROR_KEY in v) {
      return byCode[(v as Record<string, string>)[SCRIPT_ERROR_KEY]] ?? byCode['#VALUE!'];
    }
    return v;
  };
  /** Rows as a JSON array of objects; returns JSON of [0, value] or [1, message] per row. */
  function run(rowsJson: string): string {
    // JSON writes the key's U+0000 as an escape; look for that before paying for a reviver.
    const rows = JSON.parse(rowsJson, rowsJson.includes(JSON.stringify(SCRIPT_ERROR_KEY)) ? revive : undefined) as unknown[];
    const results: unknown[] = [];
    for (let i = 0; i < rows.length; i++) {
      try {
        results[i] = [0, toPlain(script(rows[i], ctx), 0)];
      } catch (e) {
        const [name, message] = describeThrown(e);
        // Limits fail the batch, as they do for programs; the host recycles the VM if needed.
        if (kindOfVmError(name, message) !== 'exception') throw e;
        results[i] = [1, `${name}: ${message}`];
      }
    }
    return JSON.stringify(results);
  }
  return Object.freeze({ run });
}
