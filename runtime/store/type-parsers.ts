/**
 * One set of result-type rules for both drivers, so repositories see the same JavaScript
 * values on PGlite and on PostgreSQL:
 * - int8 (bigint, count(*), bigserial) → number. Counts and sequence numbers stay far below
 *   2^53; a value beyond it is an error rather than a silently rounded figure.
 * - numeric → string. Amounts are decimals; a float would corrupt them.
 * - date → 'YYYY-MM-DD' text: a business date has no time zone to shift it.
 * timestamptz is already a Date in both drivers.
 */
export const OID = Object.freeze({ INT8: 20, NUMERIC: 1700, DATE: 1082 });

export function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${text} exceeds the safe integer range`);
  return n;
}

export const RESULT_PARSERS: Readonly<Record<number, (text: string) => unknown>> = Object.freeze({
  [OID.INT8]: parseInt8,
  [OID.NUMERIC]: (text: string) => text,
  [OID.DATE]: (text: string) => text,
});
