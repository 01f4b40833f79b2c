/**
 * The lazy special forms, walked: the same choices and the same library helpers as the
 * inline code in compile/emit-special-forms.ts.
 */
import type { Library } from '../library/index';
import { FormulaError, type Value } from '../library/values';
import type { Expr } from '../syntax/ast';

export type Eval = (n: Expr) => Value;
type Form = (args: readonly Expr[], ev: Eval, L: Library) => Value;

/** The chosen branch, or the condition's error (its own, or from coercing it). */
function pick(L: Library, condition: Value, then: () => Value, otherwise: () => Value): Value {
  const c = typeof condition === 'boolean' ? condition : L.condition(condition);
  if (c instanceof FormulaError) return c;
  return c ? then() : otherwise();
}

const ifForm: Form = (args, ev, L) =>
  pick(L, ev(args[0]), () => ev(args[1]), () => (args.length > 2 ? ev(args[2]) : false));

const ifsForm: Form = (args, ev, L) => {
  const from = (i: number): Value =>
    i >= args.length ? L.NA : pick(L, ev(args[i]), () => ev(args[i + 1]), () => from(i + 2));
  return from(0);
};

const ifErrorForm: Form = (args, ev) => {
  const v = ev(args[0]);
  return v instanceof FormulaError ? ev(args[1]) : v;
};

const ifNaForm: Form = (args, ev, L) => {
  const v = ev(args[0]);
  return v === L.NA ? ev(args[1]) : v;
};

const logicForm =
  (step: 'andStep' | 'orStep'): Form =>
  (args, ev, L) => {
    let state: ReturnType<Library['andStep']> = null;
    for (const a of args) state = L[step](state, ev(a));
    return L.logicEnd(state);
  };

const switchForm: Form = (args, ev, L) => {
  const subject = ev(args[0]);
  const pairs = Math.floor((args.length - 1) / 2);
  for (let k = 0; k < pairs; k++) {
    const match = L.eq(subject, ev(args[1 + 2 * k]));
    if (match === true) return ev(args[2 + 2 * k]);
    if (match !== false) return match;
  }
  return args.length % 2 === 0 ? ev(args[args.length - 1]) : L.NA;
};

const chooseForm: Form = (args, ev, L) => {
  const i = L.chooseIndex(ev(args[0]), args.length - 1);
  return typeof i === 'number' ? ev(args[i]) : i;
};

export const SPECIAL_FORMS: Readonly<Record<string, Form>> = Object.freeze({
  IF: ifForm,
  IFS: ifsForm,
  IFERROR: ifErrorForm,
  IFNA: ifNaForm,
  AND: logicForm('andStep'),
  OR: logicForm('orStep'),
  SWITCH: switchForm,
  CHOOSE: chooseForm,
});
