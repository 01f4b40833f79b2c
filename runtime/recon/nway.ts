/**
 * N-way reconciliation (N ≥ 3, e.g. internal / broker / CCP; N = 2 works too): one key index
 * over all sources, then per key a tuple of at most one row per source, judged by TupleJudge
 * (nway-tuple.ts). Sources come in authoritative order: the first is the book of record.
 * Duplicates: the first source holding the key anchors the group; every other source's rows are
 * paired optimally with the anchor's (pairing.ts), and what stays unpaired is a duplicate (when
 * identical to a paired row) or a tuple of its own.
 */
import { BREAK_KINDS, type NwayBreak, type NwayResult, type NwaySummary, type ReconcileManyInput, type ReconSource } from './types';
import { compileRuleBook, type RuleBook } from './compile-rules';
import { FindingCollector } from './findings';
import { groupMembers, groupRows } from './groups';
import { buildKeyIndex } from './keys/key-index';
import { checkClusterBy } from './cluster';
import { rowSignature, twinFinder } from './match-groups';
import { TupleJudge } from './nway-tuple';
import { pairGroup } from './pairing';
import { breakSeverity } from './severity';
import { clusterSummaries, countByKind } from './summary';
import { BROKEN } from './tolerance/types';
import { originOf } from '../table/table';

