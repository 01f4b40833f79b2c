/**
 * The VM half of the batch format (wire-format.ts): turns the host's buffer into the columns
 * `I` a program reads, and the program's output arrays into one buffer and one string.
 * Runs INSIDE QuickJS; these loops are the marshalling cost the benchmark reports, so they
 * stay monomorphic and allocation-free per cell.
 */
import { ERROR_CODES, FormulaError } from '../../formula/library/values';
import {
  BOOL_BLANK,
  BOOL_TRUE,
  COLUMN_WORDS,
  DICT,
  DICT_SEPARATOR,
  FLAG_TYPED_INPUTS,
  HEADER_WORDS,
  IN_KIND,
  TEXT_MODE,
  crossesIntact,
  outputBytes,
  outputNumbersOffset,
} from '../wire-format';

type Cell = number | string | boolean | null | FormulaError;
export type Column = ArrayLike<Cell>;

const ERROR_INDEX: Record<string, number> = Object.create(null);
ERROR_CODES.forEach((code, i) => (ERROR_INDEX[code] = i));
const VALUE_ERROR = ERROR_INDEX['#VALUE!'];

/** The dictionary section described by words at..at+2 (start, end, encoding). */
function dictionary(text: string, w: Int32Array, at: number): string[] {
  const section = text.substring(w[at], w[at + 1]);
  return w[at + 2] === DICT.SPLIT ? section.split(DICT_SEPARATOR) : (JSON.parse(section) as string[]);
}

function decodeMixed(buf: ArrayBuffer, text: string, n: number, w: Int32Array, at: number): Cell[] {
  const tags = new Uint8Array(buf, w[at + 1], n);
  const nums = new Float64Array(buf, w[at + 2], n);
  const dict = dictionary(text, w, at + 3);
  // Index appends, not push(): a method call per cell costs QuickJS ~100 ns more.
  const col: Cell[] = [];
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    const x = nums[i];
    if (t === 0) col[i] = x;
    else if (t === 1) col[i] = dict[x];
    else if (t === 2) col[i] = x !== 0;
    else if (t === 3) col[i] = null;
    else col[i] = errorFromIndex(x);
  }
  return col;
}

let errorsByIndex: readonly FormulaError[] = [];

/** The library's error singletons, so `===` comparisons in compiled code hold. */
export function useErrorValues(errors: readonly FormulaError[]): void {
  errorsByIndex = errors;
}

function errorFromIndex(i: number): FormulaError {
  return errorsByIndex[i] ?? errorsByIndex[VALUE_ERROR];
}

/** The input columns of one batch, in `program.inputs` order. */
export function decodeInputs(buf: ArrayBuffer, text: string): { I: Column[]; n: number; typed: boolean } {
  const head = new Int32Array(buf, 0, HEADER_WORDS);
  const n = head[0];
  const count = head[1];
  const typed = (head[2] & FLAG_TYPED_INPUTS) !== 0;
  const w = new Int32Array(buf, 0, HEADER_WORDS + COLUMN_WORDS * count);
  const I: Column[] = [];
  for (let c = 0; c < count; c++) {
    const at = HEADER_WORDS + COLUMN_WORDS * c;
    const kind = w[at];
    if (kind === IN_KIND.F64) {
      I.push(new Float64Array(buf, w[at + 1], n));
    } else if (kind === IN_KIND.F64_NULLS) {
      // Copy in C, then visit only the blanks (indexOf is a C scan): ~30% faster than a loop.
      const col = Array.prototype.slice.call(new Float64Array(buf, w[at + 1], n)) as Cell[];
      const blank = new Uint8Array(buf, w[at + 2], n);
      for (let i = blank.indexOf(1); i >= 0; i = blank.indexOf(1, i + 1)) col[i] = null;
      I.push(col);
    } else if (kind === IN_KIND.BOOL) {
      const values = new Uint8Array(buf, w[at + 1], n);
      const col: Cell[] = [];
      for (let i = 0; i < n; i++) col[i] = values[i] === BOOL_BLANK ? null : values[i] === BOOL_TRUE;
      I.push(col);
    } else if (kind === IN_KIND.TEXT) {
      const codes = new Int32Array(buf, w[at + 1], n);
      const dict = dictionary(text, w, at + 2);
      const col: Cell[] = [];
      for (let i = 0; i < n; i++) {
        const k = codes[i];
        col[i] = k < 0 ? null : dict[k];
      }
      I.push(col);
    } else if (kind === IN_KIND.MIXED) {
      I.push(decodeMixed(buf, text, n, w, at));
    } else {
      throw new TypeError(`Unknown input column kind ${kind}`);
    }
  }
  return { I, n, typed };
}

