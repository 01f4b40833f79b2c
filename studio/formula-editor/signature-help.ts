/**
 * Signature help: which function call the cursor is in, and which parameter it is typing.
 * Commas count only at the call's own depth, so nested calls, array constants `{1, 2}` and
 * commas inside text or column names never move the active parameter.
 */
import { arityProblem, paramIndexFor, shapeOf } from '../../runtime/formula/check/arity';
import { findFunction } from '../../runtime/formula/index';
import type { FunctionSpec, ParamSpec } from '../../runtime/formula/library/registry';
import { functionBrief, parameterMarkdown } from './function-docs';
import { tolerantTokens } from './tolerant-tokens';

export interface SignatureParameter {
  /** Offsets of the parameter's name in `label`, as Monaco's ParameterInformation takes them. */
  readonly label: readonly [number, number];
  readonly documentation: string;
}

export interface SignatureHelp {
  readonly spec: FunctionSpec;
  /** `signature(spec)`, e.g. `ROUND(number, [num_digits])`. */
  readonly label: string;
  readonly documentation: string;
  /** One per entry of spec.params, in order. */
  readonly parameters: readonly SignatureParameter[];
  /** Index into `parameters`, or -1 when the argument is past the last parameter. */
  readonly activeParameter: number;
  /** Which argument (0-based) the cursor is in. */
  readonly argument: number;
}

interface Frame {
  readonly kind: 'call' | 'group' | 'array';
  readonly name?: string;
  commas: number;
}

/** The signature label with each parameter's offsets; the same text as `signature(spec)`. */
export function signatureLabel(spec: FunctionSpec): { label: string; parameters: SignatureParameter[] } {
  const shape = shapeOf(spec);
  let label = `${spec.name}(`;
  const parameters: SignatureParameter[] = [];
  const add = (p: ParamSpec) => {
    parameters.push({ label: [label.length, label.length + p.name.length], documentation: parameterMarkdown(p) });
    label += p.name;
  };
  const parts: (() => void)[] = [];
  const single = (p: ParamSpec) => () => {
    if (p.optional) label += '[';
    add(p);
    if (p.optional) label += ']';
  };
  parts.push(...shape.before.map(single));
  if (shape.group.length) {
    parts.push(() => {
      label += '[';
      shape.group.forEach((p, i) => {
        if (i) label += ', ';
        add(p);
      });
      label += ', ...]';
    });
  }
  parts.push(...shape.after.map(single));
  parts.forEach((part, i) => {
    if (i) label += ', ';
    part();
  });
  label += ')';
  return { label, parameters };
}

export function signatureHelpAt({ text, offset }: { text: string; offset: number }): SignatureHelp | undefined {
  const { tokens } = tolerantTokens(text);
  const stack: Frame[] = [];
  let next = 0;
  for (; next < tokens.length && tokens[next].start < offset; next++) {
    const t = tokens[next];
    const prev = tokens[next - 1];
    if (t.type === '(') stack.push({ kind: prev?.type === 'ident' ? 'call' : 'group', name: prev?.type === 'ident' ? prev.text : undefined, commas: 0 });
    else if (t.type === '{') stack.push({ kind: 'array', commas: 0 });
    else if (t.type === ')' || t.type === '}') stack.pop();
    else if (t.type === ',' && stack.length) stack[stack.length - 1].commas++;
  }
  let at = stack.length - 1;
  while (at >= 0 && stack[at].kind !== 'call') at--;
  if (at < 0) return undefined;
  const spec = findFunction(stack[at].name!);
  if (!spec) return undefined;
  const argument = stack[at].commas;
  const total = argumentCount(tokens, next, argument, stack.length - at - 1);
  const { label, parameters } = signatureLabel(spec);
  return { spec, label, documentation: functionBrief(spec), parameters, activeParameter: activeParameter(spec, argument, total), argument };
}

/** How many arguments the call has in all, reading on from the cursor to its `)`. */
function argumentCount(tokens: ReturnType<typeof tolerantTokens>['tokens'], from: number, commas: number, openAbove: number): number {
  let depth = openAbove;
  let count = commas;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === '(' || t.type === '{') depth++;
    else if (t.type === ')' || t.type === '}') {
      if (depth === 0) break;
      depth--;
    } else if (t.type === ',' && depth === 0) count++;
  }
  return count + 1;
}

function activeParameter(spec: FunctionSpec, argument: number, total: number): number {
  if (total >= argument + 1 && !arityProblem(spec, total)) return paramIndexFor(spec, argument, total);
  // Mid-typing the call does not have a valid argument count yet: repeat the group as typed.
  const shape = shapeOf(spec);
  const before = shape.before.length;
  if (argument < before) return argument;
  if (shape.group.length) return before + ((argument - before) % shape.group.length);
  return argument < spec.params.length ? argument : -1;
}

