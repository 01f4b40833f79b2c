/**
 * Tokens → AST, by recursive descent over Excel's precedence, loosest first:
 *   comparison (= <> < <= > >=)  →  &  →  + -  →  * /  →  ^  →  unary - +  →  postfix %
 * All binary operators are left-associative (2^3^2 = 64, as in Excel), and unary minus binds
 * tighter than ^ (-2^2 = 4). The first problem ends the parse with a diagnostic.
 */
import { diagnostic, type Diagnostic } from '../diagnostics';
import { children, node, type BinaryOp, type Expr, type LiteralNode } from './ast';
import { splitSource } from './column-ref';
import { tokenize, type Token } from './lexer';

export type ParseResult = { ok: true; ast: Expr } | { ok: false; diagnostics: readonly Diagnostic[] };

/** Deeper trees are not formulas anyone maintains, and would exhaust the stack of later passes. */
export const MAX_DEPTH = 200;

const LEVELS: readonly (readonly string[])[] = [['=', '<>', '<', '<=', '>', '>='], ['&'], ['+', '-'], ['*', '/'], ['^']];

class ParseFailure {
  constructor(readonly diagnostic: Diagnostic) {}
}

export function parseFormula(text: string): ParseResult {
  const lexed = tokenize(text);
  if (!lexed.ok) return { ok: false, diagnostics: [lexed.diagnostic] };
  // The leading `=` is optional; only its position is kept (spans stay offsets into `text`).
  const tokens = lexed.tokens;
  const first = tokens[0].type === 'op' && tokens[0].text === '=' ? 1 : 0;
  if (tokens[first].type === 'eof') {
    return { ok: false, diagnostics: [diagnostic({ code: 'empty-formula', message: 'The formula is empty: write a value, a column like `[Price]` or a function like `ROUND([Price], 2)`', start: 0, end: text.length })] };
  }
  try {
    const p = new Parser(tokens, first);
    const ast = p.expression();
    p.expectEnd();
    if (depthOf(ast) > MAX_DEPTH) {
      return { ok: false, diagnostics: [diagnostic({ code: 'too-deep', message: `The formula nests more than ${MAX_DEPTH} levels deep: split it into several columns`, start: 0, end: text.length })] };
    }
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, diagnostics: [e.diagnostic] };
    throw e;
  }
}

