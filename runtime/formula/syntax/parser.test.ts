import { describe, expect, it } from 'vitest';
import type { Expr } from './ast';
import { parseFormula } from './parser';

/** Compact s-expression of an AST, to assert shapes and precedence. */
function sexp(n: Expr): string {
  switch (n.kind) {
    case 'number':
    case 'boolean':
      return String(n.value);
    case 'text':
      return JSON.stringify(n.value);
    case 'error':
      return n.code;
    case 'column':
      return n.source === undefined ? `[${n.name}]` : `[${n.source}!${n.name}]`;
    case 'table-column':
      return `${n.table}[${n.column}]`;
    case 'array':
      return `{${n.items.map(sexp).join(' ')}}`;
    case 'unary':
      return `(${n.op}u ${sexp(n.operand)})`;
    case 'percent':
      return `(% ${sexp(n.operand)})`;
    case 'binary':
      return `(${n.op} ${sexp(n.left)} ${sexp(n.right)})`;
    case 'call':
      return `(${n.name}${n.args.map((a) => ` ${sexp(a)}`).join('')})`;
    case 'name':
      return `name:${n.name}`;
  }
}

function parse(text: string): Expr {
  const r = parseFormula(text);
  if (!r.ok) throw new Error(r.diagnostics[0].message);
  return r.ast;
}

describe('parser: shapes and Excel precedence', () => {
  const shapes: [string, string][] = [
    ['1+2*3', '(+ 1 (* 2 3))'],
    ['=1+2', '(+ 1 2)'],
    ['-2^2', '(^ (-u 2) 2)'],
    ['2^-2', '(^ 2 (-u 2))'],
    ['2^3^2', '(^ (^ 2 3) 2)'],
    ['10-4-3', '(- (- 10 4) 3)'],
    ['2^50%', '(^ 2 (% 50))'],
    ['-50%', '(-u (% 50))'],
    ['1+2&3', '(& (+ 1 2) 3)'],
    ['1&2=3', '(= (& 1 2) 3)'],
    ['1<2<3', '(< (< 1 2) 3)'],
    ['a<>b'.replace(/a|b/g, (m) => `[${m}]`), '(<> [a] [b])'],
    ['1<=2', '(<= 1 2)'],
    ['1>=2', '(>= 1 2)'],
    ['+-+1', '(+u (-u (+u 1)))'],
    ['(1+2)*3', '(* (+ 1 2) 3)'],
    ['1e3+.5+1.', '(+ (+ 1000 0.5) 1)'],
    ['2.5E-3', '0.0025'],
    ['"say ""hi"""', '"say \\"hi\\""'],
    ['""', '""'],
    ['true', 'true'],
    ['FaLsE', 'false'],
    ['#N/A', '#N/A'],
    ['#div/0!', '#DIV/0!'],
    ['[Trade Price]', '[Trade Price]'],
    ['[broker!Trade Price]', '[broker!Trade Price]'],
    ["[Trader's Desk]", "[Trader's Desk]"],
    ["[Rate '[%']]", '[Rate [%]]'],
    ["[O''Brien]", "[O'Brien]"],
    ['[Wow!]', '[Wow!]'],
    ['Rates[Tenor]', 'Rates[Tenor]'],
    ['{1,-2,"a",TRUE,#N/A}', '{1 -2 "a" true #N/A}'],
    ['round([Price], 2)', '(round [Price] 2)'],
    ['NOW()', '(NOW)'],
    ['CEILING.MATH(1)', '(CEILING.MATH 1)'],
    ['IF(A1, 1)', '(IF name:A1 1)'],
    [' 1 \n+\t2 ', '(+ 1 2)'],
  ];
  for (const [text, shape] of shapes) it(`${text} → ${shape}`, () => expect(sexp(parse(text))).toBe(shape));

  it('keeps source spans as offsets into the original text, leading = included', () => {
    const ast = parse('= ROUND([Price] * 2, 1)');
    expect(ast).toMatchObject({ kind: 'call', start: 2, end: 23, nameEnd: 7 });
    if (ast.kind !== 'call') throw new Error('call expected');
    expect(ast.args[0]).toMatchObject({ kind: 'binary', start: 8, end: 19 });
    expect(ast.args[0].kind === 'binary' && ast.args[0].left).toMatchObject({ kind: 'column', start: 8, end: 15 });
  });

  it('freezes every node', () => {
    const ast = parse('IF([a]>1, {1,2}, -[b])');
    const all: unknown[] = [];
    const walk = (n: Expr) => {
      all.push(n);
      if (n.kind === 'call') {
        all.push(n.args);
        n.args.forEach(walk);
      }
      if (n.kind === 'binary') [n.left, n.right].forEach(walk);
      if (n.kind === 'unary') walk(n.operand);
      if (n.kind === 'array') {
        all.push(n.items);
        n.items.forEach(walk);
      }
    };
    walk(ast);
    expect(all.length).toBeGreaterThan(8);
    for (const n of all) expect(Object.isFrozen(n)).toBe(true);
  });
});

