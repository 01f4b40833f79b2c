/**
 * AST → JavaScript expression. QuickJS interprets, so the common case is inlined: + - * /
 * and unary minus on two numbers run without a call, text & text without a call, and `=`
 * on identical non-objects answers at once; everything else goes to the library operator,
 * which gives the same result (the differential test checks). Sub-expressions that read no
 * column are hoisted out of the row loop and computed once per batch.
 */
import type { Resolution } from '../check/checker';
import { ERROR_CODES } from '../library/values';
import type { BinaryNode, CallNode, Expr } from '../syntax/ast';
import { children } from '../syntax/ast';
import { jsNumber, jsString } from './js-syntax';
import type { ProgramState } from './program-state';
import { SPECIAL_FORMS } from './emit-special-forms';

/** Emitted code plus what is statically known about it, to skip needless type checks. */
export interface Operand {
  readonly code: string;
  /** A local or a literal: may be read twice without re-evaluating anything. */
  readonly simple: boolean;
  readonly literal?: 'number' | 'text';
  /** Length of a text literal, folded into the & length check. */
  readonly length?: number;
}

const ARITHMETIC: Record<string, string> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div' };
const COMPARISON: Record<string, string> = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };
const MAX_TEXT = 32767;

export class ExpressionEmitter {
  private readonly variant = new Set<Expr>();

  constructor(
    readonly state: ProgramState,
    private readonly resolution: Resolution,
  ) {}

  /** Marks every node that reads a column (directly or below); the rest can be hoisted. */
  prepare(root: Expr): void {
    const visit = (n: Expr): boolean => {
      let reads = n.kind === 'column';
      for (const c of children(n)) reads = visit(c) || reads;
      if (reads) this.variant.add(n);
      return reads;
    };
    visit(root);
  }

  emit(n: Expr): Operand {
    switch (n.kind) {
      case 'number':
        return { code: jsNumber(n.value), simple: true, literal: 'number' };
      case 'text':
        return { code: jsString(n.value), simple: true, literal: 'text', length: n.value.length };
      case 'boolean':
        return { code: n.value ? 'true' : 'false', simple: true };
      case 'column':
        return { code: this.state.column(this.resolution.columns.get(n)!), simple: true };
      case 'unary':
        if (n.op === '-' && n.operand.kind === 'number') return { code: jsNumber(0 - n.operand.value), simple: true, literal: 'number' };
        if (n.op === '+') return this.emit(n.operand);
    }
    if (!this.variant.has(n)) return { code: this.state.constant(this.compute(n)), simple: true };
    return { code: this.compute(n), simple: false };
  }

  /** An operand that may be read more than once: complex code is first stored in a temp. */
  private once(n: Expr, setup: string[]): Operand {
    const o = this.emit(n);
    if (o.simple) return o;
    const t = this.state.temp();
    setup.push(`${t} = ${o.code}`);
    return { code: t, simple: true };
  }

  private compute(n: Expr): string {
    switch (n.kind) {
      case 'error':
        return `L.errors[${ERROR_CODES.indexOf(n.code)}]`;
      case 'array':
        return `L.array([${n.items.map((item) => this.emit(item).code).join(', ')}])`;
      case 'table-column': {
        const t = this.resolution.tables.get(n)!;
        return `L.table(X, ${jsString(t.table)}, ${jsString(t.column)})`;
      }
      case 'unary': {
        const setup: string[] = [];
        const a = this.once(n.operand, setup);
        return sequence(setup, `typeof ${a.code} === "number" ? 0 - ${a.code} : L.neg(${a.code})`);
      }
      case 'percent': {
        const setup: string[] = [];
        const a = this.once(n.operand, setup);
        return sequence(setup, `typeof ${a.code} === "number" ? ${a.code} / 100 : L.percent(${a.code})`);
      }
      case 'binary':
        return this.binary(n);
      case 'call':
        return this.call(n);
      default:
        throw new Error(`emit: unexpected ${n.kind} node`);
    }
  }

