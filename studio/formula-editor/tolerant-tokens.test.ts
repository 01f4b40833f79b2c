import { describe, expect, it } from 'vitest';
import { tokenize } from '../../runtime/formula/index';
import { tolerantTokens } from './tolerant-tokens';

const brief = (text: string) => tolerantTokens(text).tokens.map((t) => `${t.type}:${text.slice(t.start, t.end)}`);

describe('tolerant tokens', () => {
  it('are the lexer tokens when the text lexes', () => {
    const text = 'IF([A] >= 1, "a""b", {1, 2})';
    const lexed = tokenize(text);
    expect(lexed.ok).toBe(true);
    expect(tolerantTokens(text)).toEqual({ tokens: lexed.ok ? lexed.tokens.slice(0, -1) : [] });
  });

  it('carry on after a problem, with offsets into the whole text', () => {
    expect(brief('[A] == 1 + ROUND(')).toEqual(['column:[A]', 'number:1', 'op:+', 'ident:ROUND', '(:(']);
    expect(brief("IF('x', 1)")).toEqual(['ident:IF', '(:(', 'ident:x', ',:,', 'number:1', '):)']);
  });

  it('say where the text ends inside unclosed text or a reference', () => {
    expect(tolerantTokens('CONCAT("ab, "" c')).toMatchObject({ open: { kind: 'text', start: 7 } });
    expect(tolerantTokens('1 + [Trade Pr')).toMatchObject({ open: { kind: 'column', start: 4 } });
    expect(brief('1 + [Trade Pr')).toEqual(['number:1', 'op:+']);
  });

  it('keep an empty reference `[]` as a column token', () => {
    expect(brief('Fx[] + 1')).toEqual(['ident:Fx', 'column:[]', 'op:+', 'number:1']);
  });
});
