/**
 * A break severity rule in plain English for the version history: "Field breaks on Price, off by
 * at least 1%: error". Tolerant of half-written rules, which are shown as far as they read.
 */
import { list, num, percent } from '../recon/tolerance/words';
import { isRecord, jsonText } from './template-diff-support';

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
const orList = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function describeSeverityRule(rule: unknown): string {
  if (!isRecord(rule)) return jsonText(rule);
  const kinds = asList(rule.kind);
  const subject = kinds.length ? `${capitalise(orList(kinds))} breaks` : 'Any break';
  const conditions: string[] = [];
  const fields = asList(rule.field);
  if (fields.length) conditions.push(`on ${orList(fields)}`);
  const sizes: string[] = [];
  if (isNum(rule.minAbsDiff)) sizes.push(`by at least ${num(rule.minAbsDiff)}`);
  if (isNum(rule.minRelDiff)) sizes.push(`by at least ${percent(rule.minRelDiff)}`);
  if (isNum(rule.minToleranceMultiple)) sizes.push(`by at least ${num(rule.minToleranceMultiple)} times the allowance`);
  if (sizes.length) conditions.push(`off ${list(sizes)}`);
  const severity = typeof rule.severity === 'string' ? rule.severity : 'no severity set';
  return `${subject}${conditions.length ? ` ${conditions.join(', ')}` : ''}: ${severity}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