  private binary(n: BinaryNode): string {
    if (n.op === '^') return `L.pow(${this.emit(n.left).code}, ${this.emit(n.right).code})`;
    const setup: string[] = [];
    const a = this.once(n.left, setup);
    const b = this.once(n.right, setup);
    if (COMPARISON[n.op]) {
      // Two numbers further apart than 15 significant digits can tell (compareNumbers) order as
      // doubles do; anything else (text, blanks, near-equal numbers) goes to the library.
      const slow = `L.${COMPARISON[n.op]}(${a.code}, ${b.code})`;
      if (mismatch(a, 'number') || mismatch(b, 'number')) return sequence(setup, slow);
      const d = this.state.temp();
      const m = this.state.temp();
      const abs = (o: Operand) => (o.literal === 'number' ? String(Math.abs(Number(o.code))) : `(${o.code} < 0 ? -${o.code} : ${o.code})`);
      const apart = `((${d} = ${a.code} - ${b.code}) > (${m} = (${abs(a)} + ${abs(b)}) * 2e-14) || ${d} < -${m})`;
      const guard = [typeCheck(a, 'number'), typeCheck(b, 'number'), apart];
      return sequence(setup, `${all(guard)} ? ${a.code} ${n.op} ${b.code} : ${slow}`);
    }
    if (n.op === '=' || n.op === '<>') {
      // Identical values are equal, except blank and errors (#N/A = #N/A is #N/A): both objects.
      const same = a.literal || b.literal ? `${a.code} === ${b.code}` : `${a.code} === ${b.code} && typeof ${a.code} !== "object"`;
      if (n.op === '=') return sequence(setup, `${same} || L.eq(${a.code}, ${b.code})`);
      return sequence(setup, `${same} ? false : L.ne(${a.code}, ${b.code})`);
    }
    // A literal of the wrong type can never take the fast path (and 3.length is no JS).
    const wanted = n.op === '&' ? 'text' : 'number';
    if (mismatch(a, wanted) || mismatch(b, wanted)) return sequence(setup, `L.${n.op === '&' ? 'concat' : ARITHMETIC[n.op]}(${a.code}, ${b.code})`);
    if (n.op === '&') {
      const guard = [typeCheck(a, 'text'), typeCheck(b, 'text'), lengthCheck(a, b)];
      return sequence(setup, `${all(guard)} ? ${a.code} + ${b.code} : L.concat(${a.code}, ${b.code})`);
    }
    // x - x === 0 is false exactly for Infinity and NaN: overflow and 0/0 take the slow path.
    const r = this.state.temp();
    const guard = [typeCheck(a, 'number'), typeCheck(b, 'number'), `(${r} = ${a.code} ${n.op} ${b.code}) - ${r} === 0`];
    return sequence(setup, `${all(guard)} ? ${r} : L.${ARITHMETIC[n.op]}(${a.code}, ${b.code})`);
  }

  private call(n: CallNode): string {
    const spec = this.resolution.functions.get(n)!;
    const special = SPECIAL_FORMS[spec.name];
    if (special) return special(n.args, this);
    const f = this.state.fn(spec.name);
    // Calls without arguments read no column, so they are hoisted: this runs once per batch.
    if (n.args.length === 0) return `${f}([], X)`;
    const args = this.state.argArray(n.args.length);
    const fills = n.args.map((a, i) => `${args}[${i}] = ${this.emit(a).code}`);
    return `(${fills.join(', ')}, ${f}(${args}, X))`;
  }
}

/** A literal of another type can never take a fast path guarded by that type. */
function mismatch(o: Operand, wanted: 'number' | 'text'): boolean {
  return o.literal !== undefined && o.literal !== wanted;
}

/** `typeof x === "number"`, or nothing when x is a literal of that type. */
function typeCheck(o: Operand, type: 'number' | 'text'): string {
  if (o.literal === type) return '';
  return `typeof ${o.code} === "${type === 'text' ? 'string' : 'number'}"`;
}

/** Guards joined with &&; those a literal made unnecessary are empty strings. */
function all(guards: readonly string[]): string {
  const needed = guards.filter(Boolean);
  return needed.length ? needed.join(' && ') : 'true';
}

/** Excel's cell limit on the result, with a literal side's length folded in. */
function lengthCheck(a: Operand, b: Operand): string {
  const ka = a.length;
  const kb = b.length;
  if (ka !== undefined && kb !== undefined) return ka + kb <= MAX_TEXT ? '' : 'false';
  if (ka !== undefined) return `${b.code}.length <= ${MAX_TEXT - ka}`;
  if (kb !== undefined) return `${a.code}.length <= ${MAX_TEXT - kb}`;
  return `${a.code}.length + ${b.code}.length <= ${MAX_TEXT}`;
}

/** Setup assignments, then the value, as one parenthesised comma expression. */
export function sequence(setup: readonly string[], value: string): string {
  return `(${[...setup, value].join(', ')})`;
}