export function reconcileMany(input: ReconcileManyInput): NwayResult {
  const findings = new FindingCollector();
  const report = findings.report;
  const { sources } = input;
  const N = sources.length;
  const names = new Set(sources.map((s) => s.name));
  if (N < 2 || names.size !== N) {
    report({ code: 'recon.sources', severity: 'error', message: N < 2 ? 'An N-way reconciliation needs at least two sources: add them to match.sources.' : 'Source names repeat in match.sources: give every source its own name.', location: { source: 'template', path: '$.match.sources' } });
    return { breaks: [], summary: emptySummary(sources), findings: findings.list };
  }
  const keyIndex = buildKeyIndex(sources, input.keys, { referenceTables: input.referenceTables, report, maxFindings: input.maxKeyFindings });
  if (!keyIndex) return { breaks: [], summary: emptySummary(sources), findings: findings.list };
  checkClusterBy(input.clusterBy, sources, report);

  const books: (RuleBook | undefined)[][] = sources.map(() => []);
  const fields: string[] = [];
  for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) {
    const book = compileRuleBook({ left: sources[i], right: sources[j], rules: input.rules, ruleSets: input.ruleSets, referenceTables: input.referenceTables, report });
    books[i][j] = book;
    for (const f of book.fields) if (!fields.includes(f)) fields.push(f);
  }
  let ruleSetIndex = input.ruleSetIndex;
  if (ruleSetIndex && ruleSetIndex.length !== sources[0].table.rowCount) {
    report({ code: 'recon.rule-set-index', severity: 'error', message: `The rule-set choice has ${ruleSetIndex.length} entries for ${sources[0].table.rowCount} rows of ${sources[0].name}: every row needs one; the default rules apply meanwhile.`, location: { source: sources[0].name, path: '$.match.ruleSets' } });
    ruleSetIndex = undefined;
  }
  const setCount = 1 + (input.ruleSets?.length ?? 0);
  const judge = new TupleJudge({ sources, keyIndex, books, fields, ruleSetIndex, setCount, severityRules: input.severityRules, clusterBy: input.clusterBy });
  const groups = sources.map((_, i) => groupRows(keyIndex.groupOf[i], keyIndex.groupCount));
  const signatures = sources.map((s) => rowSignature(s.table, fields));
  const same = signatures.map((sig) => (a: number, b: number) => sig(a) === sig(b));
  const breaks: NwayBreak[] = [];
  const rows = new Int32Array(N);
  const judgeRows = (g: number) => {
    const b = judge.judge(g, rows);
    if (b) breaks.push(b);
  };
  const duplicateBreak = (g: number, members: readonly (readonly number[])[]) => {
    const present = sources.filter((_, s) => members[s].length > 0);
    const lineage = Object.fromEntries(present.map((s) => [s.name, members[sources.indexOf(s)].map((r) => ref(s, r))]));
    const cluster = `duplicate|${present.map((s) => s.name).join('+')}`;
    judge.clusterStories.set(cluster, `Duplicate keys in ${present.filter((s) => members[sources.indexOf(s)].length > 1).map((s) => s.name).join(', ')}`);
    breaks.push({ key: keyIndex.keyRecord(g), kind: 'duplicate', present: present.map((s) => s.name), missing: [], disagree: [], fields: [], severity: breakSeverity('duplicate', [], input.severityRules), cluster, lineage });
  };

  for (let g = 0; g < keyIndex.groupCount; g++) {
    let anchor = -1;
    let dup = false;
    for (let s = 0; s < N; s++) {
      const n = groups[s].start[g + 1] - groups[s].start[g];
      if (n > 0 && anchor < 0) anchor = s;
      if (n > 1) dup = true;
      rows[s] = n > 0 ? groups[s].rows[groups[s].start[g]] : -1;
    }
    if (anchor < 0) continue;
    if (!dup) { judgeRows(g); continue; }
    const members = sources.map((_, s) => [...groupMembers(groups[s], g)]);
    if ((input.duplicates ?? 'optimal-pairing') === 'report') { duplicateBreak(g, members); continue; }
    const anchorRows = members[anchor];
    const tuples = anchorRows.map(() => new Int32Array(N).fill(-1));
    const tupleOf = new Map<number, number>();
    anchorRows.forEach((r, t) => { tuples[t][anchor] = r; tupleOf.set(r, t); });
    const strays: { s: number; r: number }[] = [];
    for (let s = anchor + 1; s < N; s++) {
      if (members[s].length === 0) continue;
      const book = books[anchor][s]!;
      const cost = (a: number, b: number) => {
        const { comparators } = book.setFor(a);
        let broken = 0;
        let distance = 0;
        for (const c of comparators) {
          if (c.compare(a, b) === BROKEN) broken++;
          distance += c.distance(a, b);
        }
        return broken + distance / (comparators.length + 1);
      };
      const result = pairGroup({ left: anchorRows, right: members[s], cost, sameLeft: same[anchor], sameRight: same[s], detectAmbiguity: false });
      const paired = new Set<number>();
      for (const [a, b] of result.pairs) { tuples[tupleOf.get(a)!][s] = b; paired.add(b); }
      const twinOf = twinFinder(signatures[s], paired);
      for (const r of members[s]) {
        if (paired.has(r)) continue;
        const twin = twinOf(r);
        if (twin !== undefined) duplicateBreak(g, sources.map((_, k) => (k === s ? [twin, r] : [])));
        else strays.push({ s, r });
      }
    }
    for (const t of tuples) { rows.set(t); judgeRows(g); }
    for (const { s, r } of strays) { rows.fill(-1); rows[s] = r; judgeRows(g); }
  }

  const totalRows = sources.reduce((n, s) => n + s.table.rowCount, 0);
  const matrix = (m: Int32Array) => sources.map((_, i) => sources.map((__, j) => (i < j ? m[i * N + j] : i > j ? m[j * N + i] : 0)));
  const summary: NwaySummary = {
    sources: sources.map((s, i) => ({ name: s.name, rows: s.table.rowCount, blankKeys: keyIndex.blankKeys[i] })),
    tuples: judge.tuples,
    matched: judge.matched,
    perfect: judge.perfect,
    withinTolerance: judge.matched - judge.perfect,
    matchRate: totalRows === 0 ? 1 : judge.cleanRows / totalRows,
    breaks: breaks.length,
    byKind: countByKind(breaks),
    missingBySource: Object.fromEntries(sources.map((s, i) => [s.name, judge.missing[i]])),
    agreement: Object.fromEntries(fields.map((f, k) => [f, { agree: matrix(judge.agree[k]), compared: matrix(judge.compared[k]) }])),
    clusters: clusterSummaries(breaks, judge.clusterStories),
  };
  return { breaks, summary, findings: findings.list };
}

function ref(s: ReconSource, r: number) {
  const o = originOf(s.table, r);
  return { datasetId: o.datasetId, row: o.rowNumber, index: r };
}

function emptySummary(sources: readonly ReconSource[]): NwaySummary {
  return {
    sources: sources.map((s) => ({ name: s.name, rows: s.table.rowCount, blankKeys: 0 })),
    tuples: 0, matched: 0, perfect: 0, withinTolerance: 0, matchRate: 0, breaks: 0,
    byKind: Object.fromEntries(BREAK_KINDS.map((k) => [k, 0])) as NwaySummary['byKind'],
    missingBySource: {}, agreement: {}, clusters: [],
  };
}
