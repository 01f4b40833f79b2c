/**
 * The checker: resolves names (columns, functions, reference tables), checks arity and the
 * few types that can be known before the data (whole columns only as function arguments,
 * literal text that can never be a number) and infers the static result type. It reports
 * every problem it finds, each with the remedy; later passes read its resolution tables.
 */
import { diagnostic, type Diagnostic } from '../diagnostics';
import { findFunction, FUNCTIONS } from '../library/index';
import type { FunctionSpec, ParamSpec } from '../library/registry';
import { parseNumericText } from '../library/values';
import type { ColumnSpec, ValueType } from '../program';
import { columnKey, type CallNode, type ColumnNode, type Expr, type TableColumnNode } from '../syntax/ast';
import { formatColumnKey } from '../syntax/column-ref';
import { arityProblem, paramFor, paramIndexFor } from './arity';
import { resolveName } from './resolve';
import { closest } from './suggest';
import { arithmeticType, unify, type StaticType } from './types';

/** Reference tables by name: their column names. */
export type TableSpecs = Readonly<Record<string, readonly string[]>>;

export interface Resolution {
  readonly columns: ReadonlyMap<ColumnNode, ColumnSpec>;
  readonly functions: ReadonlyMap<CallNode, FunctionSpec>;
  readonly tables: ReadonlyMap<TableColumnNode, { readonly table: string; readonly column: string }>;
  readonly types: ReadonlyMap<Expr, StaticType>;
}

export interface CheckResult {
  readonly type: ValueType;
  readonly diagnostics: readonly Diagnostic[];
  readonly resolution: Resolution;
}

export function checkFormula(input: { ast: Expr; columns: readonly ColumnSpec[]; tables?: TableSpecs }): CheckResult {
  const c = new Checker(input.columns, input.tables ?? {});
  const t = c.expr(input.ast);
  c.scalar(input.ast, t, 'A formula gives one value per row');
  const diagnostics = c.diagnostics.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  return { type: t === 'array' ? 'any' : t, diagnostics, resolution: c.resolution };
}

const FUNCTION_NAMES = FUNCTIONS.map((f) => f.name);
const typeOfDefault = (v: ParamSpec['default']): StaticType =>
  typeof v === 'number' ? 'number' : typeof v === 'string' ? 'text' : 'boolean';

class Checker {
  readonly diagnostics: Diagnostic[] = [];
  readonly resolution = { columns: new Map(), functions: new Map(), tables: new Map(), types: new Map() } satisfies Resolution;
  private readonly columnNames: string[];

  constructor(
    private readonly columns: readonly ColumnSpec[],
    private readonly tables: TableSpecs,
  ) {
    this.columnNames = columns.map((col) => col.name);
  }

  private report(d: Omit<Diagnostic, 'severity'> & { severity?: Diagnostic['severity'] }): void {
    this.diagnostics.push(diagnostic(d));
  }

  expr(n: Expr): StaticType {
    const t = this.infer(n);
    this.resolution.types.set(n, t);
    return t;
  }

  private infer(n: Expr): StaticType {
    switch (n.kind) {
      case 'number':
        return 'number';
      case 'text':
        return 'text';
      case 'boolean':
        return 'boolean';
      case 'error':
        return 'error';
      case 'array':
        return 'array';
      case 'column':
        return this.column(n);
      case 'table-column':
        return this.tableColumn(n);
      case 'name':
        return this.name(n);
      case 'unary': {
        const t = this.operand(n.operand, n.op);
        return n.op === '+' ? t : 'number';
      }
      case 'percent':
        this.operand(n.operand, '%', true);
        return 'number';
      case 'binary': {
        const numeric = n.op === '+' || n.op === '-' || n.op === '*' || n.op === '/' || n.op === '^';
        const l = this.operand(n.left, n.op, numeric);
        const r = this.operand(n.right, n.op, numeric);
        if (n.op === '&') return 'text';
        if (numeric) return arithmeticType(n.op as '+', l, r);
        return 'boolean';
      }
      case 'call':
        return this.call(n);
    }
  }

  scalar(n: Expr, t: StaticType, what: string): void {
    if (t !== 'array') return;
    const ref = n.kind === 'table-column' ? `\`${n.table}[${n.column}]\` is a whole column` : 'an array is many values';
    this.report({ code: 'array-not-allowed', message: `${what}: ${ref}; pick one value with a function such as XLOOKUP or SUM`, start: n.start, end: n.end });
  }

  private operand(n: Expr, op: string, numeric = false): StaticType {
    const t = this.expr(n);
    this.scalar(n, t, `\`${op}\` works on single values`);
    if (numeric) this.numericLiteral(n);
    return t;
  }

  /** Literal text where a number is needed is #VALUE! on every row: worth a warning. */
  private numericLiteral(n: Expr): void {
    if (n.kind !== 'text' || parseNumericText(n.value) !== undefined) return;
    this.report({ code: 'always-error', severity: 'warning', message: `"${n.value}" is not a number, so this is always #VALUE!: use a number or a column`, start: n.start, end: n.end });
  }