function encodeColumn(col: Column, n: number, tags: Uint8Array, nums: Float64Array, base: number, parts: string[]): void {
  // Tag NUMBER is 0 and the buffer starts zeroed, so numbers need no tag store. The other
  // tags are written as literals (TAG.TEXT 1, BOOLEAN 2, BLANK 3, ERROR 4): a property read
  // per cell is measurable in QuickJS, and the round-trip tests pin the values.
  for (let i = 0; i < n; i++) {
    const v = col[i];
    if (typeof v === 'number') {
      nums[base + i] = v;
    } else if (typeof v === 'string') {
      tags[base + i] = 1;
      nums[base + i] = v.length;
      parts[parts.length] = v;
    } else if (v === null || v === undefined) {
      tags[base + i] = 3;
    } else if (typeof v === 'boolean') {
      tags[base + i] = 2;
      nums[base + i] = v ? 1 : 0;
    } else {
      tags[base + i] = 4;
      const code = v instanceof FormulaError ? ERROR_INDEX[v.code] : undefined;
      nums[base + i] = code === undefined ? VALUE_ERROR : code;
    }
  }
}

/** How an output may be encoded, from its static type (wire-format.ts, "With typed inputs"). */
export const OUTPUT_FAST = Object.freeze({ NONE: 0, NUMBER: 1, BOOLEAN: 2 });

export function fastKindOf(type: string): number {
  if (type === 'number' || type === 'date' || type === 'datetime') return OUTPUT_FAST.NUMBER;
  return type === 'boolean' ? OUTPUT_FAST.BOOLEAN : OUTPUT_FAST.NONE;
}

/** The C-speed copy; false (and nothing tagged) when any cell needs the per-cell loop. */
function encodeFast(col: unknown, n: number, kind: number, tags: Uint8Array, nums: Float64Array, base: number): boolean {
  if (!Array.isArray(col) || col.length !== n) return false;
  const view = nums.subarray(base, base + n);
  view.set(col as number[]);
  if (col.includes(null) || view.includes(NaN)) return false;
  if (kind === OUTPUT_FAST.BOOLEAN) tags.fill(2, base, base + n);
  return true;
}

/** [buffer, text, textMode]: the batch's outputs as wire-format.ts describes. */
export function encodeOutputs(out: unknown, n: number, fast: readonly number[], typed: boolean): [ArrayBuffer, string, number] {
  const m = fast.length;
  if (!Array.isArray(out) || out.length !== m) {
    throw new TypeError(`The program returned ${Array.isArray(out) ? out.length : typeof out} outputs; ${m} expected.`);
  }
  const buf = new ArrayBuffer(outputBytes(m, n));
  const tags = new Uint8Array(buf, 0, m * n);
  const nums = new Float64Array(buf, outputNumbersOffset(m, n), m * n);
  const parts: string[] = [];
  for (let j = 0; j < m; j++) {
    if (typed && fast[j] !== OUTPUT_FAST.NONE && encodeFast(out[j], n, fast[j], tags, nums, j * n)) continue;
    encodeColumn(out[j] as Column, n, tags, nums, j * n, parts);
  }
  const text = parts.join('');
  if (crossesIntact(text)) return [buf, text, TEXT_MODE.CONCAT];
  return [buf, JSON.stringify(parts), TEXT_MODE.JSON];
}
