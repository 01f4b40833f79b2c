/**
 * The formula lexer, made to keep going. The editor asks questions about half-typed text
 * (which call is the cursor in, is it inside a string), where the real lexer stops at the
 * first problem. This runs the same lexer again after each problem, so every token it does
 * return is exactly what the server sees, and it says when the text ends inside an
 * unterminated string or column reference (the cursor is usually there while typing). An
 * empty `[]` comes back as a column token with empty text.
 */
import { tokenize, type Token } from '../../runtime/formula/index';

export interface TolerantTokens {
  /** Every token the lexer could read, offsets into the whole text, without the final `eof`. */
  readonly tokens: readonly Token[];
  /** Where the text ends inside an unclosed `"..."` or `[...]`, and where that opened. */
  readonly open?: { readonly kind: 'text' | 'column'; readonly start: number };
}

export function tolerantTokens(text: string): TolerantTokens {
  const tokens: Token[] = [];
  let from = 0;
  for (;;) {
    const lexed = tokenize(text.slice(from));
    const shift = (t: Token): Token => Object.freeze({ ...t, start: t.start + from, end: t.end + from });
    if (lexed.ok) {
      for (const t of lexed.tokens) if (t.type !== 'eof') tokens.push(shift(t));
      return { tokens };
    }
    const d = lexed.diagnostic;
    // The lexer failed at d.start: lex just the part before it to recover the tokens it read.
    const before = tokenize(text.slice(from, from + d.start));
    if (before.ok) for (const t of before.tokens) if (t.type !== 'eof') tokens.push(shift(t));
    if (d.code === 'unterminated-text') return { tokens, open: { kind: 'text', start: from + d.start } };
    if (d.code === 'unterminated-column') return { tokens, open: { kind: 'column', start: from + d.start } };
    // `[]` is a reference still to be typed (the editor closed the bracket): keep it as one.
    if (d.code === 'empty-column') tokens.push(Object.freeze({ type: 'column', start: from + d.start, end: from + d.end, text: '' }));
    // Anything else (`==`, a stray `'`, a bad number) is skipped: carry on after it.
    from += Math.max(d.end, d.start + 1);
    if (from >= text.length) return { tokens };
  }
}