/** Iterative, so a pathological formula cannot overflow the stack while being measured. */
function depthOf(root: Expr): number {
  let max = 0;
  const stack: [Expr, number][] = [[root, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    for (const c of children(n)) stack.push([c, d + 1]);
  }
  return max;
}

class Parser {
  private nesting = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private pos: number,
  ) {}

  /** Parentheses, calls and arrays recurse; bound them before the parser's own stack runs out. */
  private enter(t: Token): void {
    if (++this.nesting > MAX_DEPTH) this.fail('too-deep', `The formula nests more than ${MAX_DEPTH} levels deep: split it into several columns`, t);
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    return this.tokens[this.pos++];
  }

  private fail(code: Diagnostic['code'], message: string, t: { start: number; end: number }, suggestion?: string): never {
    throw new ParseFailure(diagnostic({ code, message, start: t.start, end: t.end, suggestion }));
  }

  expression(level = 0): Expr {
    if (level === LEVELS.length) return this.unary();
    let left = this.expression(level + 1);
    for (;;) {
      const t = this.peek();
      if (t.type !== 'op' || !LEVELS[level].includes(t.text)) return left;
      this.next();
      const right = this.expression(level + 1);
      left = node({ kind: 'binary', op: t.text as BinaryOp, left, right, start: left.start, end: right.end });
    }
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.type === 'op' && (t.text === '-' || t.text === '+')) {
      this.next();
      this.enter(t);
      const operand = this.unary();
      this.nesting--;
      return node({ kind: 'unary', op: t.text, operand, start: t.start, end: operand.end });
    }
    let e = this.primary();
    while (this.peek().type === 'op' && this.peek().text === '%') {
      const p = this.next();
      e = node({ kind: 'percent', operand: e, start: e.start, end: p.end });
    }
    return e;
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.type) {
      case 'number':
        return node({ kind: 'number', value: t.value!, start: t.start, end: t.end });
      case 'text':
        return node({ kind: 'text', value: t.text, start: t.start, end: t.end });
      case 'error':
        return node({ kind: 'error', code: t.text as never, start: t.start, end: t.end });
      case 'column':
        return node({ kind: 'column', ...splitSource(t.text), start: t.start, end: t.end });
      case 'ident':
        return this.identifier(t);
      case '(': {
        this.enter(t);
        const inner = this.expression();
        this.close(t, ')', 'parenthesis');
        this.nesting--;
        // Parentheses only group: the node keeps the inner span, so diagnostics point inside.
        return inner;
      }
      case '{':
        return this.array(t);
      default:
        return this.unexpected(t, 'a value');
    }
  }

  private identifier(t: Token): Expr {
    const after = this.peek();
    if (after.type === '(') {
      this.next();
      this.enter(after);
      const args = this.arguments(after);
      this.nesting--;
      const close = this.tokens[this.pos - 1];
      return node({ kind: 'call', name: t.text, nameEnd: t.end, args, start: t.start, end: close.end });
    }
    if (after.type === 'column') {
      if (after.start !== t.end) {
        this.fail('unexpected-token', `A table column is written without a space: \`${t.text}[${after.text}]\``, { start: t.start, end: after.end }, `${t.text}[${after.text}]`);
      }
      this.next();
      return node({ kind: 'table-column', table: t.text, column: after.text, start: t.start, end: after.end });
    }
    const upper = t.text.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return node({ kind: 'boolean', value: upper === 'TRUE', start: t.start, end: t.end });
    return node({ kind: 'name', name: t.text, start: t.start, end: t.end });
  }

  private arguments(open: Token): Expr[] {
    const args: Expr[] = [];
    if (this.peek().type === ')') {
      this.next();
      return args;
    }
    for (;;) {
      const t = this.peek();
      if (t.type === ',' || t.type === ')') {
        this.fail('missing-argument', 'Empty argument: write a value (such as 0 or "") or remove the extra comma', t);
      }
      args.push(this.expression());
      const sep = this.next();
      if (sep.type === ')') return args;
      if (sep.type === ',') continue;
      if (sep.type === ';') this.fail('unexpected-token', 'Separate arguments with `,` (not `;`)', sep, ',');
      if (sep.type === 'eof') this.fail('unexpected-end', `The formula ends inside a function call: add \`)\` to close the \`(\` at ${open.start}`, sep, ')');
      this.fail('unexpected-token', `Unexpected ${describe(sep)}: put \`,\` between arguments or \`)\` to end them`, sep);
    }
  }

  private array(open: Token): Expr {
    const items: LiteralNode[] = [];
    for (;;) {
      items.push(this.arrayItem());
      const sep = this.next();
      if (sep.type === '}') return node({ kind: 'array', items, start: open.start, end: sep.end });
      if (sep.type === ',') continue;
      if (sep.type === ';') this.fail('invalid-array', 'Array constants have one row here: separate values with `,`', sep, ',');
      if (sep.type === 'eof') this.fail('unexpected-end', `The array is not closed: add \`}\` to close the \`{\` at ${open.start}`, sep, '}');
      this.fail('invalid-array', 'Array constants hold only numbers, text, TRUE/FALSE and errors, separated by `,`', sep);
    }
  }

  private arrayItem(): LiteralNode {
    const t = this.next();
    const negative = t.type === 'op' && t.text === '-';
    const v = negative ? this.next() : t;
    if (v.type === 'number') return node({ kind: 'number', value: negative ? -v.value! : v.value!, start: t.start, end: v.end });
    if (!negative) {
      if (v.type === 'text') return node({ kind: 'text', value: v.text, start: v.start, end: v.end });
      if (v.type === 'error') return node({ kind: 'error', code: v.text as never, start: v.start, end: v.end });
      const upper = v.type === 'ident' ? v.text.toUpperCase() : '';
      if ((upper === 'TRUE' || upper === 'FALSE') && this.peek().type !== '(') {
        return node({ kind: 'boolean', value: upper === 'TRUE', start: v.start, end: v.end });
      }
    }
    if (v.type === 'eof') this.fail('unexpected-end', 'The array is not closed: add a value and `}`', v);
    return this.fail('invalid-array', 'Array constants hold only numbers, text, TRUE/FALSE and errors: compute values outside the braces', { start: t.start, end: v.end });
  }

  private close(open: Token, type: ')' | '}', what: string): void {
    const t = this.next();
    if (t.type === type) return;
    if (t.type === 'eof') this.fail('unexpected-end', `Missing \`${type}\` to close the ${what} opened at ${open.start}`, t, type);
    this.unexpected(t, `\`${type}\` to close the ${what} opened at ${open.start}`);
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.type === 'eof') return;
    if (t.type === ')') this.fail('unexpected-token', 'Unmatched `)`: remove it or add the `(` it closes', t);
    if (t.type === ';' || t.type === ',') this.fail('unexpected-token', `Unexpected \`${t.text}\` outside a function call: a formula is one expression`, t);
    this.fail('unexpected-token', `Unexpected ${describe(t)}: an operator is missing before it (such as + or &)`, t);
  }

  private unexpected(t: Token, expected: string): never {
    if (t.type === 'eof') {
      const prev = this.tokens[this.pos - 2];
      const after = prev ? ` after \`${prev.type === 'op' ? prev.text : describe(prev)}\`` : '';
      this.fail('unexpected-end', `The formula ends too early${after}: add ${expected}`, t);
    }
    this.fail('unexpected-token', `Unexpected ${describe(t)}: expected ${expected}`, t);
  }
}

function describe(t: Token): string {
  switch (t.type) {
    case 'number':
      return `number \`${t.text}\``;
    case 'text':
      return 'text';
    case 'column':
      return 'column reference';
    case 'ident':
      return `\`${t.text}\``;
    case 'eof':
      return 'end of formula';
    default:
      return `\`${t.text}\``;
  }
}
