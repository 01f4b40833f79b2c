/**
 * Judging one N-way tuple: the rows of one key, at most one per source (−1 where a source lacks
 * it). The reference is the book of record (the first source) when it has the row, else the first
 * source that has it. Each field of each other source is compared with the reference's under the
 * rule set the book-of-record row chose; every pair of sources is compared too, for the agreement
 * matrix. A tuple breaks when a source lacks the row or disagrees with the reference.
 */
import { columnByName, originOf, type Column } from '../table/table';
import { clusterOf } from './cluster';
import { displayCell } from './column-views';
import type { RuleBook } from './compile-rules';
import type { KeyIndex } from './keys/key-index';
import { breakSeverity, type BrokenField } from './severity';
import { BROKEN, IDENTICAL, type FieldComparator } from './tolerance/types';
import type { CellValue, LineageRef, NwayBreak, NwayBreakField, ReconSource, SeverityRule } from './types';

export interface TupleJudgeOptions {
  readonly sources: readonly ReconSource[];
  readonly keyIndex: KeyIndex;
  /** books[i][j] for i < j: rules compiled for source i (left) against source j (right). */
  readonly books: readonly (readonly (RuleBook | undefined)[])[];
  readonly fields: readonly string[];
  readonly ruleSetIndex?: Int32Array;
  readonly setCount: number;
  readonly severityRules?: readonly SeverityRule[];
  readonly clusterBy?: readonly string[];
}

export class TupleJudge {
  readonly agree: Int32Array[];
  readonly compared: Int32Array[];
  readonly missing: Int32Array;
  matched = 0;
  perfect = 0;
  cleanRows = 0;
  tuples = 0;
  readonly clusterStories = new Map<string, string>();
  /** cmp[(i * N + j) * sets + set][slot] */
  private readonly cmp: (FieldComparator | undefined)[][];
  private readonly N: number;
  private readonly clusterColumns: (Column | undefined)[][];

  constructor(private readonly o: TupleJudgeOptions) {
    const N = (this.N = o.sources.length);
    const F = o.fields.length;
    this.agree = o.fields.map(() => new Int32Array(N * N));
    this.compared = o.fields.map(() => new Int32Array(N * N));
    this.missing = new Int32Array(N);
    this.cmp = [];
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) for (let s = 0; s < o.setCount; s++) {
      const row: (FieldComparator | undefined)[] = new Array(F).fill(undefined);
      const set = o.books[i]?.[j]?.sets[s];
      set?.comparators.forEach((c) => { row[o.fields.indexOf(c.field)] = c; });
      this.cmp[(i * N + j) * o.setCount + s] = row;
    }
    this.clusterColumns = o.sources.map((s) => (o.clusterBy ?? []).map((name) => columnByName(s.table, name)));
  }

  private setOf(rows: Int32Array): number {
    const idx = this.o.ruleSetIndex;
    if (!idx || rows[0] < 0) return 0;
    const k = idx[rows[0]];
    return k >= 0 && k + 1 < this.o.setCount ? k + 1 : 0;
  }

  judge(group: number, rows: Int32Array): NwayBreak | undefined {
    const { N } = this;
    this.tuples++;
    const set = this.setOf(rows);
    const ref = rows[0] >= 0 ? 0 : rows.findIndex((r) => r >= 0);
    let missingAny = false;
    let disagreeAny = false;
    let differAny = false;
    for (let s = 0; s < N; s++) if (rows[s] < 0) { this.missing[s]++; missingAny = true; }
    // Pairwise agreement, all pairs present.
    for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) {
      if (rows[i] < 0 || rows[j] < 0) continue;
      const cs = this.cmp[(i * N + j) * this.o.setCount + set];
      for (let f = 0; f < cs.length; f++) {
        const c = cs[f];
        if (!c) continue;
        const o = c.compare(rows[i], rows[j]);
        this.compared[f][i * N + j]++;
        if (o !== BROKEN) this.agree[f][i * N + j]++;
        if (i === ref) {
          if (o === BROKEN) disagreeAny = true;
          else if (o !== IDENTICAL) differAny = true;
        }
      }
    }
    if (!missingAny && !disagreeAny) {
      this.matched++;
      if (!differAny) this.perfect++;
      this.cleanRows += N;
      return undefined;
    }
    return this.makeBreak(group, rows, ref, set, missingAny);
  }

  private makeBreak(group: number, rows: Int32Array, ref: number, set: number, missingAny: boolean): NwayBreak {
    const { N } = this;
    const { sources, fields } = this.o;
    const out: NwayBreakField[] = [];
    const broken: BrokenField[] = [];
    const disagreeing = new Set<string>();
    for (let f = 0; f < fields.length; f++) {
      const values: Record<string, CellValue> = {};
      const disagree: string[] = [];
      let first: { s: number; c: FieldComparator; broken: boolean } | undefined;
      let rule: FieldComparator | undefined;
      for (let s = 0; s < N; s++) {
        if (rows[s] < 0) continue;
        if (s === ref) continue;
        const c = this.cmp[(ref * N + s) * this.o.setCount + set][f];
        if (!c) continue;
        rule ??= c;
        values[sources[s].name] = c.detail(rows[ref], rows[s]).right;
        const o = c.compare(rows[ref], rows[s]);
        if (o === BROKEN) { disagree.push(sources[s].name); disagreeing.add(sources[s].name); }
        if (o !== IDENTICAL && (!first || (!first.broken && o === BROKEN))) first = { s, c, broken: o === BROKEN };
      }
      if (!rule || !first) continue;
      const d = first.c.detail(rows[ref], rows[first.s]);
      const field: NwayBreakField = {
        field: fields[f], left: d.left, right: d.right, diff: d.diff, rule: rule.sentence, tolerance: rule.rule,
        withinTolerance: disagree.length === 0, ...(d.measure ? { measure: d.measure } : {}),
        values: { [sources[ref].name]: d.left, ...values }, reference: sources[ref].name, disagree,
      };
      out.push(field);
      if (disagree.length) broken.push({ ...field, allowance: d.allowance });
    }
    const present = sources.filter((_, s) => rows[s] >= 0).map((s) => s.name);
    const missing = sources.filter((_, s) => rows[s] < 0).map((s) => s.name);
    const kind = missingAny ? (rows[0] >= 0 ? 'only-left' : 'only-right') : 'field';
    const by = (this.o.clusterBy ?? []).map((name, k): readonly [string, CellValue] => {
      const s = rows.findIndex((r, i) => r >= 0 && this.clusterColumns[i][k] !== undefined);
      return [name, s >= 0 ? displayCell(this.clusterColumns[s][k]!, rows[s]) : null];
    });
    const { signature, description } = clusterOf({
      kind, broken: out.filter((f) => !f.withinTolerance), by, left: sources[ref].name, right: [...disagreeing][0] ?? 'the others',
      extra: missing.length ? [['missing', missing.join('+')]] : [],
      lead: missing.length ? `Missing in ${missing.join(', ')}` : undefined,
    });
    if (!this.clusterStories.has(signature)) this.clusterStories.set(signature, description);
    const lineage: Record<string, LineageRef[]> = {};
    sources.forEach((s, i) => {
      if (rows[i] < 0) return;
      const o = originOf(s.table, rows[i]);
      lineage[s.name] = [{ datasetId: o.datasetId, row: o.rowNumber, index: rows[i] }];
    });
    return {
      key: this.o.keyIndex.keyRecord(group), kind, present, missing, disagree: [...disagreeing], fields: out,
      severity: breakSeverity(kind, broken, this.o.severityRules), cluster: signature, lineage,
    };
  }
}
