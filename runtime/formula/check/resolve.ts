/**
 * Name resolution shared by the checker and the interpreter, so both find the same column:
 * the exact name first, then a unique case-insensitive match (Excel's structured references
 * ignore case).
 */

export type Resolved = { found: string } | { ambiguous: readonly string[] } | { missing: true };

export function resolveName(name: string, available: readonly string[]): Resolved {
  if (available.includes(name)) return { found: name };
  const lower = name.toLowerCase();
  const matches = available.filter((a) => a.toLowerCase() === lower);
  if (matches.length === 1) return { found: matches[0] };
  if (matches.length > 1) return { ambiguous: matches };
  return { missing: true };
}

/** The found name or undefined, for callers that report ambiguity and absence alike. */
export function findName(name: string, available: readonly string[]): string | undefined {
  const r = resolveName(name, available);
  return 'found' in r ? r.found : undefined;
}
