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
export type ReturnType = 'number' | 'text' | 'boolean' | 'date' | 'datetime' | 'any';

export interface ParamSpec {
  readonly name: string;
  readonly type: ParamType;
  readonly optional?: boolean;
  /** The last parameter may repeat (SUM(a, b, ...)). */
  readonly repeating?: boolean;
  readonly doc?: string;
}

export interface FunctionSpec {
  readonly name: string;
  readonly category: FunctionCategory;
  readonly params: readonly ParamSpec[];
  /** Static result type; `sameAs` makes it the type of that argument (e.g. IF, EDATE). */
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
