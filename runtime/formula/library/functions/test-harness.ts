/**
 * Test-only helpers for the text, date, regex, lookup and domain functions: call an impl with
 * already-evaluated arguments, and evaluate a registry example (nested calls and literals only,
 * no operators) without the language core, so these tests do not depend on the parser.
 * Example results are written as the studio shows them: text bare, dates as yyyy-mm-dd.
 */
import { serialFromYmd, ymdFromSerial } from '../dates';
import type { FunctionContext, FunctionSpec } from '../registry';
import { FormulaError, numberToText, type Scalar, type Value } from '../values';
import { DATE_FUNCTIONS } from './date';
import { DOMAIN_FUNCTIONS } from './domain';
import { LOOKUP_FUNCTIONS } from './lookup';
import { REGEX_FUNCTIONS } from './regex';
import { TEXT_FUNCTIONS } from './text';

export const OWN_FUNCTIONS: readonly FunctionSpec[] = [
  ...TEXT_FUNCTIONS,
  ...DATE_FUNCTIONS,
  ...REGEX_FUNCTIONS,
  ...LOOKUP_FUNCTIONS,
  ...DOMAIN_FUNCTIONS,
];

/** The run context tests use: business date 2025-06-16 (a Monday). */
export const CTX: FunctionContext = { today: serialFromYmd(2025, 6, 16), now: serialFromYmd(2025, 6, 16) + 0.5 };

const BY_NAME = new Map(OWN_FUNCTIONS.map((f) => [f.name, f]));

export function spec(name: string): FunctionSpec {
  const f = BY_NAME.get(name);
  if (!f) throw new Error(`no function ${name}`);
  return f;
}

/** Calls a function with evaluated arguments (undefined entries are dropped from the end). */
export function call(name: string, ...args: (Value | undefined)[]): Value {
  while (args.length && args[args.length - 1] === undefined) args.pop();
  return (spec(name).impl as NonNullable<FunctionSpec['impl']>)(args as Value[], CTX);
}

export const date = (y: number, m: number, d: number): number => serialFromYmd(y, m, d);

/** A value as the studio displays it, dates by the function's static return type. */
export function display(v: Value, returns: FunctionSpec['returns']): string {
  if (Array.isArray(v)) return `{${v.map((x) => display(x, 'any')).join(',')}}`;
  const s = v as Scalar;
  if (s instanceof FormulaError) return s.code;
  if (s === null) return '';
  if (typeof s === 'boolean') return s ? 'TRUE' : 'FALSE';
  if (typeof s === 'number' && returns === 'date') {
    const { year, month, day } = ymdFromSerial(s);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return typeof s === 'number' ? numberToText(s) : s;
}

/** Evaluates an example formula made of function calls, literals and array constants. */
export function evaluateExample(formula: string): Value {
  let i = 0;
  const ws = () => {
    while (formula[i] === ' ') i++;
  };
  const expr = (): Value => {
    ws();
    const c = formula[i];
    if (c === '"') {
      let s = '';
      for (i++; ; i++) {
        if (formula[i] === '"' && formula[i + 1] === '"') {
          s += '"';
          i++;
        } else if (formula[i] === '"') break;
        else s += formula[i];
      }
      i++;
      return s;
    }
    if (c === '{') {
      i++;
      const items: Scalar[] = [];
      while (formula[i] !== '}') {
        items.push(expr() as Scalar);
        ws();
        if (formula[i] === ',' || formula[i] === ';') i++;
      }
      i++;
      return items;
    }
    const num = /^-?\d+(\.\d+)?/.exec(formula.slice(i));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    const name = /^[A-Z_][A-Z0-9_.]*/.exec(formula.slice(i));
    if (!name) throw new Error(`cannot read ${formula.slice(i)}`);
    i += name[0].length;
    if (name[0] === 'TRUE' || name[0] === 'FALSE') return name[0] === 'TRUE';
    ws();
    if (formula[i] !== '(') throw new Error(`expected ( after ${name[0]}`);
    i++;
    const args: (Value | undefined)[] = [];
    ws();
    while (formula[i] !== ')') {
      ws();
      args.push(formula[i] === ',' ? null : expr());
      ws();
      if (formula[i] === ',') i++;
    }
    i++;
    return call(name[0], ...args);
  };
  const v = expr();
  ws();
  if (i !== formula.length) throw new Error(`trailing text in ${formula}`);
  return v;
}
