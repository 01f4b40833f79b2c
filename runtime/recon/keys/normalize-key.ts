/**
 * Key normalisation, applied to every distinct key text once (never per row):
 *   trim → ignore case (to upper) → strip leading zeros → aliases.
 * Alias pairs go through the same steps, so `xcme ` → CME matches however either is written.
 * A key that normalises to "" is blank: it never matches.
 */
import { pairsOf, referenceTable, type FindingSink } from '../reference-tables';
import type { KeySpec, ReferenceTables } from '../types';

/** "007" → "7", "000" → "0"; a zero before a decimal point stays ("0.5"). */
const LEADING_ZEROS = /^0+(?=[^.,])/;

/** Cheap test first: most keys have no space at either end, and trim() would copy nothing anyway. */
function needsTrim(s: string): boolean {
  if (s.length === 0) return false;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return a <= 32 || b <= 32 || a > 126 || b > 126;
}

export function keyNormaliser(spec: KeySpec, referenceTables: ReferenceTables | undefined, report: FindingSink): (text: string) => string {
  const trim = spec.trim ?? true;
  const upper = spec.ignoreCase ?? false;
  const zeros = spec.stripLeadingZeros ?? false;
  const base = (s: string): string => {
    let t = trim && needsTrim(s) ? s.trim() : s;
    if (upper) t = t.toUpperCase();
    if (zeros && t.charCodeAt(0) === 48) t = t.replace(LEADING_ZEROS, '');
    return t;
  };
  let pairs: readonly { from: string; to: string }[] = [];
  if (typeof spec.aliases === 'string') {
    const table = referenceTable(referenceTables, spec.aliases, `Key ${spec.name}`, report);
    if (table) pairs = pairsOf(table);
  } else if (spec.aliases) pairs = spec.aliases;
  if (pairs.length === 0) return base;
  const aliases = new Map(pairs.map(({ from, to }) => [base(from), base(to)]));
  return (s) => {
    const t = base(s);
    return aliases.get(t) ?? t;
  };
}
