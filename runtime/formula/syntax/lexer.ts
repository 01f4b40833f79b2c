/**
 * Formula text → tokens. Stops at the first problem and says how to fix it, including the
 * habits analysts bring from elsewhere (`==`, `!=`, 'single quotes', curly quotes, `;`).
 */
import { diagnostic, type Diagnostic } from '../diagnostics';
import { ERROR_CODES, type ErrorCode } from '../library/values';
import { readBracketed } from './column-ref';

export type TokenType =
  | 'number'
  | 'text'
  | 'column'
  | 'ident'
  | 'error'
  | 'op'
  | '('
  | ')'
  | '{'
  | '}'
  | ','
  | ';'
  | 'eof';

export interface Token {
  readonly type: TokenType;
  readonly start: number;
  readonly end: number;
  /** Operator or identifier text, unescaped text/column content, or the error code. */
  readonly text: string;
  readonly value?: number;
}

export type LexResult = { ok: true; tokens: readonly Token[] } | { ok: false; diagnostic: Diagnostic };

const OPERATORS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>', '%'];
const PUNCTUATION = new Set(['(', ')', '{', '}', ',', ';']);
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_.]*/y;
const SPACE = /\s/;
const MISTAKES: Record<string, { message: string; suggestion?: string }> = {
  '==': { message: 'Use `=` to compare: formulas have no `==`', suggestion: '=' },
  '!=': { message: 'Use `<>` for "not equal": formulas have no `!=`', suggestion: '<>' },
  '&&': { message: 'Use AND(a, b) for "and": `&&` is not an operator here' },
  '||': { message: 'Use OR(a, b) for "or": `||` is not an operator here' },
};

class LexFailure {
  constructor(readonly diagnostic: Diagnostic) {}
}

function fail(code: Diagnostic['code'], message: string, start: number, end: number, suggestion?: string): never {
  throw new LexFailure(diagnostic({ code, message, start, end, suggestion }));
}

export function tokenize(text: string): LexResult {
  try {
    return { ok: true, tokens: Object.freeze(scan(text)) };
  } catch (e) {
    if (e instanceof LexFailure) return { ok: false, diagnostic: e.diagnostic };
    throw e;
  }
}

function scan(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (type: TokenType, start: number, end: number, tokenText: string, value?: number) =>
    tokens.push(Object.freeze({ type, start, end, text: tokenText, value }));
  while (i < text.length) {
    const ch = text[i];
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (MISTAKES[two]) fail('unexpected-character', MISTAKES[two].message, i, i + 2, MISTAKES[two].suggestion);
    if (ch === '"') {
      i = readText(text, i, push);
    } else if (ch === '[') {
      const r = readBracketed(text, i);
      if (!r) fail('unterminated-column', 'Column reference is not closed: add `]` (write `\'`]` for a `]` inside the name)', i, text.length, undefined);
      if (r.raw === '') fail('empty-column', 'Empty column reference: write a column name inside the brackets, e.g. `[Price]`', i, r.end);
      push('column', i, r.end, r.raw);
      i = r.end;
    } else if (/[0-9.]/.test(ch)) {
      i = readNumber(text, i, push);
    } else if (/[A-Za-z_]/.test(ch)) {
      IDENT.lastIndex = i;
      const m = IDENT.exec(text)!;
      push('ident', i, i + m[0].length, m[0]);
      i += m[0].length;
    } else if (ch === '#') {
      const code = ERROR_CODES.find((c) => text.slice(i, i + c.length).toUpperCase() === c);
      if (!code) fail('unexpected-character', `Unknown error value: write one of ${ERROR_CODES.join(', ')}`, i, i + 1);
      push('error', i, i + code.length, code as ErrorCode);
      i += code.length;
    } else if (PUNCTUATION.has(ch)) {
      push(ch as TokenType, i, i + 1, ch);
      i++;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (!op) unexpected(text, i);
      push('op', i, i + op.length, op);
      i += op.length;
    }
  }
  push('eof', text.length, text.length, '');
  return tokens;
}

function readText(text: string, start: number, push: (t: TokenType, s: number, e: number, x: string) => void): number {
  let value = '';
  let i = start + 1;
  for (;;) {
    const close = text.indexOf('"', i);
    if (close < 0) fail('unterminated-text', 'Text is not closed: add a closing `"` (write `""` for a quote inside text)', start, text.length);
    value += text.slice(i, close);
    if (text[close + 1] === '"') {
      value += '"';
      i = close + 2;
      continue;
    }
    push('text', start, close + 1, value);
    return close + 1;
  }
}

function readNumber(text: string, start: number, push: (t: TokenType, s: number, e: number, x: string, v?: number) => void): number {
  NUMBER.lastIndex = start;
  const m = NUMBER.exec(text);
  if (!m) fail('unexpected-character', 'A lone `.` is not a number: write 0.5 or .5', start, start + 1);
  let end = start + m[0].length;
  if (/[A-Za-z0-9_.]/.test(text[end] ?? '')) {
    while (end < text.length && /[A-Za-z0-9_.]/.test(text[end])) end++;
    fail('invalid-number', `\`${text.slice(start, end)}\` is not a number: write digits with one optional decimal point and exponent (1.5, 2e3)`, start, end);
  }
  const value = Number(m[0]);
  if (!Number.isFinite(value)) fail('invalid-number', 'Number is too large: the largest is about 1.8e308', start, end);
  push('number', start, end, m[0], value);
  return end;
}

function unexpected(text: string, i: number): never {
  const ch = text[i];
  if (ch === "'") fail('unexpected-character', 'Text goes in double quotes: write "text", not \'text\'', i, i + 1, '"');
  if (ch === '\u201C' || ch === '\u201D') fail('unexpected-character', 'Curly quotes are not quotes here: retype them as straight quotes `"`', i, i + 1, '"');
  if (ch === '!') fail('unexpected-character', 'A source-qualified column goes inside the brackets: `[broker!Price]`', i, i + 1);
  if (/\p{L}/u.test(ch)) {
    let end = i;
    while (end < text.length && /[\p{L}\p{N}_]/u.test(text[end])) end++;
    const word = text.slice(i, end);
    fail('unexpected-character', `Unexpected \`${word}\`: column names go in brackets, e.g. \`[${word}]\``, i, end, `[${word}]`);
  }
  fail('unexpected-character', `Unexpected character \`${ch}\`: remove it or put it inside "text"`, i, i + 1);
}