describe('parser: errors are values with a position and a remedy', () => {
  const errors: [string, string, number, number, RegExp][] = [
    ['', 'empty-formula', 0, 0, /formula is empty/],
    ['=', 'empty-formula', 0, 1, /formula is empty/],
    ['1+', 'unexpected-end', 2, 2, /ends too early after `\+`: add a value/],
    ['"abc', 'unterminated-text', 0, 4, /add a closing `"`/],
    ['[Price', 'unterminated-column', 0, 6, /add `]`/],
    ['[]', 'empty-column', 0, 2, /write a column name/],
    ['1 == 1', 'unexpected-character', 2, 4, /Use `=` to compare/],
    ['1 != 1', 'unexpected-character', 2, 4, /Use `<>`/],
    ['TRUE && FALSE', 'unexpected-character', 5, 7, /AND\(a, b\)/],
    ["'abc'", 'unexpected-character', 0, 1, /double quotes/],
    ['\u201Cabc\u201D', 'unexpected-character', 0, 1, /straight quotes/],
    ['1 @ 2', 'unexpected-character', 2, 3, /Unexpected character `@`/],
    ['Prix€', 'unexpected-character', 4, 5, /Unexpected character `€`/],
    ['Été+1', 'unexpected-character', 0, 3, /column names go in brackets, e.g. `\[Été\]`/],
    ['#FOO', 'unexpected-character', 0, 1, /Unknown error value/],
    ['2x', 'invalid-number', 0, 2, /`2x` is not a number/],
    ['1e', 'invalid-number', 0, 2, /is not a number/],
    ['1e999', 'invalid-number', 0, 5, /too large/],
    ['ROUND(1,)', 'missing-argument', 8, 9, /Empty argument/],
    ['ROUND(,1)', 'missing-argument', 6, 7, /Empty argument/],
    ['ROUND(1;2)', 'unexpected-token', 7, 8, /Separate arguments with `,`/],
    ['ROUND(1 2)', 'unexpected-token', 8, 9, /put `,` between arguments/],
    ['ROUND(1, 2', 'unexpected-end', 10, 10, /add `\)` to close the `\(` at 5/],
    ['(1+2', 'unexpected-end', 4, 4, /Missing `\)` to close the parenthesis opened at 0/],
    ['1+2)', 'unexpected-token', 3, 4, /Unmatched `\)`/],
    ['1 2', 'unexpected-token', 2, 3, /operator is missing/],
    ['{1;2}', 'invalid-array', 2, 3, /one row/],
    ['{1+1}', 'invalid-array', 2, 3, /only numbers, text/],
    ['{[a]}', 'invalid-array', 1, 4, /only numbers, text/],
    ['{1,2', 'unexpected-end', 4, 4, /not closed/],
    ['Rates [Tenor]', 'unexpected-token', 0, 13, /without a space: `Rates\[Tenor\]`/],
    ['*2', 'unexpected-token', 0, 1, /Unexpected `\*`: expected a value/],
    ['1,2', 'unexpected-token', 1, 2, /outside a function call/],
    ['[a]!', 'unexpected-character', 3, 4, /inside the brackets/],
  ];
  for (const [text, code, start, end, message] of errors) {
    it(`${JSON.stringify(text)} → ${code} at ${start}-${end}`, () => {
      const r = parseFormula(text);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.diagnostics).toHaveLength(1);
      expect(r.diagnostics[0]).toMatchObject({ code, start, end, severity: 'error' });
      expect(r.diagnostics[0].message).toMatch(message);
    });
  }

  it('suggests the replacement text where there is an obvious one', () => {
    const r = parseFormula('[a] == 1');
    expect(!r.ok && r.diagnostics[0].suggestion).toBe('=');
  });

  it('rejects nesting deeper than the passes can handle, without overflowing the stack', () => {
    for (const text of ['('.repeat(5000) + '1' + ')'.repeat(5000), '-'.repeat(5000) + '1', Array(400).fill('1').join('+'), 'ABS('.repeat(300) + '1' + ')'.repeat(300)]) {
      const r = parseFormula(text);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.diagnostics[0].code).toBe('too-deep');
    }
    expect(parseFormula(Array(150).fill('1').join('+')).ok).toBe(true);
  });
});
