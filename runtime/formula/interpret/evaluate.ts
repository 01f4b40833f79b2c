/**
 * The reference interpreter: walks the AST with the same library the compiled code calls.
 * It is the specification the compiler is tested against, so it stays plain: no fast paths,
 * no hoisting. Names resolve at run time like the checker resolves them; an unchecked AST
 * gets Excel's runtime answers (#NAME? for an unknown function, #REF! for a missing column).
 */
import { resolveName } from '../check/resolve';
import { createLibrary, findFunction, type Library } from '../library/index';
import { ERR, type Scalar, type Value } from '../library/values';
import type { RunContext } from '../program';
import { columnKey, type Expr } from '../syntax/ast';
import { parseFormula } from '../syntax/parser';
import { SPECIAL_FORMS } from './special-forms';

export interface EvaluateInput {
  /** A parsed formula, or its text (which must parse: this is the reference, not the editor). */
  readonly ast?: Expr;
  readonly text?: string;
  /** This row's cells by column name (`source!name` for source-qualified columns). */
  readonly row: Readonly<Record<string, Scalar>>;
  readonly context: RunContext;
  readonly library?: Library;
}

const BINARY = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '^': 'pow', '&': 'concat', '=': 'eq', '<>': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' } as const;

export function evaluate(input: EvaluateInput): Value {
  const ast = input.ast ?? parseOrThrow(input.text);
  const L = input.library ?? createLibrary();
  const { row, context } = input;
  const rowKeys = Object.keys(row);
  const tableNames = Object.keys(context.tables ?? {});

  const ev = (n: Expr): Value => {
    switch (n.kind) {
      case 'number':
      case 'text':
      case 'boolean':
        return n.value;
      case 'error':
        return L.errors[L.errors.findIndex((e) => e.code === n.code)];
      case 'column': {
        const r = resolveName(columnKey(n), rowKeys);
        return 'found' in r ? (row[r.found] ?? null) : ERR.REF;
      }
      case 'table-column': {
        const t = resolveName(n.table, tableNames);
        if (!('found' in t)) return ERR.REF;
        const c = resolveName(n.column, Object.keys(context.tables[t.found]));
        return 'found' in c ? L.table(context, t.found, c.found) : ERR.REF;
      }
      case 'array':
        return L.array(n.items.map((item) => ev(item) as Scalar));
      case 'name':
        return ERR.NAME;
      case 'unary':
        return n.op === '-' ? L.neg(ev(n.operand)) : L.plus(ev(n.operand));
      case 'percent':
        return L.percent(ev(n.operand));
      case 'binary': {
        const left = ev(n.left);
        return L[BINARY[n.op]](left, ev(n.right));
      }
      case 'call': {
        const spec = findFunction(n.name);
        if (!spec) return ERR.NAME;
        const special = SPECIAL_FORMS[spec.name];
        if (special) return special(n.args, ev, L);
        return spec.impl!(n.args.map(ev), context);
      }
    }
  };
  return ev(ast);
}

function parseOrThrow(text: string | undefined): Expr {
  if (text === undefined) throw new Error('evaluate: pass `ast` or `text`');
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(`evaluate: the formula does not parse: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.ast;
}