  private column(n: ColumnNode): StaticType {
    const key = columnKey(n);
    const r = resolveName(key, this.columnNames);
    if ('found' in r) {
      const spec = this.columns.find((col) => col.name === r.found)!;
      this.resolution.columns.set(n, spec);
      return spec.type;
    }
    if ('ambiguous' in r) {
      this.report({ code: 'ambiguous-column', message: `\`${key}\` matches several columns that differ only in case (${r.ambiguous.map((a) => `\`${a}\``).join(', ')}): write the exact name`, start: n.start, end: n.end });
      return 'any';
    }
    const best = closest(key, this.columnNames);
    const hint = best !== undefined ? `: did you mean \`${best}\`?` : this.columnNames.length ? '' : ': this template has no columns yet';
    this.report({ code: 'unknown-column', message: `Unknown column \`${key}\`${hint}`, start: n.start, end: n.end, suggestion: best !== undefined ? formatColumnKey(best) : undefined });
    return 'any';
  }

  private tableColumn(n: TableColumnNode): StaticType {
    const names = Object.keys(this.tables);
    const table = resolveName(n.table, names);
    const tableEnd = n.start + n.table.length;
    if (!('found' in table)) {
      const best = closest(n.table, names);
      const hint = best ? `: did you mean \`${best}\`?` : names.length ? `: the reference tables are ${names.map((t) => `\`${t}\``).join(', ')}` : ': attach the reference table to the template first';
      this.report({ code: 'unknown-table', message: `Unknown reference table \`${n.table}\`${hint}`, start: n.start, end: tableEnd, suggestion: best });
      return 'array';
    }
    const columns = this.tables[table.found];
    const column = resolveName(n.column, columns);
    if (!('found' in column)) {
      const best = closest(n.column, columns);
      const hint = best ? `: did you mean \`${best}\`?` : `: it has ${columns.map((col) => `\`${col}\``).join(', ')}`;
      this.report({ code: 'unknown-table-column', message: `Table \`${table.found}\` has no column \`${n.column}\`${hint}`, start: tableEnd, end: n.end, suggestion: best ? formatColumnKey(best) : undefined });
      return 'array';
    }
    this.resolution.tables.set(n, { table: table.found, column: column.found });
    return 'array';
  }

  private name(n: Expr & { kind: 'name' }): StaticType {
    const asColumn = resolveName(n.name, this.columnNames);
    const fn = findFunction(n.name);
    if ('found' in asColumn) {
      const ref = formatColumnKey(asColumn.found);
      this.report({ code: 'unknown-name', message: `Unknown name \`${n.name}\`: a column goes in brackets, \`${ref}\``, start: n.start, end: n.end, suggestion: ref });
    } else if (fn) {
      this.report({ code: 'unknown-name', message: `\`${fn.name}\` is a function: call it with parentheses, e.g. \`${fn.name}(...)\``, start: n.start, end: n.end });
    } else {
      const best = closest(n.name, this.columnNames);
      const hint = best ? `did you mean the column \`${formatColumnKey(best)}\`?` : `write text in double quotes ("${n.name}") or a column in brackets ([${n.name}])`;
      this.report({ code: 'unknown-name', message: `Unknown name \`${n.name}\`: ${hint}`, start: n.start, end: n.end, suggestion: best ? formatColumnKey(best) : undefined });
    }
    return 'any';
  }

  private call(n: CallNode): StaticType {
    const spec = findFunction(n.name);
    const argTypes = n.args.map((a) => this.expr(a));
    if (!spec) {
      this.unknownFunction(n);
      return 'any';
    }
    this.resolution.functions.set(n, spec);
    const problem = arityProblem(spec, n.args.length);
    if (problem) {
      this.report({ code: 'arity', message: problem, start: n.start, end: n.end });
      return spec.returns === 'any' || typeof spec.returns !== 'string' ? 'any' : spec.returns;
    }
    n.args.forEach((a, i) => this.argument(spec, a, argTypes[i], paramFor(spec, i, n.args.length), i));
    return this.returnType(spec, argTypes);
  }

  private unknownFunction(n: CallNode): void {
    const asColumn = resolveName(n.name, this.columnNames);
    const span = { start: n.start, end: n.nameEnd };
    if ('found' in asColumn) {
      this.report({ code: 'unknown-function', message: `\`${n.name}\` is a column, not a function: write \`${formatColumnKey(asColumn.found)}\``, ...span });
      return;
    }
    const best = closest(n.name, FUNCTION_NAMES);
    const hint = best ? `: did you mean \`${best}\`?` : ': see the function reference (FUNCTIONS.md) for the names';
    this.report({ code: 'unknown-function', message: `Unknown function \`${n.name}\`${hint}`, ...span, suggestion: best });
  }

  private argument(spec: FunctionSpec, a: Expr, t: StaticType, p: ParamSpec, i: number): void {
    const label = `\`${spec.name}\` argument ${i + 1} (\`${p.name}\`)`;
    if (t === 'array' && p.type !== 'array' && p.type !== 'any' && !p.acceptsArray) {
      this.scalar(a, t, `${label} takes a single value`);
    }
    if (p.type === 'number') this.numericLiteral(a);
  }

  private returnType(spec: FunctionSpec, argTypes: readonly StaticType[]): StaticType {
    if (typeof spec.returns === 'string') return spec.returns;
    const same = spec.returns.sameAs;
    const types = argTypes.filter((_, i) => same.includes(paramIndexFor(spec, i, argTypes.length)));
    for (const k of same) {
      const p = spec.params[k];
      const given = argTypes.some((_, i) => paramIndexFor(spec, i, argTypes.length) === k);
      if (p && !given && p.default !== undefined) types.push(typeOfDefault(p.default));
    }
    const t = unify(types);
    return t === 'array' ? 'any' : t;
  }
}
