/**
 * Test-only: random well-typed formulas from the grammar and the registry, with a seeded
 * PRNG so a failure reproduces. Every function in the registry can appear, its arguments
 * generated from its parameter types, so the differential test covers the whole library.
 */
import { FUNCTIONS } from '../library/index';
import type { FunctionSpec, ParamSpec, ParamType } from '../library/registry';
import type { ColumnSpec } from '../program';
import { formatColumnRef } from '../syntax/column-ref';

export { seededRandom as prng } from '../../testing/seeded-random';

type Kind = 'number' | 'text' | 'boolean' | 'any';

export const RANDOM_COLUMNS: readonly ColumnSpec[] = [
  { name: 'n1', type: 'number' },
  { name: 'n2', type: 'number' },
  { name: 'd', type: 'date' },
  { name: 't', type: 'text' },
  { name: 'b', type: 'boolean' },
  { name: "we'ird [name]", type: 'text' },
];

const NUMBERS = ['0', '1', '2', '-1', '0.1', '0.2', '2.675', '1e3', '.5', '100', '1e308', '3'];
const TEXTS = ['""', '"a"', '"A"', '"12"', '" 1,234.5 "', '"TRUE"', '"abc"', '"x""y"', '"-3e2"', '"50%"'];
const ERRORS = ['#N/A', '#DIV/0!', '#VALUE!'];
const SPECIAL = new Set(['IF', 'IFS', 'IFERROR', 'IFNA', 'AND', 'OR', 'SWITCH', 'CHOOSE']);
/** Functions whose cost grows with their numeric arguments; kept out so the test stays fast. */
const SLOW = new Set(['REPT']);

export class FormulaGenerator {
  private readonly regular: readonly FunctionSpec[];

  constructor(private readonly random: () => number) {
    this.regular = FUNCTIONS.filter((f) => !f.lazy && !SLOW.has(f.name));
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)];
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  /** Operands of binary operators are parenthesised only sometimes, to exercise precedence. */
  private wrap(s: string): string {
    return this.chance(0.6) ? `(${s})` : s;
  }

  formula(kind: Kind = 'any', depth = 4): string {
    if (depth <= 0 || this.chance(0.2)) return this.leaf(kind);
    const r = this.random();
    if (r < 0.3) return this.operator(kind, depth);
    if (r < 0.55) return this.special(kind, depth);
    return this.call(kind, depth);
  }

  private leaf(kind: Kind): string {
    const k = kind === 'any' ? this.pick<Kind>(['number', 'text', 'boolean']) : kind;
    if (this.chance(0.05)) return this.pick(ERRORS);
    if (this.chance(0.45)) {
      const cols = RANDOM_COLUMNS.filter((c) => k === 'number' ? c.type === 'number' || c.type === 'date' : k === 'text' ? c.type === 'text' : c.type === 'boolean');
      return formatColumnRef(this.pick(cols));
    }
    if (k === 'number') return this.pick(NUMBERS);
    if (k === 'text') return this.pick(TEXTS);
    return this.pick(['TRUE', 'FALSE']);
  }

  private operator(kind: Kind, depth: number): string {
    const sub = (k: Kind) => this.wrap(this.formula(k, depth - 1));
    const k = kind === 'any' ? this.pick<Kind>(['number', 'text', 'boolean']) : kind;
    if (k === 'text') return `${sub('any')}&${sub('any')}`;
    if (k === 'boolean') return `${sub('any')}${this.pick(['=', '<>', '<', '<=', '>', '>='])}${sub('any')}`;
    const r = this.random();
    if (r < 0.15) return `-${sub('number')}`;
    if (r < 0.25) return `${sub('number')}%`;
    return `${sub(this.chance(0.8) ? 'number' : 'any')}${this.pick(['+', '-', '*', '/', '^'])}${sub('number')}`;
  }

  private special(kind: Kind, depth: number): string {
    const f = (k: Kind) => this.formula(k, depth - 1);
    const many = (make: () => string) => Array.from({ length: 1 + Math.floor(this.random() * 3) }, make);
    switch (this.pick(['IF', 'IFS', 'IFERROR', 'IFNA', 'AND', 'OR', 'SWITCH', 'CHOOSE'])) {
      case 'IF':
        return this.chance(0.2) ? `IF(${f('boolean')}, ${f(kind)})` : `IF(${f('any')}, ${f(kind)}, ${f(kind)})`;
      case 'IFS':
        return `IFS(${many(() => `${f('boolean')}, ${f(kind)}`).join(', ')})`;
      case 'IFERROR':
        return `IFERROR(${f(kind)}, ${f(kind)})`;
      case 'IFNA':
        return `IFNA(${f(kind)}, ${f(kind)})`;
      case 'AND':
      case 'OR':
        return `${this.pick(['AND', 'OR'])}(${many(() => (this.chance(0.1) ? this.array() : f('any'))).join(', ')})`;
      case 'SWITCH': {
        const arms = many(() => `${f('any')}, ${f(kind)}`).join(', ');
        return `SWITCH(${f('any')}, ${arms}${this.chance(0.5) ? `, ${f(kind)}` : ''})`;
      }
      default:
        return `CHOOSE(${this.pick(['1', '2', '3', '0', '1.9', f('number')])}, ${many(() => f(kind)).join(', ')})`;
    }
  }

  private call(kind: Kind, depth: number): string {
    const fits = this.regular.filter((f) => kind === 'any' || returnsKind(f) === kind || returnsKind(f) === 'any');
    const spec = this.pick(fits.length ? fits : this.regular);
    return `${spec.name}(${this.arguments(spec, depth).join(', ')})`;
  }

  /** Optional parameters are positional: once one is left out, so is everything after it. */
  private arguments(spec: FunctionSpec, depth: number): string[] {
    const args: string[] = [];
    const arg = (p: ParamSpec) => args.push(this.argument(p.type, p.acceptsArray === true, depth));
    const firstRepeating = spec.params.findIndex((p) => p.repeating);
    const before = firstRepeating < 0 ? spec.params : spec.params.slice(0, firstRepeating);
    const group = firstRepeating < 0 ? [] : spec.params.slice(firstRepeating).filter((p) => p.repeating);
    for (const p of before) {
      if (p.optional && this.chance(0.4)) return args;
      arg(p);
    }
    const groups = (group.length && !group[0].optional ? 1 : 0) + Math.floor(this.random() * 3);
    for (let g = 0; g < groups && group.length; g++) group.forEach(arg);
    return args;
  }

  private argument(type: ParamType, acceptsArray: boolean, depth: number): string {
    if (type === 'array' || (acceptsArray && this.chance(0.15))) return this.array();
    const k: Kind = type === 'date' ? 'number' : type === 'any' ? 'any' : type;
    return this.formula(k, depth - 1);
  }

  private array(): string {
    if (this.chance(0.3)) return this.pick(['Rates[Tenor]', 'Rates[Rate]']);
    const items = Array.from({ length: 1 + Math.floor(this.random() * 4) }, () => this.pick([...NUMBERS.filter((n) => !n.startsWith('.')), ...TEXTS, 'TRUE', '#N/A']));
    return `{${items.join(',')}}`;
  }
}

function returnsKind(f: FunctionSpec): Kind {
  const r = f.returns;
  if (r === 'number' || r === 'date' || r === 'datetime') return 'number';
  if (r === 'text' || r === 'boolean') return r;
  return 'any';
}

export const RANDOM_TABLES = { Rates: ['Tenor', 'Rate'] };
