/**
 * The binary format batches use to cross the QuickJS boundary. Host (columnar-encode.ts,
 * columnar-decode.ts) and VM (vm/batch-driver.ts) both import this file, so the two sides
 * cannot drift. Pure constants and arithmetic: it is bundled into the VM library.
 *
 * Host → VM, one ArrayBuffer plus one string per batch:
 *   Int32 header  [n, columnCount, flags, then COLUMN_WORDS per column: kind, a, b, c, d, e]
 *   flags: FLAG_TYPED_INPUTS when every column's encoding matches its declared type (see below)
 *   then 8-byte-aligned regions the header points at (byte offsets):
 *     F64        a = Float64 values            (handed to the program as-is: zero copy)
 *     F64_NULLS  a = Float64 values, b = Uint8 mask (1 = blank)
 *     BOOL       a = Uint8 values (0 FALSE, 1 TRUE, 2 blank)
 *     TEXT       a = Int32 codes (-1 blank), b..e = dictionary section (below)
 *     MIXED      a = Uint8 tags, b = Float64 numbers (text: dictionary index, error: code index),
 *                c..e = dictionary section
 *   Dictionary section: [start, end) UTF-16 positions in the batch string, then its encoding:
 *   DICT.SPLIT joins the entries with U+001F (one String.split in the VM: measured 2× faster
 *   than a substring per entry, 3× faster than JSON.parse, 30× faster than decoding UTF-8 bytes
 *   in VM code); DICT.JSON is a JSON array, for the rare dictionary holding a U+001F, a U+0000
 *   or a lone surrogate. One string per batch, because each string that crosses costs a UTF-8
 *   round trip and a handle, whatever its length.
 *
 *   Strings cross as NUL-terminated UTF-8 (quickjs-emscripten's newString/getString), so a raw
 *   U+0000 would cut them short and a lone surrogate would not survive; JSON escapes both.
 *
 * VM → host, one ArrayBuffer plus one string per batch, for m outputs of n rows:
 *   Uint8 tags [m × n] (column-major), padded to 8 bytes, then Float64 numbers [m × n].
 *   Tag NUMBER is 0, so an all-number column costs the VM one store per cell. With typed
 *   inputs, an output whose static type is a number, date or boolean is copied by one
 *   Float64Array.set (C speed, ~6× faster than the per-cell loop) and checked for blanks and
 *   NaN (errors and anything non-numeric become NaN); only a column that fails the check
 *   takes the per-cell loop. This trusts the checker's static types, which hold when the
 *   inputs hold their declared types; messy inputs clear the flag and every cell is tagged.
 *   Text cells store their length; the string is all text cells concatenated in column-major
 *   order, so the host slices them back in one pass. If that string holds a U+0000 or is not
 *   well-formed UTF-16, the VM sends JSON of the cell texts instead.
 */

export const IN_KIND = Object.freeze({ F64: 1, F64_NULLS: 2, BOOL: 3, TEXT: 4, MIXED: 5 });

export const TAG = Object.freeze({ NUMBER: 0, TEXT: 1, BOOLEAN: 2, BLANK: 3, ERROR: 4 });

/** Words before the first column descriptor: n, columnCount, flags. */
export const HEADER_WORDS = 3;
export const FLAG_TYPED_INPUTS = 1;
/** Words per column descriptor: kind, a, b, c, d, e. */
export const COLUMN_WORDS = 6;

/** How a dictionary section of the batch string is encoded. */
export const DICT = Object.freeze({ SPLIT: 0, JSON: 1 });
/** The ASCII unit separator: made for this, and next to absent from real data. */
export const DICT_SEPARATOR = '\u001f';

/** True when `text` survives the NUL-terminated UTF-8 trip across the boundary unchanged. */
export function crossesIntact(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed() && !text.includes('\u0000');
}

/** BOOL cell values. */
export const BOOL_FALSE = 0;
export const BOOL_TRUE = 1;
export const BOOL_BLANK = 2;

/** How the VM returned the output text: concatenated cells, or JSON of the cell texts. */
export const TEXT_MODE = Object.freeze({ CONCAT: 0, JSON: 1 });

export const align8 = (x: number): number => (x + 7) & ~7;

/** Byte size of the header for `columns` input columns, aligned for the regions after it. */
export const headerBytes = (columns: number): number => align8((HEADER_WORDS + COLUMN_WORDS * columns) * 4);

/** Byte offset of the Float64 region of an output buffer of m columns × n rows. */
export const outputNumbersOffset = (m: number, n: number): number => align8(m * n);

/** Total byte size of an output buffer of m columns × n rows. */
export const outputBytes = (m: number, n: number): number => outputNumbersOffset(m, n) + m * n * 8;

/**
 * Script steps cross as JSON (they are off the hot path); a formula error inside that JSON is
 * {[SCRIPT_ERROR_KEY]: code}. U+0000 keeps the key clear of any real column name.
 */
export const SCRIPT_ERROR_KEY = '\u0000error';
