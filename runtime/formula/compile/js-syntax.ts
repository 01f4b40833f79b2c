/**
 * The only ways user-derived data enters emitted JavaScript: as a JSON string literal, as a
 * finite number, or as a compiler-numbered local. Codegen builds everything else from fixed
 * text, so no identifier, property name or raw text from a formula can become code.
 */

/** JSON.stringify plus the two line terminators that JSON allows raw but older JS engines do not. */
export function jsString(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function jsNumber(n: number): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`jsNumber: not a finite number: ${String(n)}`);
  if (n === 0) return '0';
  return n < 0 ? `(${String(n)})` : String(n);
}

export type LocalPrefix = 'c' | 'v' | 't' | 'k' | 'f' | 'a' | 'o';

/**
 * Compiler-named locals: c columns, v this row's cell, t temporaries, k per-batch constants,
 * f functions, a reused argument arrays, o outputs.
 */
export function local(prefix: LocalPrefix, index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new Error(`local: bad index ${index}`);
  return `${prefix}${index}`;
}
