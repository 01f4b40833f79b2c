/**
 * Two-way reconciliation: keys → (aggregation) → rules → matching → suggestions → summary.
 * Host TypeScript on columnar tables, browser-safe; no user code runs here (key formulas and
 * rule-set `when` formulas were evaluated by the runner in the sandbox and arrive as columns and
 * an index). Problems with the template or the data are findings; the run never throws on them.
 */
import { aggregateSide } from './aggregate';
import { BreakFactory, type Side } from './breaks';
import { checkClusterBy } from './cluster';
import { compileRuleBook, type RuleBook } from './compile-rules';
import { FindingCollector } from './findings';
import { buildKeyIndex, type KeyIndex } from './keys/key-index';
import { matchGroups, type MatchOutput } from './match-groups';
import { suggestForGroups } from './suggest/suggest-candidates';
import { ReconTally, summarise } from './summary';
import type { Break, ReconcileInput, ReconResult } from './types';

export function reconcile(input: ReconcileInput): ReconResult {
  const findings = new FindingCollector();
  const report = findings.report;
  const keyIndex = buildKeyIndex([input.left, input.right], input.keys, { referenceTables: input.referenceTables, report, maxFindings: input.maxKeyFindings });
  checkClusterBy(input.clusterBy, [input.left, input.right], report);
  let left: Side = { source: input.left, original: input.left, groupOf: keyIndex?.groupOf[0] ?? new Int32Array(0) };
  let right: Side = { source: input.right, original: input.right, groupOf: keyIndex?.groupOf[1] ?? new Int32Array(0) };
  let ruleSetIndex = input.ruleSetIndex;
  let sumFields: Set<string> | undefined;
  if (keyIndex && input.aggregate) {
    const { side, fields } = input.aggregate;
    const which = side === input.left.name ? 0 : side === input.right.name ? 1 : -1;
    if (which < 0) {
      report({ code: 'recon.unknown-aggregate-side', severity: 'error', message: `Aggregate side \`${side}\` is neither ${input.left.name} nor ${input.right.name}: name the source whose rows are summed.`, location: { source: 'template', path: '$.match.aggregate.side' } });
    } else {
      const original = which === 0 ? input.left : input.right;
      const agg = aggregateSide(original, keyIndex.groupOf[which], keyIndex.groupCount, fields, report, which === 0 ? input.ruleSetIndex : undefined);
      const aggregated: Side = { source: agg.source, original, groupOf: agg.groupOf, members: agg.members };
      if (which === 0) { left = aggregated; ruleSetIndex = agg.ruleSetIndex; } else right = aggregated;
      sumFields = new Set(fields);
    }
  }
  const book = compileRuleBook({ left: left.source, right: right.source, rules: input.rules, ruleSets: input.ruleSets, ruleSetIndex, referenceTables: input.referenceTables, report });
  const tally = new ReconTally(book.fields.length);
  const factory = new BreakFactory({ keyIndex: keyIndex ?? emptyKeys, left, right, book, tally, severityRules: input.severityRules, clusterBy: input.clusterBy, sumFields });
  const matched = keyIndex
    ? matchGroups({ groupCount: keyIndex.groupCount, left, right, book, tally, factory, duplicates: input.duplicates ?? 'optimal-pairing' })
    : undefined;
  const breaks: Break[] = matched?.breaks ?? [];
  if (keyIndex && matched && input.suggest !== false) attachSuggestions(breaks, matched, keyIndex, left, right, book, input);
  const summary = summarise(tally, breaks, {
    left: { name: input.left.name, rows: input.left.table.rowCount, blankKeys: keyIndex?.blankKeys[0] ?? 0 },
    right: { name: input.right.name, rows: input.right.table.rowCount, blankKeys: keyIndex?.blankKeys[1] ?? 0 },
    fields: book.fields,
    stories: factory.clusterStories,
  });
  return { breaks, summary, findings: findings.list };
}

const emptyKeys: KeyIndex = {
  keys: [], atomText: [], atoms: [], groupOf: [], groupCount: 0, blankKeys: [],
  groupAtoms: () => [], findGroup: () => -1, keyRecord: () => ({}), atomOf: () => -1,
};

/** Suggestions for rows whose key the other side lacks, attached to their only-left/only-right breaks. */
function attachSuggestions(breaks: Break[], m: MatchOutput, keyIndex: KeyIndex, left: Side, right: Side, book: RuleBook, input: ReconcileInput): void {
  const found = suggestForGroups({
    keyIndex, left, right, book,
    leftGroups: m.leftGroups,
    rightGroups: m.rightGroups,
    leftOnly: m.leftOnlyGroups,
    rightOnly: m.rightOnlyGroups,
    rules: input.rules ?? [],
    referenceTables: input.referenceTables,
  });
  for (const [rows, index] of [[found.left, m.onlyLeftBreak], [found.right, m.onlyRightBreak]] as const) {
    for (const [row, suggestions] of rows) {
      const i = index.get(row);
      if (i !== undefined && suggestions.length) breaks[i] = { ...breaks[i], suggestions };
    }
  }
}
