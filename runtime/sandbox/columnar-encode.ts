/**
 * Host half of the input format (wire-format.ts): rows [start, end) of the program's input
 * columns become one ArrayBuffer and one string. Browser-safe.
 */
import type { ColumnSpec } from '../formula/program';
import { ERROR_CODES, FormulaError, type Scalar } from '../formula/library/values';
import type { InputColumn } from './input-columns';
import {
  COLUMN_WORDS,
  DICT,
  DICT_SEPARATOR,
  FLAG_TYPED_INPUTS,
  HEADER_WORDS,
  IN_KIND,
  TAG,
  align8,
  crossesIntact,
  headerBytes,
} from './wire-format';

export interface EncodedBatch {
  readonly rows: number;
  readonly buffer: ArrayBuffer;
  readonly text: string;
}

const ERROR_INDEX = new Map<string, number>(ERROR_CODES.map((c, i) => [c, i]));
const VALUE_ERROR = ERROR_INDEX.get('#VALUE!')!;

interface Section {
  readonly section: string;
  readonly mode: number;
}

function sectionOf(entries: readonly string[]): Section {
  const joined = entries.join(DICT_SEPARATOR);
  if (crossesIntact(joined) && !entries.some((s) => s.includes(DICT_SEPARATOR))) return { section: joined, mode: DICT.SPLIT };
  return { section: JSON.stringify(entries), mode: DICT.JSON };
}

/**
 * Sections of whole dictionaries, built once and reused by every batch of the column
 * (input columns are immutable once handed to the sandbox).
 */
const wholeDictionaries = new WeakMap<readonly string[], Section>();

function wholeDictionarySection(dict: readonly string[]): Section {
  let made = wholeDictionaries.get(dict);
  if (!made) wholeDictionaries.set(dict, (made = sectionOf(dict)));
  return made;
}

/** The batch string under construction: sections appended, positions in UTF-16 units. */
class TextSink {
  private readonly parts: string[] = [];
  private length = 0;
  /** Writes [start, end, mode] of the section at w[at..at+2]. */
  add({ section, mode }: Section, w: Int32Array, at: number): void {
    w[at] = this.length;
    this.parts.push(section);
    this.length += section.length;
    w[at + 1] = this.length;
    w[at + 2] = mode;
  }
  text(): string {
    return this.parts.join('');
  }
}

function kindOf(column: InputColumn, start: number, end: number): number {
  switch (column.kind) {
    case 'number':
      return column.blanks && column.blanks.subarray(start, end).includes(1) ? IN_KIND.F64_NULLS : IN_KIND.F64;
    case 'boolean':
      return IN_KIND.BOOL;
    case 'text':
      return IN_KIND.TEXT;
    default:
      return IN_KIND.MIXED;
  }
}

/** Bytes of each region a column of `kind` needs, in the order the descriptor names them. */
function regions(kind: number, n: number): number[] {
  if (kind === IN_KIND.F64) return [8 * n];
  if (kind === IN_KIND.F64_NULLS) return [8 * n, n];
  if (kind === IN_KIND.BOOL) return [n];
  if (kind === IN_KIND.TEXT) return [4 * n];
  return [n, 8 * n];
}

function writeText(column: Extract<InputColumn, { kind: 'text' }>, start: number, n: number, buf: ArrayBuffer, codesAt: number, sink: TextSink, w: Int32Array, at: number): void {
  const codes = new Int32Array(buf, codesAt, n);
  const source = column.codes.subarray(start, start + n);
  if (column.dict.length <= n) {
    // A small dictionary crosses whole; codes are copied as they are.
    codes.set(source);
    sink.add(wholeDictionarySection(column.dict), w, at);
    return;
  }
  // A large one would cost more than the batch: re-number the codes this batch uses.
  const local = new Map<number, number>();
  const entries: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = source[i];
    if (c < 0) codes[i] = -1;
    else {
      let k = local.get(c);
      if (k === undefined) local.set(c, (k = entries.push(column.dict[c]) - 1));
      codes[i] = k;
    }
  }
  sink.add(sectionOf(entries), w, at);
}

function writeMixed(values: readonly Scalar[], start: number, n: number, buf: ArrayBuffer, tagsAt: number, numsAt: number, sink: TextSink, w: Int32Array, at: number): void {
  const tags = new Uint8Array(buf, tagsAt, n);
  const nums = new Float64Array(buf, numsAt, n);
  const index = new Map<string, number>();
  const entries: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[start + i];
    if (typeof v === 'number') nums[i] = v;
    else if (typeof v === 'string') {
      let k = index.get(v);
      if (k === undefined) index.set(v, (k = entries.push(v) - 1));
      tags[i] = TAG.TEXT;
      nums[i] = k;
    } else if (typeof v === 'boolean') {
      tags[i] = TAG.BOOLEAN;
      nums[i] = v ? 1 : 0;
    } else if (v === null || v === undefined) tags[i] = TAG.BLANK;
    else {
      tags[i] = TAG.ERROR;
      nums[i] = (v instanceof FormulaError ? ERROR_INDEX.get(v.code) : undefined) ?? VALUE_ERROR;
    }
  }
  sink.add(sectionOf(entries), w, at);
}

/** Whether a column's shape guarantees its declared type (messy `values` columns do not). */
function holdsType(spec: ColumnSpec, column: InputColumn): boolean {
  if (column.kind === 'number') return spec.type === 'number' || spec.type === 'date' || spec.type === 'datetime';
  return column.kind === spec.type;
}

/** Rows [start, end) of `columns`, which are the program's `inputs` in order, in wire format. */
export function encodeBatch({
  inputs,
  columns,
  start = 0,
  end,
}: {
  inputs: readonly ColumnSpec[];
  columns: readonly InputColumn[];
  start?: number;
  end: number;
}): EncodedBatch {
  if (inputs.length !== columns.length) throw new RangeError(`${columns.length} columns for ${inputs.length} program inputs.`);
  const n = end - start;
  const kinds = columns.map((c) => kindOf(c, start, end));
  const layout = kinds.map((k) => regions(k, n));
  let size = headerBytes(columns.length);
  const offsets = layout.map((sizes) =>
    sizes.map((bytes) => {
      const at = size;
      size = align8(size + bytes);
      return at;
    }),
  );
  const buffer = new ArrayBuffer(size);
  const w = new Int32Array(buffer, 0, HEADER_WORDS + COLUMN_WORDS * columns.length);
  w[0] = n;
  w[1] = columns.length;
  w[2] = columns.every((c, i) => holdsType(inputs[i], c)) ? FLAG_TYPED_INPUTS : 0;
  const sink = new TextSink();
  columns.forEach((column, c) => {
    const at = HEADER_WORDS + COLUMN_WORDS * c;
    const [a, b] = offsets[c];
    w[at] = kinds[c];
    w[at + 1] = a;
    if (b !== undefined) w[at + 2] = b;
    if (column.kind === 'number') {
      new Float64Array(buffer, a, n).set(column.values.subarray(start, end));
      if (kinds[c] === IN_KIND.F64_NULLS) new Uint8Array(buffer, b, n).set(column.blanks!.subarray(start, end));
    } else if (column.kind === 'boolean') {
      new Uint8Array(buffer, a, n).set(column.values.subarray(start, end));
    } else if (column.kind === 'text') {
      writeText(column, start, n, buffer, a, sink, w, at + 2);
    } else {
      writeMixed(column.values, start, n, buffer, a, b, sink, w, at + 3);
    }
  });
  return { rows: n, buffer, text: sink.text() };
}
