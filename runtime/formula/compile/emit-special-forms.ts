/**
 * Inline code for the lazy special forms. Each evaluates only what Excel evaluates (IF one
 * branch, CHOOSE one value) and coerces through the same library helpers as the interpreter
 * (interpret/special-forms.ts), so the two agree by construction.
 */
import type { Expr } from '../syntax/ast';
import type { ExpressionEmitter } from './emit-expression';
import { sequence } from './emit-expression';

type EmitForm = (args: readonly Expr[], e: ExpressionEmitter) => string;

/**
 * Stores a condition in `t` and picks: `then` when TRUE, `otherwise` when FALSE, the error
 * (from the condition or its coercion) otherwise. Each branch appears once in the code.
 */
function branch(t: string, condition: string, then: string, otherwise: string): string {
  return `(${t} = ${condition}, typeof ${t} === "boolean" || typeof (${t} = L.condition(${t})) === "boolean" ? (${t} ? ${then} : ${otherwise}) : ${t})`;
}

function ifForm(args: readonly Expr[], e: ExpressionEmitter): string {
  const t = e.state.temp();
  const condition = e.emit(args[0]).code;
  const then = e.emit(args[1]).code;
  return branch(t, condition, then, args.length > 2 ? e.emit(args[2]).code : 'false');
}

function ifsForm(args: readonly Expr[], e: ExpressionEmitter): string {
  const t = e.state.temp();
  const none = e.state.constant('L.NA');
  const pair = (i: number): string => {
    if (i >= args.length) return none;
    const condition = e.emit(args[i]).code;
    const value = e.emit(args[i + 1]).code;
    return branch(t, condition, value, pair(i + 2));
  };
  return pair(0);
}

function ifErrorForm(args: readonly Expr[], e: ExpressionEmitter): string {
  const t = e.state.temp();
  return `((${t} = ${e.emit(args[0]).code}) !== null && typeof ${t} === "object" ? ${e.emit(args[1]).code} : ${t})`;
}

function ifNaForm(args: readonly Expr[], e: ExpressionEmitter): string {
  const t = e.state.temp();
  const na = e.state.constant('L.NA');
  return `((${t} = ${e.emit(args[0]).code}) === ${na} ? ${e.emit(args[1]).code} : ${t})`;
}

/** AND/OR evaluate every argument, as Excel does: an error anywhere is the result. */
const logicForm =
  (step: 'andStep' | 'orStep'): EmitForm =>
  (args, e) => {
    const t = e.state.temp();
    const steps = args.map((a, i) => `${t} = L.${step}(${i === 0 ? 'null' : t}, ${e.emit(a).code})`);
    return sequence(steps, `L.logicEnd(${t})`);
  };

function switchForm(args: readonly Expr[], e: ExpressionEmitter): string {
  const subject = e.state.temp();
  const match = e.state.temp();
  const pairs = Math.floor((args.length - 1) / 2);
  const head = e.emit(args[0]).code;
  const arm = (k: number): string => {
    if (k === pairs) return args.length % 2 === 0 ? e.emit(args[args.length - 1]).code : e.state.constant('L.NA');
    const value = e.emit(args[1 + 2 * k]).code;
    const result = e.emit(args[2 + 2 * k]).code;
    // L.eq gives TRUE, FALSE, or the error of either side, which SWITCH returns.
    return `(${match} = L.eq(${subject}, ${value})) === true ? ${result} : ${match} !== false ? ${match} : ${arm(k + 1)}`;
  };
  return `(${subject} = ${head}, ${arm(0)})`;
}

function chooseForm(args: readonly Expr[], e: ExpressionEmitter): string {
  const t = e.state.temp();
  const count = args.length - 1;
  const index = e.emit(args[0]).code;
  const arms = args.slice(1).map((a, i) => `${t} === ${i + 1} ? ${e.emit(a).code} : `);
  return `(${t} = L.chooseIndex(${index}, ${count}), ${arms.join('')}${t})`;
}

export const SPECIAL_FORMS: Readonly<Record<string, EmitForm>> = Object.freeze({
  IF: ifForm,
  IFS: ifsForm,
  IFERROR: ifErrorForm,
  IFNA: ifNaForm,
  AND: logicForm('andStep'),
  OR: logicForm('orStep'),
  SWITCH: switchForm,
  CHOOSE: chooseForm,
});
