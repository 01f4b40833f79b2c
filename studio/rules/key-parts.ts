/**
 * Match keys in the editor: whether a key part is a plain column of a source or a formula, new
 * keys guessed from same-named columns, what a key is missing, and the key in plain English.
 */
import { formatColumnRef } from '../../runtime/formula/index';
import { readBracketed, splitSource } from '../../runtime/formula/syntax/column-ref';
import type { MatchKey, SourceColumns } from './rules-types';

/** The column a key formula names when it is exactly `[Column]` (optionally `=[Column]`), else undefined. */
export function columnOfFormula(formula: string | undefined): string | undefined {
  const text = (formula ?? '').trim().replace(/^=\s*/, '');
  if (!text.startsWith('[')) return undefined;
  const ref = readBracketed(text, 0);
  if (!ref || ref.end !== text.length) return undefined;
  const { source, name } = splitSource(ref.raw);
  return source === undefined ? name : undefined;
}

export const columnFormula = (column: string): string => formatColumnRef({ name: column });

export function newKey({ name, matchSources, sources }: { name: string; matchSources: readonly string[]; sources: readonly SourceColumns[] }): MatchKey {
  const formulas: Record<string, string> = {};
  for (const s of matchSources) {
    const cols = sources.find((x) => x.name === s)?.columns ?? [];
    const same = cols.find((c) => c.name === name) ?? cols.find((c) => c.name.toLowerCase() === name.trim().toLowerCase());
    if (same) formulas[s] = columnFormula(same.name);
  }
  return { name: name.trim(), formulas, trim: true, ignoreCase: false, stripLeadingZeros: false };
}

export function keyNameProblem({ name, keys, except }: { name: string; keys: readonly MatchKey[]; except?: number }): string | undefined {
  if (!name.trim()) return 'Give the key part a name, e.g. Account.';
  const clash = keys.findIndex((k, i) => i !== except && k.name.trim().toLowerCase() === name.trim().toLowerCase());
  return clash >= 0 ? `A key part named \`${keys[clash].name}\` already exists: choose another name.` : undefined;
}

export function keyProblems({ key, matchSources, sources, referenceTables }: { key: MatchKey; matchSources: readonly string[]; sources: readonly SourceColumns[]; referenceTables: readonly string[] }): string[] {
  const out: string[] = [];
  for (const s of matchSources) {
    const formula = key.formulas[s];
    if (!formula?.trim()) { out.push(`${key.name} has no value for ${s}: pick a column or write a formula.`); continue; }
    const column = columnOfFormula(formula);
    const cols = sources.find((x) => x.name === s)?.columns ?? [];
    if (column !== undefined && cols.length && !cols.some((c) => c.name === column)) out.push(`${s} has no column \`${column}\`: pick one of its columns, or map it first.`);
  }
  if (key.aliases && !referenceTables.includes(key.aliases)) out.push(`Alias table \`${key.aliases}\` does not exist: pick one of the template's reference tables.`);
  return out;
}

/** "Account: internal [Account] = broker [Acct], trimmed, ignoring case". */
export function describeKey({ key, matchSources }: { key: MatchKey; matchSources: readonly string[] }): string {
  const sides = matchSources.map((s) => `${s} ${key.formulas[s]?.trim() || '(not set)'}`).join(' = ');
  const how = [
    key.trim && 'trimmed',
    key.ignoreCase && 'ignoring case',
    key.stripLeadingZeros && 'leading zeros stripped',
    key.aliases && `aliases from the ${key.aliases} table`,
  ].filter((x): x is string => !!x);
  return `${key.name}: ${sides}${how.length ? `, ${how.join(', ')}` : ', compared exactly as written'}`;
}
