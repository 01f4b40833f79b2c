/**
 * Arity from a registry entry's parameters: required ones, a repeating group (consecutive
 * `repeating` parameters, e.g. IFS's condition/value) and optional ones after the group
 * (SWITCH's default).
 */
import type { FunctionSpec, ParamSpec } from '../library/registry';

export interface Shape {
  readonly before: readonly ParamSpec[];
  readonly group: readonly ParamSpec[];
  readonly after: readonly ParamSpec[];
}

/** The parameters split around the repeating group (signature help labels them one by one). */
export function shapeOf(spec: FunctionSpec): Shape {
  const first = spec.params.findIndex((p) => p.repeating);
  if (first < 0) return { before: spec.params, group: [], after: [] };
  let end = first;
  while (end < spec.params.length && spec.params[end].repeating) end++;
  return { before: spec.params.slice(0, first), group: spec.params.slice(first, end), after: spec.params.slice(end) };
}

const required = (ps: readonly ParamSpec[]): number => ps.filter((p) => !p.optional).length;

/** Where the arguments past `before` split between repeated groups and trailing optionals. */
function split(s: Shape, n: number): { groups: number; trailing: number } | undefined {
  const rest = n - s.before.length;
  if (rest <= 0) return { groups: 0, trailing: 0 };
  if (s.group.length === 0) return rest <= s.after.length ? { groups: 0, trailing: rest } : undefined;
  const trailing = rest % s.group.length;
  return trailing <= s.after.length ? { groups: Math.floor(rest / s.group.length), trailing } : undefined;
}

/** The problem with calling `spec` with n arguments, as a sentence with the remedy; or undefined. */
export function arityProblem(spec: FunctionSpec, n: number): string | undefined {
  const s = shapeOf(spec);
  const min = required(s.before);
  const max = s.group.length ? Infinity : s.before.length + s.after.length;
  const plural = (k: number) => (k === 1 ? 'argument' : 'arguments');
  const name = `\`${spec.name}\``;
  if (n < min || n > max) {
    if (max === 0) return `${name} takes no arguments, got ${n}`;
    if (max === Infinity) return `${name} takes at least ${min} ${plural(min)}, got ${n}`;
    if (min === max) return `${name} takes ${min} ${plural(min)}, got ${n}`;
    if (max === min + 1) return `${name} takes ${min} or ${max} arguments, got ${n}`;
    return `${name} takes ${min} to ${max} arguments, got ${n}`;
  }
  if (!split(s, n)) {
    const missing = s.group[(n - s.before.length) % s.group.length];
    return `${name} takes its arguments in groups of ${s.group.length} (${s.group.map((p) => p.name).join(', ')}): add the missing \`${missing.name}\` or remove the extra argument`;
  }
  return undefined;
}

/** The parameter the i-th of n arguments fills (n must pass arityProblem). */
export function paramFor(spec: FunctionSpec, i: number, n: number): ParamSpec {
  const s = shapeOf(spec);
  if (i < s.before.length) return s.before[i];
  const sp = split(s, n) ?? { groups: 0, trailing: 0 };
  const j = i - s.before.length;
  const grouped = sp.groups * s.group.length;
  return j < grouped ? s.group[j % s.group.length] : s.after[j - grouped];
}

/** Index in `params` of the parameter the i-th argument fills (for `returns.sameAs`). */
export function paramIndexFor(spec: FunctionSpec, i: number, n: number): number {
  return spec.params.indexOf(paramFor(spec, i, n));
}

/** `ROUND(number, [num_digits])`, `SUM(number1, [number, ...])`: for docs and signature help. */
export function signature(spec: FunctionSpec): string {
  const s = shapeOf(spec);
  const show = (p: ParamSpec) => (p.optional ? `[${p.name}]` : p.name);
  const parts = s.before.map(show);
  if (s.group.length) parts.push(`[${s.group.map((p) => p.name).join(', ')}, ...]`);
  parts.push(...s.after.map(show));
  return `${spec.name}(${parts.join(', ')})`;
}
