/**
 * Strings into the byte form the cell parsers read. The parsers work on bytes because the
 * delimited reader scans bytes (twice as fast as charCodeAt on a decoded string, and no string
 * is made for a cell that is a number or a repeated value); strings from JSON, XML and Excel
 * reach the same parsers through these adapters. Each returns a shared scratch buffer that is
 * valid until the next call. Browser-safe.
 */
let ascii = new Uint8Array(256);
let utf8 = new Uint8Array(1024);
const encoder = new TextEncoder();

/** One byte per UTF-16 unit: ASCII as itself, anything else as 0xFF (never a digit or separator). */
export function asciiBytes(text: string): Uint8Array {
  if (text.length > ascii.length) ascii = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    ascii[i] = c < 128 ? c : 255;
  }
  return ascii;
}

/** The UTF-8 bytes of a string; `length` is how many were written. */
export function utf8Bytes(text: string): { bytes: Uint8Array; length: number } {
  if (text.length * 3 > utf8.length) utf8 = new Uint8Array(text.length * 3 + 16);
  const { written } = encoder.encodeInto(text, utf8);
  return { bytes: utf8, length: written };
}
