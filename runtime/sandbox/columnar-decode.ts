/**
 * Host half of the output format (wire-format.ts): one buffer and one string back into
 * runtime values, FormulaError for errors. Browser-safe.
 */
import { ERR, ERROR_CODES, errorOf, type FormulaError, type Scalar } from '../formula/library/values';
import { TAG, TEXT_MODE, outputBytes, outputNumbersOffset } from './wire-format';

/** A batch's outputs as the VM returned them; transferable between threads as it is. */
export interface EncodedOutputs {
  readonly rows: number;
  readonly columns: number;
  readonly buffer: ArrayBuffer;
  readonly text: string;
  readonly textMode: number;
}

const ERRORS: readonly FormulaError[] = ERROR_CODES.map((c) => errorOf(c)!);

/** Thrown when a batch's outputs do not add up: a bug in one half of the format, never data. */
export class OutputFormatError extends Error {}

/**
 * The batch's output columns as runtime values. With `into`, cells are written at rows
 * `at`.. of those arrays instead, so batches assemble into one column without copies.
 */
export function decodeOutputs({
  outputs,
  into,
  at = 0,
}: {
  outputs: EncodedOutputs;
  into?: Scalar[][];
  at?: number;
}): Scalar[][] {
  const { rows: n, columns: m, buffer, text, textMode } = outputs;
  if (buffer.byteLength !== outputBytes(m, n)) {
    throw new OutputFormatError(`Output buffer of ${buffer.byteLength} bytes; ${outputBytes(m, n)} expected.`);
  }
  const tags = new Uint8Array(buffer, 0, m * n);
  const nums = new Float64Array(buffer, outputNumbersOffset(m, n), m * n);
  const cells = textMode === TEXT_MODE.JSON ? (JSON.parse(text) as string[]) : undefined;
  let pos = 0;
  let cell = 0;
  const target = into ?? Array.from({ length: m }, () => new Array<Scalar>(n));
  for (let j = 0; j < m; j++) {
    const col = target[j];
    const base = j * n;
    for (let i = 0; i < n; i++) {
      const x = nums[base + i];
      switch (tags[base + i]) {
        case TAG.NUMBER:
          col[at + i] = x;
          break;
        case TAG.TEXT:
          if (cells) col[at + i] = cells[cell++];
          else {
            col[at + i] = text.substring(pos, pos + x);
            pos += x;
          }
          break;
        case TAG.BOOLEAN:
          col[at + i] = x !== 0;
          break;
        case TAG.BLANK:
          col[at + i] = null;
          break;
        default:
          col[at + i] = ERRORS[x] ?? ERR.VALUE;
      }
    }
  }
  if (cells ? cell !== cells.length : pos !== text.length) {
    throw new OutputFormatError('Output text does not match the text cells of the batch.');
  }
  return target;
}
