/**
 * A result as people and JSON consumers see it: dates as YYYY-MM-DD, datetimes as ISO
 * timestamps, errors as their code. The static type decides whether a number is a date,
 * exactly as a column's type does for its serials.
 */
import { isValidSerial, timeParts, ymdFromSerial } from './library/dates';
import { FormulaError, type Scalar } from './library/values';
import type { ValueType } from './program';

export type DisplayType = 'number' | 'text' | 'boolean' | 'date' | 'datetime' | 'blank' | 'error';

export interface DisplayValue {
  readonly type: DisplayType;
  readonly value: number | string | boolean | null;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function isoDate(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** To the millisecond; the fraction is left off on whole seconds. */
export function isoDateTime(serial: number): string {
  const t = timeParts(serial, 3);
  const ms = t.fraction ? `.${pad(t.fraction, 3)}` : '';
  return `${isoDate(t.days)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${ms}`;
}

export function displayValue(value: Scalar, type: ValueType): DisplayValue {
  if (value === null || value === undefined) return { type: 'blank', value: null };
  if (value instanceof FormulaError) return { type: 'error', value: value.code };
  if (typeof value === 'string') return { type: 'text', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  // Outside 1899-12-30..9999-12-31 a serial is no date (Excel shows ####): show the number.
  if (type === 'date' && isValidSerial(value)) return { type: 'date', value: isoDate(value) };
  if (type === 'datetime' && isValidSerial(value)) return { type: 'datetime', value: isoDateTime(value) };
  return { type: 'number', value: value === 0 ? 0 : value };
}
