/**
 * A tolerance kind is declarative metadata plus two functions (DESIGN.md §11.5): how to compile
 * a rule of the kind into a comparator over two columns, and how to say it in plain English.
 * The registry (registry.ts) lists them; nothing in the engine switches on a kind's name.
 */
import type { Column, Table } from '../../table/table';
import type { FindingSink } from '../reference-tables';
import type { CellValue, ReferenceTables, RuleData } from '../types';

/** 0: identical; 1: different but within tolerance; 2: outside tolerance (a break). */
export type Outcome = 0 | 1 | 2;
export const IDENTICAL = 0;
export const WITHIN = 1;
export const BROKEN = 2;

/** Pairs per block of compareMany: a block's gathered values stay in the L1 cache. */
export const BLOCK = 1024;

export interface FieldDetail {
  readonly left: CellValue;
  readonly right: CellValue;
  readonly diff: number | null;
  /** The rule's allowance at this pair, in field units (0 for exact); sizes severity. */
  readonly allowance: number;
  readonly measure?: { readonly value: number; readonly unit: string };
}

/** A rule compiled against one left and one right column. Row indices in, no allocation on compare. */
export interface FieldComparator {
  readonly field: string;
  readonly rule: RuleData;
  readonly sentence: string;
  compare(l: number, r: number): Outcome;
  /**
   * compare() over many pairs (ls[p], rs[p]) for p < count: raises worst[p] to the outcome and
   * adds each outcome to counts[outcome]. Optional; a comparator that has it reads each
   * column's values for a block of pairs in one tight loop first, which overlaps the cache
   * misses of rows taken in another source's order.
   */
  compareMany?(ls: Int32Array, rs: Int32Array, count: number, worst: Uint8Array, counts: Int32Array): void;
  /** A normalised difference in [0, 1] that ranks candidate pairings (0 = equal). */
  distance(l: number, r: number): number;
  /** Values and difference for a break record (allocates: call only for breaks). */
  detail(l: number, r: number): FieldDetail;
}

/** What a sentence may name: the sources, for "of the broker value". */
export interface DescribeContext {
  readonly left?: string;
  readonly right?: string;
}

export interface CompileContext extends DescribeContext {
  readonly leftTable: Table;
  readonly rightTable: Table;
  readonly leftColumn: Column;
  readonly rightColumn: Column;
  readonly referenceTables?: ReferenceTables;
  readonly report: FindingSink;
  /** Where the rule sits in the template, for findings: `$.match.rules[2]`. */
  readonly path: string;
}

export interface ParamSpec {
  readonly name: string;
  readonly type: 'number' | 'integer' | 'boolean' | 'enum' | 'reference-table' | 'column';
  readonly doc: string;
  readonly options?: readonly string[];
  readonly optional?: boolean;
  /** What the rule editor fills in for a new rule (required params) or shows when left out (optional ones). */
  readonly default?: number | string | boolean;
}

export interface ToleranceKind<R extends RuleData = RuleData> {
  readonly kind: R['kind'];
  /** Short label for the rule editor's menu. */
  readonly label: string;
  readonly doc: string;
  readonly params: readonly ParamSpec[];
  compile(rule: R, ctx: CompileContext): FieldComparator;
  describe(rule: R, ctx: DescribeContext): string;
  /** Problems the params alone cannot show (e.g. no tick size from anywhere), each with its fix. */
  check?(rule: R): readonly string[];
}

export type RuleOf<K extends RuleData['kind']> = Extract<RuleData, { kind: K }>;
