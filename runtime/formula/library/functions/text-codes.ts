/**
 * Character codes: CHAR, CODE (Excel for Windows' code page 1252, so results do not depend on
 * the machine) and UNICHAR, UNICODE (code points).
 */
import { argInt, argText, isErr, strict } from '../arg-coerce';
import type { FunctionSpec } from '../registry';
import { ERR } from '../values';

/** Windows-1252 bytes 0x80..0x9F; the rest of 1..255 equals Latin-1. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function byteToChar(n: number): string {
  return String.fromCharCode(n >= 0x80 && n <= 0x9f ? CP1252_HIGH[n - 0x80] : n);
}

function charToByte(c: string): number {
  const u = c.charCodeAt(0);
  if (u < 0x80 || (u >= 0xa0 && u <= 0xff)) return u;
  const i = CP1252_HIGH.indexOf(u);
  // Excel's CODE gives 63 ("?") for a character outside the code page.
  return i >= 0 ? 0x80 + i : 63;
}

export const TEXT_CODE_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'CHAR',
    category: 'text',
    params: [{ name: 'number', type: 'number', doc: '1 to 255.' }],
    returns: 'text',
    doc: 'The Windows-1252 character for 1-255 (Excel for Windows; Excel for Mac uses Mac Roman).',
    example: { formula: 'CHAR(65)', result: 'A' },
    impl: strict((args) => {
      const n = argInt(args[0]);
      if (isErr(n)) return n;
      return n < 1 || n > 255 ? ERR.VALUE : byteToChar(n);
    }),
  },
  {
    name: 'CODE',
    category: 'text',
    params: [{ name: 'text', type: 'text' }],
    returns: 'number',
    doc: 'The Windows-1252 code of the first character (63 outside the code page); #VALUE! for empty text.',
    example: { formula: 'CODE("€")', result: '128' },
    impl: strict((args) => {
      const s = argText(args[0]);
      if (isErr(s)) return s;
      return s === '' ? ERR.VALUE : charToByte(s);
    }),
  },
  {
    name: 'UNICHAR',
    category: 'text',
    params: [{ name: 'number', type: 'number' }],
    returns: 'text',
    doc: 'The character with this Unicode code point; #VALUE! out of range, #N/A for a lone surrogate.',
    example: { formula: 'UNICHAR(8364)', result: '€' },
    impl: strict((args) => {
      const n = argInt(args[0]);
      if (isErr(n)) return n;
      if (n < 1 || n > 0x10ffff) return ERR.VALUE;
      return n >= 0xd800 && n <= 0xdfff ? ERR.NA : String.fromCodePoint(n);
    }),
  },
  {
    name: 'UNICODE',
    category: 'text',
    params: [{ name: 'text', type: 'text' }],
    returns: 'number',
    doc: 'The Unicode code point of the first character; #VALUE! for empty text.',
    example: { formula: 'UNICODE("€")', result: '8364' },
    impl: strict((args) => {
      const s = argText(args[0]);
      if (isErr(s)) return s;
      return s === '' ? ERR.VALUE : (s.codePointAt(0) as number);
    }),
  },
];
