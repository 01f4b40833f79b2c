/** Small helpers for rule sentences: numbers as an analyst writes them, plurals, lists. */
import { round15 } from '../../formula/library/decimal-math';
import { numberToText } from '../../formula/library/values';

export const num = (n: number): string => numberToText(round15(n));

export const plural = (n: number, one: string, many = `${one}s`): string => `${num(n)} ${n === 1 ? one : many}`;

export const percent = (fraction: number): string => `${num(fraction * 100)}%`;

/** "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
