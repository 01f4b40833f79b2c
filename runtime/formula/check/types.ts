/**
 * Static result types. `array` marks a whole column or array constant, which only a function
 * parameter can take; everything else is a program.ts ValueType.
 */
import type { ValueType } from '../program';
import type { ArithmeticOp } from '../syntax/ast';

export type StaticType = ValueType | 'array';

const isDateLike = (t: StaticType): t is 'date' | 'datetime' => t === 'date' || t === 'datetime';

/**
 * The types of values that may come out of one place (IF branches, CHOOSE values). Errors can
 * come out of anything, so they do not widen the type; differing types make it `any`.
 */
export function unify(types: readonly StaticType[]): StaticType {
  const kinds = new Set(types.filter((t) => t !== 'error'));
  if (kinds.size === 0) return types.length ? 'error' : 'any';
  if (kinds.size === 1) return [...kinds][0];
  if (kinds.size === 2 && kinds.has('date') && kinds.has('datetime')) return 'datetime';
  return 'any';
}

/**
 * Date arithmetic as analysts use it: a date plus or minus days stays a date, a date minus a
 * date is a number of days, and adding a time fraction to a date makes a datetime.
 */
export function arithmeticType(op: ArithmeticOp, left: StaticType, right: StaticType): StaticType {
  if (op === '+') {
    if (isDateLike(left) && isDateLike(right)) return left === right && left === 'date' ? 'number' : 'datetime';
    if (isDateLike(left) && !isDateLike(right)) return left;
    if (isDateLike(right) && !isDateLike(left)) return right;
  }
  if (op === '-') {
    if (isDateLike(left) && isDateLike(right)) return 'number';
    if (isDateLike(left)) return left;
  }
  return 'number';
}
