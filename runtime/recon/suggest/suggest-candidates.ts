/**
 * Suggestions for the unmatched: for each row whose key the other side lacks, up to three rows of
 * the other side that look like the same trade under a mistyped key, each with a score and the
 * reason. Blocking keeps the search linear (blocking.ts). `reconcile` attaches them to its
 * only-left/only-right breaks; `suggestCandidates` runs the search alone (the studio's "find it").
 */
import type { Finding } from '../../finding';
import { lineageOf, type Side } from '../breaks';
import { compileRuleBook, type RuleBook } from '../compile-rules';
import { FindingCollector } from '../findings';
import { groupMembers, groupRows, type Groups } from '../groups';
import { buildKeyIndex, type KeyIndex } from '../keys/key-index';
import { resolveTickSizes } from '../tolerance/tick-sizes';
import { BROKEN } from '../tolerance/types';
import type { KeySpec, ReconSource, ReferenceTables, RuleData, Suggestion } from '../types';
import type { BlockingStats } from './blocking';
import { findCandidateGroups } from './candidates';
import { rankSuggestions } from './rank';

export interface SuggestContext {
  readonly keyIndex: KeyIndex;
  readonly left: Side;
  readonly right: Side;
  readonly leftGroups: Groups;
  readonly rightGroups: Groups;
  /** Groups with rows on the left only / right only. */
  readonly leftOnly: readonly number[];
  readonly rightOnly: readonly number[];
  readonly book: RuleBook;
  readonly rules: readonly RuleData[];
  readonly referenceTables?: ReferenceTables;
  readonly limit?: number;
  readonly stats?: BlockingStats;
}

export interface SuggestionsByRow {
  readonly left: ReadonlyMap<number, readonly Suggestion[]>;
  readonly right: ReadonlyMap<number, readonly Suggestion[]>;
}

export function suggestForGroups(ctx: SuggestContext): SuggestionsByRow {
  if (ctx.leftOnly.length === 0 || ctx.rightOnly.length === 0) return { left: new Map(), right: new Map() };
  const { keyIndex, left, right, book } = ctx;
  const candidates = findCandidateGroups({ keyIndex, leftGroups: ctx.leftOnly, rightGroups: ctx.rightOnly, tickSize: tickSizesForKeys(ctx), stats: ctx.stats });
  return rankSuggestions({
    candidates,
    leftRows: (g) => groupMembers(ctx.leftGroups, g),
    rightRows: (g) => groupMembers(ctx.rightGroups, g),
    agreement(l, r) {
      const { comparators } = book.setFor(l);
      if (comparators.length === 0) return 1;
      let ok = 0;
      for (const c of comparators) if (c.compare(l, r) !== BROKEN) ok++;
      return ok / comparators.length;
    },
    leftRef: (l) => lineageOf(left, l)[0],
    rightRef: (r) => lineageOf(right, r)[0],
    keyRecord: (g) => keyIndex.keyRecord(g),
    leftName: left.source.name,
    rightName: right.source.name,
    limit: ctx.limit,
  });
}

/** "One tick off" needs a tick size for key parts that have a ticks rule on the field of the same name. */
function tickSizesForKeys(ctx: SuggestContext): ((part: number, group: number) => number) | undefined {
  const perPart = ctx.keyIndex.keys.map((key) => {
    const rule = ctx.rules.find((r) => r.kind === 'ticks' && r.field === key.name);
    if (!rule || rule.kind !== 'ticks') return undefined;
    // Problems with the tick source were reported when the rule compiled; stay quiet here.
    return resolveTickSizes(rule, { leftTable: ctx.left.source.table, rightTable: ctx.right.source.table, referenceTables: ctx.referenceTables, report: () => undefined, path: '' });
  });
  if (perPart.every((p) => p === undefined)) return undefined;
  return (part, group) => {
    const rows = groupMembers(ctx.leftGroups, group);
    return rows.length ? perPart[part]?.ofRow('left', rows[0]) ?? NaN : NaN;
  };
}

export interface SuggestCandidatesInput {
  readonly left: ReconSource;
  readonly right: ReconSource;
  readonly keys: readonly KeySpec[];
  /** Compared fields raise the score of candidates that agree on them. */
  readonly rules?: readonly RuleData[];
  readonly referenceTables?: ReferenceTables;
  /** Candidates per row (default 3). */
  readonly limit?: number;
  /** Counts the blocking's work (comparisons, skipped buckets). */
  readonly stats?: BlockingStats;
}

/** Candidates for every row whose key the other side lacks, by row index per side. */
export function suggestCandidates(input: SuggestCandidatesInput): SuggestionsByRow & { readonly findings: readonly Finding[] } {
  const findings = new FindingCollector();
  const keyIndex = buildKeyIndex([input.left, input.right], input.keys, { referenceTables: input.referenceTables, report: findings.report });
  if (!keyIndex) return { left: new Map(), right: new Map(), findings: findings.list };
  const left: Side = { source: input.left, original: input.left, groupOf: keyIndex.groupOf[0] };
  const right: Side = { source: input.right, original: input.right, groupOf: keyIndex.groupOf[1] };
  const leftGroups = groupRows(left.groupOf, keyIndex.groupCount);
  const rightGroups = groupRows(right.groupOf, keyIndex.groupCount);
  const leftOnly: number[] = [];
  const rightOnly: number[] = [];
  for (let g = 0; g < keyIndex.groupCount; g++) {
    const nl = leftGroups.start[g + 1] - leftGroups.start[g];
    const nr = rightGroups.start[g + 1] - rightGroups.start[g];
    if (nl > 0 && nr === 0) leftOnly.push(g);
    else if (nr > 0 && nl === 0) rightOnly.push(g);
  }
  const book = compileRuleBook({ left: input.left, right: input.right, rules: input.rules, referenceTables: input.referenceTables, report: findings.report });
  const found = suggestForGroups({ keyIndex, left, right, leftGroups, rightGroups, leftOnly, rightOnly, book, rules: input.rules ?? [], referenceTables: input.referenceTables, limit: input.limit, stats: input.stats });
  return { ...found, findings: findings.list };
}
