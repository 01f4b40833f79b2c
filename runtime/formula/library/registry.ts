/**
 * The shape of a function-registry entry. The registry is declarative metadata plus an
 * implementation: the checker (arity, types), the studio (autocomplete, hover docs, signature
 * help) and `npm run docs:functions` all read it. Implementations run in the host (reference
 * interpreter, unsandboxed bench) and inside QuickJS (the library is bundled into the VM).
 * Like values.ts, everything reachable from here must stay pure.
 */
import type { Value } from './values';

export type FunctionCategory =
  | 'logic'
  | 'math'
  | 'text'
  | 'date'
  | 'information'
  | 'regex'
  | 'lookup'
  | 'domain';

/** `array` accepts an array constant `{1,2}` or a reference-table column `Table[Column]`. */
export type ParamType = 'number' | 'text' | 'boolean' | 'date' | 'any' | 'array';
/** `error` is for functions that only ever return an error (NA); it unifies away in IF branches. */
export type ReturnType = 'number' | 'text' | 'boolean' | 'date' | 'datetime' | 'error' | 'any';

export interface ParamSpec {
  readonly name: string;
  readonly type: ParamType;
  readonly optional?: boolean;
  /**
   * The parameter may repeat (SUM(a, b, ...)). Consecutive repeating parameters repeat as a
   * group (IFS: condition, value); non-repeating optional parameters may follow the group
   * (SWITCH's default).
   */
  readonly repeating?: boolean;
  /** A scalar-typed parameter that also takes an array or table column (SUM, AND). */
  readonly acceptsArray?: boolean;
  /**
   * The value an omitted optional parameter stands for (IF's value_if_false is FALSE), for
   * docs and static typing; the implementation applies it.
   */
  readonly default?: number | string | boolean;
  readonly doc?: string;
}

export interface FunctionSpec {
  readonly name: string;
  readonly category: FunctionCategory;
  readonly params: readonly ParamSpec[];
  /**
   * Static result type; `sameAs` makes it the type of the arguments given to those parameters
   * (indices into `params`; a repeating parameter covers every argument it takes).
   */
  readonly returns: ReturnType | { readonly sameAs: readonly number[] };
  /** Reads the run context (TODAY, NOW): values come from X, so runs replay. */
  readonly volatile?: boolean;
  /** Special forms (IF, IFERROR, AND...) whose arguments are evaluated lazily by the compiler. */
  readonly lazy?: boolean;
  /** One line, for hover docs and the reference page. Say where it differs from Excel. */
  readonly doc: string;
  readonly example: { readonly formula: string; readonly result: string };
  /**
   * Arguments arrive evaluated (errors included, so the function decides how they propagate);
   * `ctx` is the run context X. Lazy functions have no impl: the compiler emits their code.
   */
  readonly impl?: (args: readonly Value[], ctx: FunctionContext) => Value;
}

export interface FunctionContext {
  readonly today: number;
  readonly now: number;
}
