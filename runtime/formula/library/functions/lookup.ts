/**
 * Lookups against reference tables attached to the template (`Table[Column]`, passed as JS
 * arrays) and array constants. Indexes are built once per array and cached (lookup-index.ts).
 * Arrays are one-dimensional: a lookup returns one value, never a spilled row.
 */
import { asArray, guarded, isErr, isMissing, optInt } from '../arg-coerce';
import { findMatch, type MatchMode } from '../lookup-index';
import type { FunctionSpec } from '../registry';
import { ERR, FormulaError, type Scalar, type Value } from '../values';

const MATCH_MODE = {
  name: 'match_mode',
  type: 'number',
  optional: true,
  doc: '0 exact (default), -1 exact or next smaller, 1 exact or next larger, 2 wildcard (* ? ~).',
} as const;
const SEARCH_MODE = {
  name: 'search_mode',
  type: 'number',
  optional: true,
  doc: '1 first to last (default), -1 last to first; 2/-2 (binary) are accepted and behave as 1/-1.',
} as const;

interface Modes {
  readonly match: MatchMode;
  readonly fromEnd: boolean;
}

function modes(matchArg: Value | undefined, searchArg: Value | undefined): Modes | FormulaError {
  const m = optInt(matchArg, 0);
  const s = optInt(searchArg, 1);
  if (isErr(m)) return m;
  if (isErr(s)) return s;
  if (m !== 0 && m !== -1 && m !== 1 && m !== 2) return ERR.VALUE;
  if (s !== 1 && s !== -1 && s !== 2 && s !== -2) return ERR.VALUE;
  return { match: m, fromEnd: s < 0 };
}

/** The lookup value: a scalar (an array would need a spilled result, which columns cannot hold). */
function lookupValue(v: Value | undefined): Scalar | FormulaError {
  if (Array.isArray(v)) return ERR.VALUE;
  return (v ?? null) as Scalar;
}

export const LOOKUP_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'XLOOKUP',
    category: 'lookup',
    params: [
      { name: 'lookup_value', type: 'any' },
      { name: 'lookup_array', type: 'array', doc: 'A table column such as Counterparties[LEI], or {...}.' },
      { name: 'return_array', type: 'array', doc: 'Same length as lookup_array.' },
      { name: 'if_not_found', type: 'any', optional: true, doc: 'Returned instead of #N/A; a blank counts as omitted, use "" for empty text.' },
      MATCH_MODE,
      SEARCH_MODE,
    ],
    returns: 'any',
    doc: 'The return_array value where lookup_value matches (text case-insensitive, blank matches blank); #N/A if none, #VALUE! if lengths differ. Binary search modes scan instead.',
    example: { formula: 'XLOOKUP("usd", {"EUR","USD"}, {"Euro","US Dollar"})', result: 'US Dollar' },
    impl: guarded((args) => {
      const value = lookupValue(args[0]);
      if (isErr(value)) return value;
      if (isErr(args[1])) return args[1];
      if (isErr(args[2])) return args[2];
      const lookup = asArray(args[1]);
      const results = asArray(args[2]);
      if (lookup.length !== results.length) return ERR.VALUE;
      const m = modes(args[4], args[5]);
      if (isErr(m)) return m;
      const at = findMatch(value, lookup, m.match, m.fromEnd);
      if (at >= 0) return results[at] ?? null;
      return isMissing(args[3]) ? ERR.NA : (args[3] as Value);
    }),
  },
  {
    name: 'XMATCH',
    category: 'lookup',
    params: [{ name: 'lookup_value', type: 'any' }, { name: 'lookup_array', type: 'array' }, MATCH_MODE, SEARCH_MODE],
    returns: 'number',
    doc: 'The 1-based position of lookup_value in lookup_array (same matching as XLOOKUP); #N/A if none.',
    example: { formula: 'XMATCH("GBP", {"EUR","USD","GBP"})', result: '3' },
    impl: guarded((args) => {
      const value = lookupValue(args[0]);
      if (isErr(value)) return value;
      if (isErr(args[1])) return args[1];
      const m = modes(args[2], args[3]);
      if (isErr(m)) return m;
      const at = findMatch(value, asArray(args[1]), m.match, m.fromEnd);
      return at >= 0 ? at + 1 : ERR.NA;
    }),
  },
];
