/**
 * Break records (DESIGN.md §4), allocated only for breaks: the key, the fields that differ with
 * their rule and whether they are within it, severity, cluster signature and lineage back to the
 * source files' rows.
 */
import { columnByName, originOf, type Column } from '../table/table';
import { clusterOf } from './cluster';
import { displayCell } from './column-views';
import type { RuleBook } from './compile-rules';
import type { Groups } from './groups';
import type { KeyIndex } from './keys/key-index';
import { breakSeverity, type BrokenField } from './severity';
import { IDENTICAL, WITHIN } from './tolerance/types';
import type { ReconTally } from './summary';
import type { Break, BreakField, BreakKind, CellValue, LineageRef, ReconSource, SeverityRule } from './types';

/** One side as the engine compares it: maybe aggregated, with lineage to the original rows. */
export interface Side {
  readonly source: ReconSource;
  /** The table rows come from for lineage (the original, when `source` is aggregated). */
  readonly original: ReconSource;
  readonly groupOf: Int32Array;
  readonly members?: Groups;
}

export const sideRows = (side: Side, row: number): number => (side.members ? side.members.start[row + 1] - side.members.start[row] : 1);

export function lineageOf(side: Side, row: number): LineageRef[] {
  const ref = (r: number): LineageRef => {
    const o = originOf(side.original.table, r);
    return { datasetId: o.datasetId, row: o.rowNumber, index: r };
  };
  if (!side.members) return [ref(row)];
  const out: LineageRef[] = [];
  for (let k = side.members.start[row]; k < side.members.start[row + 1]; k++) out.push(ref(side.members.rows[k]));
  return out;
}

export interface BreakFactoryOptions {
  readonly keyIndex: KeyIndex;
  readonly left: Side;
  readonly right: Side;
  readonly book: RuleBook;
  readonly tally: ReconTally;
  readonly severityRules?: readonly SeverityRule[];
  readonly clusterBy?: readonly string[];
  /** Summed fields: a pair breaking on one of them is an 'aggregate' break. */
  readonly sumFields?: ReadonlySet<string>;
}

export class BreakFactory {
  /** Cluster signature → its plain-English story. */
  readonly clusterStories = new Map<string, string>();
  private readonly clusterColumns: readonly (readonly [string, Column | undefined, Column | undefined])[];

  constructor(private readonly o: BreakFactoryOptions) {
    this.clusterColumns = (o.clusterBy ?? []).map((name) => [name, columnByName(o.left.source.table, name), columnByName(o.right.source.table, name)] as const);
  }

  private make(kind: BreakKind, group: number, fields: readonly BreakField[], broken: readonly BrokenField[], left: readonly number[], right: readonly number[]): Break {
    const by = this.clusterColumns.map(([name, lc, rc]): readonly [string, CellValue] => {
      const v = lc && left.length ? displayCell(lc, left[0]) : null;
      return [name, v ?? (rc && right.length ? displayCell(rc, right[0]) : null)];
    });
    const { signature, description } = clusterOf({ kind, broken: fields.filter((f) => !f.withinTolerance), by, left: this.o.left.source.name, right: this.o.right.source.name });
    if (!this.clusterStories.has(signature)) this.clusterStories.set(signature, description);
    const lineage: { left?: LineageRef[]; right?: LineageRef[] } = {};
    if (left.length) lineage.left = left.flatMap((l) => lineageOf(this.o.left, l));
    if (right.length) lineage.right = right.flatMap((r) => lineageOf(this.o.right, r));
    return { key: this.o.keyIndex.keyRecord(group), kind, fields, severity: breakSeverity(kind, broken, this.o.severityRules), cluster: signature, lineage };
  }

  onlyLeft(group: number, l: number): Break {
    return this.make('only-left', group, [], [], [l], []);
  }

  onlyRight(group: number, r: number): Break {
    return this.make('only-right', group, [], [], [], [r]);
  }

  /** Duplicates left over, or an ambiguous tie: the rows involved, no field comparison. */
  rows(kind: 'duplicate' | 'ambiguous', group: number, left: readonly number[], right: readonly number[]): Break {
    return this.make(kind, group, [], [], left, right);
  }

  /** A pair with at least one field outside tolerance. */
  pair(group: number, l: number, r: number): Break {
    const { comparators, slots } = this.o.book.setFor(l);
    const fields: BreakField[] = [];
    const broken: BrokenField[] = [];
    let aggregate = false;
    for (let i = 0; i < comparators.length; i++) {
      const c = comparators[i];
      const outcome = c.compare(l, r);
      if (outcome === IDENTICAL) continue;
      const d = c.detail(l, r);
      const field: BreakField = {
        field: c.field, left: d.left, right: d.right, diff: d.diff, rule: c.sentence, tolerance: c.rule,
        withinTolerance: outcome === WITHIN, ...(d.measure ? { measure: d.measure } : {}),
      };
      fields.push(field);
      if (outcome === WITHIN) continue;
      broken.push({ ...field, allowance: d.allowance });
      this.o.tally.fieldBroken(slots[i], d.diff, d.left === null || d.right === null);
      if (this.o.sumFields?.has(c.field)) aggregate = true;
    }
    return this.make(aggregate ? 'aggregate' : 'field', group, fields, broken, [l], [r]);
  }
}
